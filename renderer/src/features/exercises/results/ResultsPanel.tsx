// Results of the latest run (or of a past run being viewed): a one-line verdict, a build error
// with a jump to its place, then the tests grouped by suite, failures opened first.
import { memo, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealAt, useWorkspace } from '../workspace/store';
import type { RunResult, SuiteSummary, TestResult } from '../workspace/types';
import { STATUS_ICON, TestItem } from './TestItem';
import { roundScore } from '@common/score';
import { codeHash } from './codeHash';
import { formatMs } from '../../../components/formatNumber';
import { messageText, suiteTitle } from './wording';
import { mark } from '../../../app/perfMarks';

/** The first few failing tests open by themselves; more would bury the verdict. */
const AUTO_OPEN_FAILURES = 3;

/** Memoized: it takes no props and reads the store itself, so the page re-rendering does not redo it. */
export const ResultsPanel = memo(function ResultsPanel() {
  const { t, i18n } = useTranslation('exercises');
  const running = useWorkspace((s) => s.running);
  const runError = useWorkspace((s) => s.runError);
  const viewingRun = useWorkspace((s) => s.viewingRun);
  const latest = useWorkspace((s) => s.results);
  const latestRun = useWorkspace((s) => s.resultsRun);
  const view = useWorkspace((s) => s.view);
  const runs = useWorkspace((s) => s.runs);
  const results = viewingRun?.results ?? latest;
  const runId = viewingRun?.run.id ?? latestRun?.id;
  const testFiles = new Set(view?.tests.map((x) => x.file) ?? []);
  const viewTitles = new Map(view?.suites.map((s) => [s.id, s.title]) ?? []);
  const changed = useCodeChangedSince(viewingRun ? null : (latestRun?.codeSha256 ?? null));
  useLayoutEffect(() => {
    if (latest && !running) mark('run:rendered');
  }, [latest, running]);

  return (
    <div className="ex-results" data-testid="results" aria-busy={running} data-running={running} data-max-points={results?.max_points} data-duration-ms={results?.duration_ms}>
      {running && (
        <div className="ex-running" role="status" data-testid="running">
          <span className="spinner" aria-hidden="true" /> {t('results.running')}
        </div>
      )}
      {runError && !running && <p className="ex-banner ex-banner-bad" role="alert">{runError}</p>}
      {!results && !running && !runError && <p className="muted">{t('results.none')}</p>}
      {results && changed && !running && runId !== undefined && <OlderCodeNotice runId={runId} />}
      {results && (
        <div className={running ? 'ex-stale' : undefined} data-testid="results-body" data-older={changed}>
          {runId !== undefined && <p className="ex-run-of muted">{t('results.runOf', { id: runId })} · {t('results.duration', { ms: formatMs(results.duration_ms, i18n.language) })}</p>}
          <Verdict results={results} editable={view?.editable ?? []} />
          {view?.hiddenTests && view.hiddenTests.count > 0 && !viewingRun && <HiddenTestsNote hidden={view.hiddenTests} visibleMax={visibleMaxPoints(results.max_points, runs)} />}
          {groupBySuite(results).map(({ suite, tests }) => (
            <SuiteGroup key={`${runId ?? ''}:${suite.id}`} suite={suite} viewTitle={viewTitles.get(suite.id)} tests={tests} testFiles={testFiles} />
          ))}
        </div>
      )}
    </div>
  );
});

/**
 * The visible tests' maximum: this run's, or when it has none (the code did not build, so no test ran)
 * the last run's that had one; null when no run ever reached the tests.
 */
function visibleMaxPoints(thisRun: number, runs: readonly { maxPoints: number }[]): number | null {
  if (thisRun > 0) return thisRun;
  return runs.find((r) => r.maxPoints > 0)?.maxPoints ?? null;
}

/** Says that grading adds hidden tests, so the gradebook's score is no surprise (counts only, no names). */
function HiddenTestsNote({ hidden, visibleMax }: { hidden: { count: number; points: number }; visibleMax: number | null }) {
  const { t } = useTranslation('exercises');
  const points = roundScore(hidden.points);
  return (
    <p className="ex-hidden-note" data-testid="hidden-tests-note">
      {visibleMax === null
        ? t('results.hiddenTestsNoTotal', { n: hidden.count, points })
        : t('results.hiddenTests', { n: hidden.count, points, total: roundScore(visibleMax + hidden.points) })}
    </p>
  );
}

/** True when the code in the editor is not the code the shown results came from (typed, pasted, reset, restored). */
function useCodeChangedSince(runHash: string | null): boolean {
  const files = useWorkspace((s) => s.files);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (!runHash) return setChanged(false);
    let live = true;
    void codeHash(files).then((hash) => live && setChanged(hash !== runHash));
    return () => {
      live = false;
    };
  }, [files, runHash]);
  return changed;
}

