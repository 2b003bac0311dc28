// Tabs for every file of the exercise: editable ones first, read-only ones marked with a lock,
// then the visible tests (read-only too).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { setActiveFile, useWorkspace } from './store';

/** Memoized: it takes no props and reads the store itself, so the page re-rendering does not redo it. */
export const FileTabs = memo(function FileTabs() {
  const { t } = useTranslation('exercises');
  const view = useWorkspace((s) => s.view);
  const active = useWorkspace((s) => s.activeFile);
  const viewing = useWorkspace((s) => s.viewingRun);
  const saveState = useWorkspace((s) => s.save.state);
  if (!view) return null;
  const tabs = [
    ...view.files.map((f) => ({ name: f.name, label: f.name, editable: f.editable && !viewing, test: false })),
    ...view.tests.map((x) => ({ name: x.file, label: x.file.split('/').pop() ?? x.file, editable: false, test: true })),
  ];
  return (
    <div className="ex-tabs" role="tablist" aria-label={t('ws.filesLabel')}>
      {tabs.map((tab, i) => (
        <button
          key={tab.name}
          role="tab"
          aria-selected={tab.name === active}
          className={`ex-tab ${tab.name === active ? 'active' : ''} ${tab.editable ? 'editable' : 'readonly'} ${tab.test && !tabs[i - 1]?.test ? 'first-test' : ''}`}
          data-testid={`tab-${tab.name}`}
          data-readonly={!tab.editable}
          title={`${tab.name} — ${tab.editable ? t('ws.editable') : t('ws.readonly')}`}
          onClick={() => setActiveFile(tab.name)}
        >
          {tab.editable ? (
            <span className="ex-tab-dot" aria-hidden="true">{saveState === 'dirty' || saveState === 'saving' ? '●' : '✎'}</span>
          ) : (
            <LockIcon />
          )}
          {tab.label}
          <span className="sr-only"> ({tab.editable ? t('ws.editable') : t('ws.readonly')})</span>
        </button>
      ))}
    </div>
  );
});

/** A padlock drawn inline: emoji fonts are not installed everywhere. */
function LockIcon() {
  return (
    <svg className="ex-tab-lock" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
