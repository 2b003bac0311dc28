// "Hand in": asks for the student's name and id once (then remembered by the engine), writes the
// submission file through submission.handIn and shows where. In the browser (web host) there is no
// native save dialog, so the same JSON is also offered as a download.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, transportKind, type MethodOutput } from '../../bridge';
import './strings';
import './handin.css';

type Result = MethodOutput<'submission.handIn'>;

export interface HandInButtonProps {
  exerciseId: string;
  /** Called before the file is built, e.g. to flush the editor's pending autosave so the latest code is handed in. */
  beforeHandIn?: () => void | Promise<void>;
}

export function HandInButton({ exerciseId, beforeHandIn }: HandInButtonProps) {
  const { t } = useTranslation('handin');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="handin-button" data-testid="handin-button" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open && <HandInDialog exerciseId={exerciseId} beforeHandIn={beforeHandIn} onClose={() => setOpen(false)} />}
    </>
  );
}

function HandInDialog({ exerciseId, beforeHandIn, onClose }: HandInButtonProps & { onClose: () => void }) {
  const { t } = useTranslation('handin');
  const ids = useId();
  const [name, setName] = useState('');
  const [studentId, setStudentId] = useState('');
  const [folder, setFolder] = useState('');
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);

  useEffect(() => {
    void invoke('submission.student', {}).then(({ student }) => {
      if (student) {
        setName(student.name);
        setStudentId(student.id);
      }
    });
  }, []);
  useEffect(() => () => { if (downloadUrl) URL.revokeObjectURL(downloadUrl); }, [downloadUrl]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim() || !studentId.trim()) return setError(t('required'));
    setBusy(true);
    setError(null);
    try {
      await beforeHandIn?.();
      const out = await invoke('submission.handIn', {
        exerciseId,
        student: { name: name.trim(), id: studentId.trim() },
        folder: folder.trim() || undefined,
        fileName: fileName.trim() || undefined,
      });
      setResult(out);
      if (transportKind() === 'http') setDownloadUrl(URL.createObjectURL(new Blob([out.json], { type: 'application/json' })));
    } catch (err) {
      setError(t('error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="handin-backdrop" role="presentation" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <form className="handin-dialog card" role="dialog" aria-modal="true" aria-labelledby={`${ids}-title`} onSubmit={submit}>
        <h2 id={`${ids}-title`}>{t('title')}</h2>
        <p className="muted">{t('explain')}</p>
        <label htmlFor={`${ids}-name`}>{t('name')}</label>
        <input id={`${ids}-name`} data-testid="handin-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} />
        <label htmlFor={`${ids}-id`}>{t('id')}</label>
        <input id={`${ids}-id`} data-testid="handin-id" value={studentId} onChange={(e) => setStudentId(e.target.value)} maxLength={100} />
        <label htmlFor={`${ids}-folder`}>{t('folder')}</label>
        <input id={`${ids}-folder`} value={folder} placeholder={t('folderPlaceholder')} onChange={(e) => setFolder(e.target.value)} />
        <label htmlFor={`${ids}-file`}>{t('fileName')}</label>
        <input id={`${ids}-file`} value={fileName} onChange={(e) => setFileName(e.target.value)} maxLength={200} />
        {error && <p className="handin-error" role="alert">{error}</p>}
        {result && (
          <p className="handin-saved" role="status" data-testid="handin-saved">
            {t('saved', { path: result.path })}
            {downloadUrl && (
              <>
                {' '}
                <a href={downloadUrl} download={result.fileName} data-testid="handin-download">{t('download', { fileName: result.fileName })}</a>
              </>
            )}
          </p>
        )}
        <div className="handin-actions">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button type="submit" className="primary" disabled={busy} data-testid="handin-submit">{busy ? t('working') : t('submit')}</button>
        </div>
      </form>
    </div>
  );
}
