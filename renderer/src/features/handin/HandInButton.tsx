// "Hand in": shows what the submission file will contain (this profile's work only), asks for the
// student's name and id once (then remembered by the engine), writes the file and shows where, with
// "Copy path" and, in the desktop app, "Show in folder" and a native "save as" dialog for a USB stick.
// A second hand-in of the same exercise is never a silent duplicate: the dialog says it was handed in
// and offers to hand in again as the next version. In the browser (web host) there is no native dialog
// and no way to open a folder: the path is shown to copy, and the same JSON is offered as a download.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineError, invoke, transportKind, type MethodOutput } from '../../bridge';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../i18n/describeError';
import './strings';
import './handin.css';

type Result = MethodOutput<'submission.handIn'>;
type Preview = MethodOutput<'submission.preview'>;

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

function formatWhen(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

function joinPath(folder: string, file: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + file : folder + sep + file;
}

function HandInDialog({ exerciseId, beforeHandIn, onClose }: HandInButtonProps & { onClose: () => void }) {
  const { t, i18n } = useTranslation('handin');
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const ids = useId();
  const desktop = transportKind() === 'ipc';
  const [preview, setPreview] = useState<Preview | null>(null);
  const [name, setName] = useState('');
  const [studentId, setStudentId] = useState('');
  const [folder, setFolder] = useState('');
  const [fileName, setFileName] = useState('');
  /** The whole path picked in the desktop's native save dialog. */
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exists, setExists] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<'copied' | 'failed' | null>(null);
  const pathRef = useRef<HTMLInputElement>(null);

  const loadPreview = useCallback(async () => {
    try {
      const p = await invoke('submission.preview', { exerciseId, lang: currentLanguage() });
      setPreview(p);
      if (p.student) {
        setName((n) => n || p.student!.name);
        setStudentId((s) => s || p.student!.id);
      }
    } catch (err) {
      setError(t('error', { message: describeError(err) }));
    }
  }, [exerciseId, t]);

  const flush = useRef(beforeHandIn);
  useEffect(() => {
    // The latest code first (a pending autosave), then what the file would hold.
    void Promise.resolve(flush.current?.()).then(loadPreview);
  }, [loadPreview]);
  useEffect(() => () => { if (downloadUrl) URL.revokeObjectURL(downloadUrl); }, [downloadUrl]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const previous = preview?.handIns.at(-1) ?? null;
  const nextVersion = (previous?.version ?? 0) + 1;

  async function chooseTarget() {
    if (!preview) return;
    try {
      // The default name carries the id as typed now.
      const id = studentId.trim();
      const fresh = id ? await invoke('submission.preview', { exerciseId, lang: currentLanguage(), studentId: id }) : preview;
      const defaultPath = fresh.defaultFolder ? joinPath(fresh.defaultFolder, fresh.defaultFileName) : fresh.defaultFileName;
      const { path } = await invoke('desktop.chooseSaveFile', { title: t('chooseTitle'), defaultPath, filterName: t('chooseFilter'), extensions: ['json'] });
      if (path) setTarget(path);
    } catch (err) {
      setError(t('error', { message: describeError(err) }));
    }
  }

  async function write(replace: boolean) {
    if (!name.trim() || !studentId.trim()) return setError(t('required'));
    setBusy(true);
    setError(null);
    setExists(null);
    try {
      await beforeHandIn?.();
      const out = await invoke('submission.handIn', {
        exerciseId,
        student: { name: name.trim(), id: studentId.trim() },
        ...(target
          ? { target, replace: true } // the native save dialog asked before replacing
          : { folder: folder.trim() || undefined, fileName: fileName.trim() || undefined, replace }),
        again: previous !== null,
      });
      setResult(out);
      setCopyState(null);
      if (!desktop) setDownloadUrl(URL.createObjectURL(new Blob([out.json], { type: 'application/json' })));
    } catch (err) {
      if (err instanceof EngineError && err.code === 'FILE_EXISTS') setExists(String(err.params.path ?? ''));
      else if (err instanceof EngineError && err.code === 'ALREADY_HANDED_IN') void loadPreview();
      else setError(t('error', { message: describeError(err) }));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void write(false);
  }

  async function copyPath() {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.path);
      setCopyState('copied');
    } catch {
      // No clipboard permission (some browsers, plain http): select the path so Ctrl+C copies it.
      pathRef.current?.focus();
      pathRef.current?.select();
      setCopyState('failed');
    }
  }

  async function showInFolder() {
    if (!result) return;
    try {
      await invoke('desktop.showInFolder', { path: result.path });
    } catch (err) {
      setError(t('error', { message: describeError(err) }));
    }
  }

  function handInAgain() {
    setResult(null);
    setTarget(null);
    setFileName('');
    setCopyState(null);
    void loadPreview();
  }

  return (
    <div className="handin-backdrop" role="presentation" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <form className="handin-dialog card" role="dialog" aria-modal="true" aria-labelledby={`${ids}-title`} onSubmit={submit}>
        <h2 id={`${ids}-title`}>{t('title')}</h2>
        {result ? (
          <div className="handin-saved" role="status" data-testid="handin-saved">
            <p className="handin-ok" data-testid="handin-saved-text">
              {t(result.replaced ? 'savedReplaced' : 'saved', { version: result.version })}
            </p>
            <label htmlFor={`${ids}-path`}>{t('where')}</label>
            <input id={`${ids}-path`} ref={pathRef} className="handin-path" data-testid="handin-path" readOnly value={result.path} onFocus={(e) => e.currentTarget.select()} />
            <div className="handin-path-actions">
              {desktop && (
                <button type="button" data-testid="handin-show" onClick={() => void showInFolder()}>{t('show')}</button>
              )}
              <button type="button" data-testid="handin-copy" onClick={() => void copyPath()}>{t('copy')}</button>
              {downloadUrl && (
                <a href={downloadUrl} download={result.fileName} data-testid="handin-download">{t('download', { fileName: result.fileName })}</a>
              )}
            </div>
            {copyState && <p className="muted" data-testid="handin-copy-state">{t(copyState === 'copied' ? 'copied' : 'copyFailed')}</p>}
            {!desktop && <p className="muted">{t('webWhere')}</p>}
            {error && <p className="handin-error" role="alert">{error}</p>}
            <div className="handin-actions">
              <button type="button" data-testid="handin-again" onClick={handInAgain}>{t('again')}</button>
              <button type="button" className="primary" onClick={onClose}>{t('close')}</button>
            </div>
          </div>
        ) : (
          <>
            <p className="muted">{t('explain')}</p>
            <Contents preview={preview} lang={lang} />
            {previous && (
              <div className="handin-previous" role="note" data-testid="handin-previous">
                <p>{t('previous', { version: previous.version, at: formatWhen(previous.at, lang), path: previous.path })}</p>
                <p>{t('previousAgain', { next: nextVersion })}</p>
              </div>
            )}
            <label htmlFor={`${ids}-name`}>{t('name')}</label>
            <input id={`${ids}-name`} data-testid="handin-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} autoComplete="name" />
            <label htmlFor={`${ids}-id`}>{t('id')}</label>
            <input id={`${ids}-id`} data-testid="handin-id" value={studentId} onChange={(e) => setStudentId(e.target.value)} maxLength={100} />
            {desktop ? (
              <div className="handin-target">
                <span className="handin-label">{t('saveTo')}</span>
                <code data-testid="handin-target">
                  {target ?? (preview?.defaultFolder ? joinPath(preview.defaultFolder, preview.defaultFileName) : '…')}
                </code>
                <button type="button" data-testid="handin-choose" onClick={() => void chooseTarget()} disabled={!preview}>{t('choose')}</button>
              </div>
            ) : (
              <>
                <label htmlFor={`${ids}-folder`}>{t('folder')}</label>
                <input id={`${ids}-folder`} data-testid="handin-folder" value={folder} aria-describedby={`${ids}-folder-hint`} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />
                <p id={`${ids}-folder-hint`} className="muted handin-hint">{t('folderHint', { folder: preview?.defaultFolder ?? '' })}</p>
                <label htmlFor={`${ids}-file`}>{t('fileName')}</label>
                <input id={`${ids}-file`} data-testid="handin-file" value={fileName} onChange={(e) => setFileName(e.target.value)} maxLength={200} spellCheck={false} />
              </>
            )}
            {error && <p className="handin-error" role="alert">{error}</p>}
            {exists && (
              <div className="handin-error" role="alert" data-testid="handin-exists">
                {t('exists', { path: exists })}{' '}
                <button type="button" data-testid="handin-replace" onClick={() => void write(true)} disabled={busy}>{t('replace')}</button>
              </div>
            )}
            <div className="handin-actions">
              <button type="button" onClick={onClose}>{t('cancel')}</button>
              <button type="submit" className="primary" disabled={busy || !preview} data-testid="handin-submit">
                {busy ? t('working') : previous ? t('submitAgain', { version: nextVersion }) : t('submit')}
              </button>
            </div>
          </>
        )}
      </form>
    </div>
  );
}

