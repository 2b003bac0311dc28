// "Saved 12:03:41" / "Saving…" / "Not saved: …" next to the toolbar, announced politely.
import { useTranslation } from 'react-i18next';
import { useWorkspace } from './store';

export function SaveStatus() {
  const { t, i18n } = useTranslation('exercises');
  const save = useWorkspace((s) => s.save);
  const time = save.savedAt ? new Date(save.savedAt).toLocaleTimeString(i18n.language) : '';
  const text =
    save.state === 'error' ? t('ws.saveFailed', { message: save.error ?? '' })
    : save.state === 'saving' ? t('ws.saving')
    : save.state === 'dirty' ? t('ws.unsaved')
    : save.savedAt ? t('ws.saved', { time }) : '';
  return (
    <span className={`ex-save ex-save-${save.state}`} role="status" aria-live="polite" data-testid="save-status" data-state={save.state}>
      {text}
    </span>
  );
}
