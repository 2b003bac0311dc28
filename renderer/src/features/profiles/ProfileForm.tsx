// The name + optional student id form, used to create a profile and to edit one.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { profileError } from './profileText';

export function ProfileForm(props: {
  initial?: { name: string; studentId: string };
  submitLabel: string;
  onSubmit(name: string, studentId: string): Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('profiles');
  const ids = useId();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [studentId, setStudentId] = useState(props.initial?.studentId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(t('errors.nameRequired'));
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(name.trim(), studentId.trim());
    } catch (err) {
      setError(profileError(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="profile-form" onSubmit={submit} data-testid="profile-form">
      <label htmlFor={`${ids}-name`}>{t('name')}</label>
      <input id={`${ids}-name`} data-testid="profile-name" value={name} maxLength={200} autoFocus={props.autoFocus} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${ids}-sid`}>{t('studentId')}</label>
      <input id={`${ids}-sid`} data-testid="profile-student-id" value={studentId} maxLength={100} aria-describedby={`${ids}-hint`} onChange={(e) => setStudentId(e.target.value)} />
      <p id={`${ids}-hint`} className="muted profile-hint">{t('studentIdHint')}</p>
      {error && <p className="profile-error" role="alert">{error}</p>}
      <div className="profile-actions">
        {props.onCancel && <button type="button" onClick={props.onCancel}>{t('cancel')}</button>}
        <button type="submit" className="primary" disabled={busy} data-testid="profile-submit">{busy ? t('creating') : props.submitLabel}</button>
      </div>
    </form>
  );
}
