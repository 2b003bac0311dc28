// "Saved 12:03:41" / "Saving…" / "Not saved: …" next to the toolbar, announced politely.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from './store';

/** Memoized: it takes no props and reads the store itself, so the page re-rendering does not redo it. */
export const SaveStatus = memo(function SaveStatus() {
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
});