/** What the file will hold, from this profile's own progress. */
function Contents({ preview, lang }: { preview: Preview | null; lang: 'ru' | 'en' }) {
  const { t } = useTranslation('handin');
  if (!preview) return <p className="muted" data-testid="handin-contents">{t('contents.loading')}</p>;
  const run = preview.lastRun;
  return (
    <section className="handin-contents" data-testid="handin-contents" aria-label={t('contents.title')}>
      <h3>{t('contents.title')}</h3>
      <dl>
        <dt>{t('contents.exercise')}</dt>
        <dd data-testid="handin-contents-exercise">{preview.exercise.title}</dd>
        <dt>{t('contents.code')}</dt>
        <dd>
          {preview.files.map((f) => (
            <div key={f.path}>{f.fromStarter ? t('contents.codeStarter', { path: f.path }) : t('contents.codeFile', { path: f.path, count: f.lines })}</div>
          ))}
        </dd>
        <dt>{t('contents.score')}</dt>
        <dd data-testid="handin-contents-score">
          {run ? t('contents.scoreLast', { points: run.points, max: run.maxPoints, passed: run.passed, total: run.total }) : t('contents.scoreNone')}
        </dd>
        <dt>{t('contents.runs')}</dt>
        <dd data-testid="handin-contents-runs">{t('contents.runsCount', { count: preview.runs })}</dd>
        <dt>{t('contents.hints')}</dt>
        <dd>{preview.hintsOpened}</dd>
        <dt>{t('contents.quiz')}</dt>
        <dd data-testid="handin-contents-quiz">
          {preview.quizAttempts.length === 0
            ? t('contents.quizNone')
            : preview.quizAttempts.map((a) => (
                <div key={a.quizId + a.at}>{t('contents.quizItem', { quiz: a.quizId, score: a.score, max: a.maxScore, at: formatWhen(a.at, lang) })}</div>
              ))}
        </dd>
      </dl>
      <p className="muted">{t('contents.hidden')}</p>
    </section>
  );
}
