// The class across exercises (the gradebook's wide view): one row per student, one column per exercise.
import { useTranslation } from 'react-i18next';
import type { Gradebook } from './gradingStore';
import { wideGradebook } from '@common/wideGradebook';
import { exerciseTitle } from './words';

export function WideView({ gradebook }: { gradebook: Gradebook }) {
  const { t, i18n } = useTranslation('instructor');
  const rows = wideGradebook(gradebook).rows;
  const maxTotal = Math.round(gradebook.exercises.reduce((s, x) => s + x.max_score, 0) * 100) / 100;
  return (
    <div className="grading-scroll" tabIndex={0}>
    <table className="grading-table" data-testid="grading-wide">
      <thead>
        <tr>
          <th>{t('table.student')}</th><th>{t('table.name')}</th>
          {gradebook.exercises.map((x) => <th key={x.id} className="num" title={exerciseTitle(x, i18n.language)}>{x.id}<br /><span className="muted">/ {x.max_score}</span></th>)}
          <th className="num">{t('table.total')}<br /><span className="muted">/ {maxTotal}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.student_id} data-testid="grading-wide-row">
            <td>{r.student_id}</td>
            <td>{r.student_name}</td>
            {gradebook.exercises.map((x) => <td key={x.id} className="num">{r.scores[x.id] ?? '—'}</td>)}
            <td className="num"><strong>{r.total}</strong></td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
