// The class at a glance: counts, every exercise with its mean, the score distribution (SVG), every
// submission that could not be graded with the reason, then a section per exercise (its distribution,
// most-failed tests, pass rate per test).
import { useTranslation } from 'react-i18next';
import type { Gradebook, GradebookEntry } from './gradingStore';
import { GRADED_STATUSES } from '@common/gradebook';
import { meanScore, mostFailedTests, scoreBuckets, testStats, type TestStat } from '@common/gradingStats';
import { exerciseTitle, gradebookProblems, rowNotes } from './words';
import { testName } from '../exercises/results/wording';

export function SummaryView({ gradebook }: { gradebook: Gradebook }) {
  const { t, i18n } = useTranslation('instructor');
  const entries = gradebook.entries;
  const graded = entries.filter((e) => GRADED_STATUSES.has(e.status));
  const ungraded = entries.filter((e) => !GRADED_STATUSES.has(e.status));
  const rates = testStats(gradebook);
  return (
    <div className="grading-summary" data-testid="grading-summary">
      <p data-testid="grading-counts">{t('summary.counts', { found: entries.length, graded: graded.length, ungraded: ungraded.length })}</p>
      {gradebook.problems.length > 0 && (
        <div className="card">
          <h3>{t('summary.problems')}</h3>
          <ul>{gradebookProblems(gradebook, i18n.language).map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      <div className="grading-scroll" tabIndex={0}>
      <table className="grading-table" data-testid="grading-exercises">
        <thead><tr><th>{t('table.exercise')}</th><th className="num">{t('summary.gradedCount')}</th><th className="num">{t('summary.meanOfMax')}</th><th className="num">{t('summary.fullMarks')}</th></tr></thead>
        <tbody>
          {gradebook.exercises.map((x) => {
            const rows = graded.filter((e) => e.exercise_id === x.id);
            return (
              <tr key={x.id}>
                <td>{exerciseTitle(x, i18n.language)} <span className="muted">({x.id})</span>
                  {!x.reference_ok && <div className="grading-error">{t('summary.referenceBad', { id: x.id })}</div>}
                </td>
                <td className="num">{rows.length}</td>
                <td className="num">{meanScore(rows).toFixed(2)} / {x.max_score}</td>
                <td className="num">{rows.filter((e) => e.score === e.max_score).length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <h2>{t('summary.distribution')}</h2>
      <p className="muted">{t('summary.distributionAll')}</p>
      <Histogram buckets={scoreBuckets(entries)} label={t('summary.distributionLabel')} testId="grading-histogram" />
      <h2>{t('summary.ungraded')}</h2>
      {ungraded.length ? (
        <div className="grading-scroll" tabIndex={0}>
        <table className="grading-table" data-testid="grading-ungraded">
          <thead><tr><th>{t('table.source')}</th><th>{t('table.student')}</th><th>{t('table.status')}</th><th>{t('table.notes')}</th></tr></thead>
          <tbody>
            {ungraded.map((e) => (
              <tr key={e.source}><td><code>{e.source}</code></td><td>{e.student_id}</td><td>{t(`status.${e.status}`)}</td><td>{rowNotes(e, i18n.language)}</td></tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : (
        <p className="muted">{t('summary.allGraded')}</p>
      )}
      {gradebook.exercises.map((x) => (
        <ExerciseSection key={x.id} exercise={x} rows={graded.filter((e) => e.exercise_id === x.id)} rates={rates.filter((r) => r.exercise_id === x.id)} />
      ))}
    </div>
  );
}

/** One exercise: its own distribution, the tests most often failed and the pass rate of each test. */
function ExerciseSection({ exercise, rows, rates }: { exercise: Gradebook['exercises'][number]; rows: GradebookEntry[]; rates: TestStat[] }) {
  const { t, i18n } = useTranslation('instructor');
  const failed = mostFailedTests(rates);
  return (
    <section className="card grading-exercise" id={`grading-exercise-${exercise.id}`} data-testid="grading-exercise-section" data-exercise={exercise.id}>
      <h2>{exerciseTitle(exercise, i18n.language)} <span className="muted">({exercise.id})</span></h2>
      <p>{t('summary.mean', { mean: meanScore(rows).toFixed(2), max: exercise.max_score })} · {t('summary.gradedOf', { count: rows.length })}</p>
      <h3>{t('summary.distribution')}</h3>
      <Histogram buckets={scoreBuckets(rows)} label={t('summary.distributionLabel')} testId="grading-exercise-histogram" />
      <h3>{t('summary.mostFailed')}</h3>
      {failed.length ? (
        <ol>{failed.map((r) => <li key={r.suite + r.name}>{t('summary.mostFailedItem', { name: testName(r, i18n.language), failed: r.total - r.passed, total: r.total })}</li>)}</ol>
      ) : (
        <p className="muted">{t('summary.noneFailed')}</p>
      )}
      <details>
        <summary>{t('summary.passRate')}</summary>
        <div className="grading-scroll" tabIndex={0}>
        <table className="grading-table">
          <thead><tr><th>{t('table.test')}</th><th>{t('table.suite')}</th><th className="num">{t('table.result')}</th><th className="num">{t('table.rate')}</th></tr></thead>
          <tbody>
            {rates.map((r) => (
              <tr key={r.suite + r.name}>
                <td>{testName(r, i18n.language)}</td><td>{t(`student.${r.visibility}`)}</td><td className="num">{r.passed} / {r.total}</td>
                <td className="num"><span className="rate-bar" style={{ ['--rate' as string]: `${Math.round(r.rate * 100)}%` }}>{Math.round(r.rate * 100)}%</span></td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </details>
    </section>
  );
}

function Histogram({ buckets, label, testId }: { buckets: number[]; label: string; testId: string }) {
  const w = 600, h = 200, left = 30, bottom = 24, top = 14;
  const max = Math.max(1, ...buckets);
  const bw = (w - left) / buckets.length;
  return (
    <svg className="grading-histogram" role="img" aria-label={label} viewBox={`0 0 ${w} ${h}`} data-testid={testId}>
      <line x1={left} x2={w} y1={h - bottom} y2={h - bottom} className="axis" />
      {buckets.map((n, i) => {
        const bh = ((h - bottom - top) * n) / max;
        const x = left + i * bw;
        return (
          <g key={i}>
            <rect x={x + 3} y={h - bottom - bh} width={bw - 6} height={bh} className="bar"><title>{`${i * 10}–${i === 9 ? 100 : i * 10 + 9}%: ${n}`}</title></rect>
            <text x={x + bw / 2} y={h - 6} textAnchor="middle">{i * 10}%</text>
            {n > 0 && <text x={x + bw / 2} y={h - bottom - bh - 3} textAnchor="middle">{n}</text>}
          </g>
        );
      })}
    </svg>
  );
}
