// The task: the description in the UI language, the checks (suites, and each test's state after a
// run), the limits, and hints that open one at a time.
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { unlockNextHint, useWorkspace } from '../workspace/store';
import { renderMarkdown } from './markdown';
import { STATUS_ICON } from '../results/TestItem';
import { testName } from '../results/wording';

/** Memoized: it takes no props and reads the store itself, so the page re-rendering does not redo it. */
export const TaskPanel = memo(function TaskPanel() {
  const { t, i18n } = useTranslation('exercises');
  const view = useWorkspace((s) => s.view);
  const hints = useWorkspace((s) => s.hints);
  const results = useWorkspace((s) => s.results);
  const [busy, setBusy] = useState(false);
  const html = useMemo(() => renderMarkdown(view?.description ?? ''), [view?.description]);
  if (!view) return null;
  const total = view.hints.total;

  return (
    <div className="ex-task" data-testid="task-panel">
      <div className="ex-markdown" dangerouslySetInnerHTML={{ __html: html }} />
      <section className="ex-checks" aria-labelledby="ex-checks-title">
        <h3 id="ex-checks-title">{t('task.checks')}</h3>
        {view.suites.map((suite) => {
          const tests = results?.tests.filter((x) => x.suite === suite.id) ?? [];
          return (
            <div key={suite.id} className="ex-check-suite">
              <div className="ex-check-suite-name" data-testid="check-suite-title">{suite.title}</div>
              {tests.length === 0 ? (
                <p className="muted small">{t('task.checksHint')}</p>
              ) : (
                <ul className="ex-check-list">
                  {tests.map((x, i) => (
                    <li key={i} className={`ex-check ex-check-${x.status}`}>
                      <span className={`ex-status-icon ex-status-${x.status}`} aria-hidden="true">{STATUS_ICON[x.status]}</span>
                      <span className="sr-only">{t(`results.status.${x.status}`)}</span> {shortName(x, suite.id, i18n.language)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
        <p className="muted small">{t('task.limits', { seconds: view.limits.timeoutMs / 1000, mb: view.limits.memoryMb })}</p>
      </section>
      {total > 0 && (
        <section className="ex-hints" aria-labelledby="ex-hints-title">
          <h3 id="ex-hints-title">
            {t('task.hints')} <span className="muted small">({t('task.hintCount', { unlocked: hints.length, total })})</span>
          </h3>
          <ol className="ex-hint-list">
            {hints.map((h) => (
              <li key={h.index} className="ex-hint" data-testid="hint">
                <div className="ex-markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(h.text) }} />
              </li>
            ))}
          </ol>
          {hints.length < total ? (
            <button
              data-testid="unlock-hint"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void unlockNextHint(currentLanguage()).finally(() => setBusy(false));
              }}
            >
              {t('task.showHint', { n: hints.length + 1 })}
            </button>
          ) : (
            <p className="muted small">{t('task.noMoreHints')}</p>
          )}
        </section>
      )}
    </div>
  );
});

/**
 * Under its suite's heading a test needs no suite prefix ("pay > records OrderPaid" → "records OrderPaid"):
 * the name in the UI's language, without its first segment when that only repeats the suite's id.
 */
function shortName(test: { name: string; name_ru?: string }, suiteId: string, language: string): string {
  const name = testName(test, language);
  if (!test.name.startsWith(`${suiteId} > `)) return name;
  const at = name.indexOf(' > ');
  return at >= 0 ? name.slice(at + 3) : name;
}
