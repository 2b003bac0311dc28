// The exercise workspace: task on the left; file tabs, the editor and the results/history on the right.
// Run tests with the button or Ctrl/Cmd+Enter; the code is saved as it is typed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../../app/router';
import { currentLanguage, type Language } from '../../../i18n';
import { HandInButton } from '../../handin/HandInButton';
import { TaskPanel } from '../task/TaskPanel';
import { ResultsPanel } from '../results/ResultsPanel';
import { HistoryPanel } from './HistoryPanel';
import { FileTabs } from './FileTabs';
import { ConfirmDialog } from './ConfirmDialog';
import { SaveStatus } from './SaveStatus';
import { SplitHandle, useResultsShare } from './SplitHandle';
import { closeExercise, closeRunView, flushSave, openExercise, refreshTexts, resetToStarter, restoreRun, runTests, setPane, setPanel, useWorkspace } from './store';
import { useMediaQuery } from '../../../components/useMediaQuery';
import { mark } from '../../../app/perfMarks';
import { codeEditor } from '../editor/codeEditorModule';

/** Below this the three panes become tabs (Task | Code | Results). */
export const COMPACT_QUERY = '(max-width: 1180px), (max-height: 560px)';

// Monaco is the heavy part: it loads in its own chunk while the task is already readable (or has
// loaded already: the warm-up, or the app's start on this address).
const CodeEditor = codeEditor.WithFallback;