function OlderCodeNotice({ runId }: { runId: number }) {
  const { t } = useTranslation('exercises');
  const replacedBy = useWorkspace((s) => s.replacedBy);
  const why =
    replacedBy?.kind === 'reset' ? t('results.olderWhy.reset')
    : replacedBy?.kind === 'restore' ? t('results.olderWhy.restore', { id: replacedBy.runId })
    : t('results.olderWhy.edit');
  return (
    <p className="ex-older" role="status" data-testid="results-older" data-reason={replacedBy?.kind ?? 'edit'}>
      <strong>{t('results.older', { id: runId })}</strong> {why} {t('results.runAgain')}
    </p>
  );
}

function Verdict({ results, editable }: { results: RunResult; editable: string[] }) {
  const { t, i18n } = useTranslation('exercises');
  const total = results.tests.length;
  const passed = results.tests.filter((x) => x.status === 'pass').length;
  if (results.status === 'error' && total === 0) {
    const loc = results.location;
    return (
      <div className="ex-banner ex-banner-bad" role="alert" data-testid="verdict" data-verdict="error">
        <strong>{loc ? t('results.buildError') : t('results.error')}</strong>
        {loc && (
          <span>
            {' '}— {loc.file}, {t('results.at', { line: loc.line, column: loc.column })}{' '}
            {editable.includes(loc.file) && (
              <button className="link-button" data-testid="go-to-error" onClick={() => revealAt(loc.file, loc.line, loc.column)}>
                {t('results.goToError')}
              </button>
            )}
          </span>
        )}
        {results.message && <pre className="ex-message">{messageText(results.message, results.message_phrase, i18n.language)}</pre>}
        {results.reason === 'build' && results.message && results.message_phrase && (
          // The worded errors above; the compiler's own output stays one click away, in small print.
          <details className="ex-compiler-text" data-testid="compiler-text">
            <summary>{t('results.compilerText')}</summary>
            <pre className="ex-message">{results.message}</pre>
          </details>
        )}
      </div>
    );
  }
  const allPass = results.status === 'pass' && passed === total && total > 0;
  return (
    <div className={`ex-banner ${allPass ? 'ex-banner-ok' : 'ex-banner-bad'}`} role="status" data-testid="verdict" data-verdict={allPass ? 'pass' : 'fail'}>
      <strong>{allPass ? t('results.allPass', { count: total }) : t('results.someFail', { passed, total, failed: total - passed })}</strong>
      <span className="muted"> · {t('results.points', { points: roundScore(results.points), max: roundScore(results.max_points) })}</span>
      {!allPass && results.message && <pre className="ex-message">{messageText(results.message, results.message_phrase, i18n.language)}</pre>}
    </div>
  );
}

function SuiteGroup({ suite, viewTitle, tests, testFiles }: { suite: SuiteSummary; viewTitle: string | undefined; tests: TestResult[]; testFiles: Set<string> }) {
  const { t, i18n } = useTranslation('exercises');
  // A suite that passes folds away; the ones with something to fix stay open.
  const [open, setOpen] = useState(suite.status !== 'pass');
  let opened = 0;
  return (
    <section className="ex-suite" data-testid="suite" data-suite={suite.id} data-status={suite.status}>
      <h4 className="ex-suite-head">
        <button className="ex-suite-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span className="ex-caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span className={`ex-status-icon ex-status-${suite.status}`} aria-hidden="true">{STATUS_ICON[suite.status]}</span>
          <span className="sr-only">{t(`results.status.${suite.status}`)}</span>
          <span data-testid="suite-title">{suiteTitle(suite, viewTitle, i18n.language)}</span>
          <span className="muted ex-suite-meta">
            {suite.passed}/{suite.tests} · {t('results.duration', { ms: formatMs(suite.duration_ms, i18n.language) })}
          </span>
        </button>
      </h4>
      {suite.message && (
        <pre className="ex-message ex-suite-message" role="alert" data-testid="suite-message">{messageText(suite.message, suite.message_phrase, i18n.language)}</pre>
      )}
      {open && (
        <ul className="ex-tests">
          {tests.map((test, i) => {
            const autoOpen = test.status !== 'pass' && opened++ < AUTO_OPEN_FAILURES;
            return <TestItem key={`${test.name}#${i}`} test={test} testFiles={testFiles} defaultOpen={autoOpen} />;
          })}
        </ul>
      )}
    </section>
  );
}

function groupBySuite(results: RunResult): { suite: SuiteSummary; tests: TestResult[] }[] {
  const groups = results.suites.map((suite) => ({ suite, tests: results.tests.filter((x) => x.suite === suite.id) }));
  const known = new Set(results.suites.map((s) => s.id));
  const orphans = results.tests.filter((x) => !known.has(x.suite));
  if (orphans.length) {
    const passed = orphans.filter((x) => x.status === 'pass').length;
    groups.push({
      suite: {
        id: orphans[0].suite || '—', file: '', visibility: 'visible', status: passed === orphans.length ? 'pass' : 'fail', message: null,
        tests: orphans.length, passed, points: 0, max_points: 0, duration_ms: orphans.reduce((s, x) => s + x.duration_ms, 0),
      },
      tests: orphans,
    });
  }
  return groups;
}
