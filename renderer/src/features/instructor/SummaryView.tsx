// The class at a glance: counts, score distribution (SVG), pass rate per test, most-failed tests,
// and every submission that could not be graded with the reason.
import { useTranslation } from 'react-i18next';
import type { Gradebook } from './gradingStore';
import { GRADED, passRates, scoreBuckets } from './stats';

export function SummaryView({ gradebook }: { gradebook: Gradebook }) {
  const { t } = useTranslation('instructor');
  const entries = gradebook.entries;
  const graded = entries.filter((e) => GRADED.has(e.status));
  const ungraded = entries.filter((e) => !GRADED.has(e.status));
  const rates = passRates(gradebook);
  const mostFailed = rates.filter((r) => r.total > 0 && r.passed < r.total).sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name)).slice(0, 10);
  const mean = graded.length ? graded.reduce((s, e) => s + (e.score ?? 0), 0) / graded.length : 0;
  const max = gradebook.exercises[0]?.max_score ?? 0;
  return (
    <div className="grading-summary" data-testid="grading-summary">
      <p data-testid="grading-counts">{t('summary.counts', { found: entries.length, graded: graded.length, ungraded: ungraded.length })}</p>
      <p>{t('summary.mean', { mean: mean.toFixed(2), max })}</p>
      {gradebook.exercises.filter((x) => !x.reference_ok).map((x) => (
        <p key={x.id} className="grading-error">{t('summary.referenceBad', { id: x.id })}</p>
      ))}
      {gradebook.problems.length > 0 && (
        <div className="card">
          <h3>{t('summary.problems')}</h3>
          <ul>{gradebook.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      <h2>{t('summary.distribution')}</h2>
      <Histogram buckets={scoreBuckets(entries)} label={t('summary.distributionLabel')} />
      <h2>{t('summary.mostFailed')}</h2>
      {mostFailed.length ? (
        <ol>{mostFailed.map((r) => <li key={r.exercise_id + r.name}>{t('summary.mostFailedItem', { name: r.name, failed: r.total - r.passed, total: r.total })}</li>)}</ol>
      ) : (
        <p className="muted">{t('summary.noneFailed')}</p>
      )}
      <h2>{t('summary.ungraded')}</h2>
      {ungraded.length ? (
        <table className="grading-table" data-testid="grading-ungraded">
          <thead><tr><th>{t('table.source')}</th><th>{t('table.student')}</th><th>{t('table.status')}</th><th>{t('table.notes')}</th></tr></thead>
          <tbody>
            {ungraded.map((e) => (
              <tr key={e.source}><td><code>{e.source}</code></td><td>{e.student_id}</td><td>{t(`status.${e.status}`)}</td><td>{e.notes}</td></tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('summary.allGraded')}</p>
      )}
      <h2>{t('summary.passRate')}</h2>
      <table className="grading-table">
        <thead><tr><th>{t('table.test')}</th><th>{t('table.suite')}</th><th className="num">{t('table.result')}</th><th className="num">{t('table.rate')}</th></tr></thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.exercise_id + r.suite + r.name}>
              <td>{r.name}</td><td>{t(`student.${r.visibility}`)}</td><td className="num">{r.passed} / {r.total}</td>
              <td className="num"><span className="rate-bar" style={{ ['--rate' as string]: `${Math.round(r.rate * 100)}%` }}>{Math.round(r.rate * 100)}%</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Histogram({ buckets, label }: { buckets: number[]; label: string }) {
  const w = 600, h = 200, left = 30, bottom = 24, top = 14;
  const max = Math.max(1, ...buckets);
  const bw = (w - left) / buckets.length;
  return (
    <svg className="grading-histogram" role="img" aria-label={label} viewBox={`0 0 ${w} ${h}`} data-testid="grading-histogram">
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