export function WorkspacePage({ exerciseId }: { exerciseId: string }) {
  const { t, i18n } = useTranslation('exercises');
  const view = useWorkspace((s) => s.view);
  const loadError = useWorkspace((s) => s.loadError);
  const running = useWorkspace((s) => s.running);
  const panel = useWorkspace((s) => s.panel);
  const viewing = useWorkspace((s) => s.viewingRun);
  const runsCount = useWorkspace((s) => s.runs.length);
  const [confirmReset, setConfirmReset] = useState(false);
  const [resultsShare, setResultsShare] = useResultsShare();
  const [confirmRestore, setConfirmRestore] = useState<number | null>(null);
  // Too small for task, code and results side by side (a projector at 1024 px, or zoomed in): tabs.
  const compact = useMediaQuery(COMPACT_QUERY);
  const pane = useWorkspace((s) => s.pane);
  const verdict = useWorkspace((s) => (s.results ? s.results.status : null));
  const verdictBadge = verdict && !running && (
    <span className={`badge ${verdict === 'pass' ? 'ok' : 'bad'}`}>{t(`results.status.${verdict}`)}</span>
  );
  /** In the tabbed layout each pane is a tabpanel, and only the chosen one shows (the others stay mounted). */
  const paneProps = (p: 'task' | 'code' | 'results') =>
    compact
      ? { id: `ex-pane-${p}`, role: 'tabpanel', 'aria-labelledby': `ex-pane-tab-${p}`, hidden: pane !== p, 'data-pane': p }
      : { 'data-pane': p };
  // Ask for the exercise and for Monaco's chunk at once, during the first render: waiting for the
  // effect would let Monaco's parsing delay the request.
  useState(() => {
    mark('workspace:open');
    void openExercise(exerciseId, currentLanguage());
    void codeEditor.preload();
  });

  // The page is keyed by the route, so one instance shows one exercise: open above, close here.
  useEffect(() => () => closeExercise(), []);

  const [openedIn] = useState(i18n.language);
  useEffect(() => {
    if (i18n.language !== openedIn) void refreshTexts(i18n.language as Language);
  }, [i18n.language, openedIn]);

  useEffect(() => {
    // Ctrl/Cmd+Enter anywhere on the page runs the tests (Monaco handles it itself while focused).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        e.preventDefault();
        void runTests();
      }
    };
    // A tab going to the background or closing saves what is pending right away.
    const onHide = () => void flushSave();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('keydown', onKey);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  if (loadError) {
    return (
      <div className="page">
        <p><a href={hrefFor('exercises')}>← {t('ws.back')}</a></p>
        <h1>{loadError.code === 'NOT_FOUND' ? t('ws.notFound', { id: exerciseId }) : t('ws.loadError', { message: loadError.message })}</h1>
      </div>
    );
  }
  if (!view) return <div className="page-loading">{t('shell:loading')}</div>;

  return (
    <div className="ex-workspace" data-testid="workspace" data-exercise={view.id}>
      <header className="ex-toolbar">
        <a href={hrefFor('exercises')} className="ex-back">← {t('ws.back')}</a>
        <h1 className="ex-title">{view.title}</h1>
        <SaveStatus />
        <button className="danger" onClick={() => setConfirmReset(true)} data-testid="reset" disabled={running}>
          {t('ws.reset')}
        </button>
        {/* Hand in saves the pending edit first, so the file holds exactly what is on screen. */}
        <HandInButton exerciseId={view.id} beforeHandIn={flushSave} />
        <button className="primary ex-run" onClick={() => void runTests()} disabled={running} data-testid="run-tests" title={t('ws.runShortcut')} aria-keyshortcuts="Control+Enter Meta+Enter">
          {running ? <><span className="spinner" aria-hidden="true" /> {t('ws.running')}</> : <>▶ {t('ws.run')}</>}
          <kbd className="ex-kbd">Ctrl+↵</kbd>
        </button>
      </header>
      {compact && (
        <div className="ex-panes" role="tablist" aria-label={t('ws.panesLabel')}>
          {(['task', 'code', 'results'] as const).map((p) => (
            <button
              key={p}
              role="tab"
              id={`ex-pane-tab-${p}`}
              aria-selected={pane === p}
              aria-controls={`ex-pane-${p}`}
              className={pane === p ? 'active' : ''}
              onClick={() => setPane(p)}
              data-testid={`pane-${p}`}
            >
              {t(`ws.pane.${p}`)}
              {p === 'results' && verdictBadge}
            </button>
          ))}
        </div>
      )}
      <div className={compact ? 'ex-body ex-body-compact' : 'ex-body'} data-layout={compact ? 'tabs' : 'split'} data-testid="workspace-body">
        <aside className="ex-side" aria-label={t('ws.taskTab')} {...paneProps('task')}>
          <TaskPanel />
        </aside>
        <section className="ex-main" aria-label={t('ws.pane.code')}>
          <div className="ex-code" {...paneProps('code')}>
            <FileTabs />
            {viewing && (
              <div className="ex-viewing" role="status" data-testid="viewing-run">
                <span>{t('history.viewing', { id: viewing.run.id, time: new Date(viewing.run.startedAt).toLocaleTimeString(i18n.language) })}</span>
                <button onClick={() => setConfirmRestore(viewing.run.id)} data-testid="viewing-restore">{t('history.restore')}</button>
                <button onClick={closeRunView}>{t('history.back')}</button>
              </div>
            )}
            <div className="ex-editor-wrap">
              <CodeEditor fallback={<div className="ex-editor-loading">{t('ws.loadingEditor')}</div>} />
            </div>
          </div>
          {!compact && <SplitHandle share={resultsShare} onChange={setResultsShare} />}
          <div className="ex-bottom" style={compact ? undefined : { flexBasis: `${Math.round(resultsShare * 100)}%` }} {...paneProps('results')}>
            <div className="ex-bottom-tabs" role="tablist">
              <button role="tab" aria-selected={panel === 'results'} className={panel === 'results' ? 'active' : ''} onClick={() => setPanel('results')} data-testid="panel-results">
                {t('ws.resultsTab')}
              </button>
              <button role="tab" aria-selected={panel === 'history'} className={panel === 'history' ? 'active' : ''} onClick={() => setPanel('history')} data-testid="panel-history">
                {t('ws.historyTab')} {runsCount > 0 && <span className="badge">{runsCount}</span>}
              </button>
            </div>
            <div className="ex-bottom-body" role="tabpanel">
              {panel === 'results' ? <ResultsPanel /> : <HistoryPanel />}
            </div>
          </div>
        </section>
      </div>
      <ConfirmDialog
        open={confirmRestore !== null}
        title={t('history.restoreTitle', { id: confirmRestore })}
        body={t('history.restoreBody')}
        confirmLabel={t('history.restore')}
        cancelLabel={t('ws.cancel')}
        onCancel={() => setConfirmRestore(null)}
        onConfirm={() => {
          const id = confirmRestore!;
          setConfirmRestore(null);
          void restoreRun(id);
        }}
      />
      <ConfirmDialog
        open={confirmReset}
        danger
        title={t('ws.resetTitle')}
        body={t('ws.resetBody')}
        confirmLabel={t('ws.resetConfirm')}
        cancelLabel={t('ws.cancel')}
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          void resetToStarter();
        }}
      />
    </div>
  );
}
