// Every row of the gradebook; a row opens that student's results beside their code.
import { useTranslation } from 'react-i18next';
import { useGrading, type Gradebook } from './gradingStore';
import { rowNotes } from './words';

export function StudentsView({ gradebook }: { gradebook: Gradebook }) {
  const { t, i18n } = useTranslation('instructor');
  const open = useGrading((s) => s.open);
  return (
    <div className="grading-scroll" tabIndex={0}>
    <table className="grading-table" data-testid="grading-students">
      <thead>
        <tr>
          <th>{t('table.student')}</th><th>{t('table.name')}</th><th>{t('table.exercise')}</th><th className="num">{t('table.score')}</th>
          <th>{t('table.tests')}</th><th>{t('table.status')}</th><th>{t('table.notes')}</th><th />
        </tr>
      </thead>
      <tbody>
        {gradebook.entries.map((e) => (
          <tr key={e.source} data-testid="grading-student-row">
            <td>{e.student_id || '—'}</td>
            <td>{e.student_name}</td>
            <td>{e.exercise_id}</td>
            <td className="num">{e.score !== null ? `${e.score} / ${e.max_score}` : ''}</td>
            <td>{e.passed !== null ? `${e.passed} / ${e.failed} / ${e.errored}` : ''}</td>
            <td><span className={`badge ${badgeClass(e.status)}`}>{t(`status.${e.status}`)}</span></td>
            <td className="grading-notes">{rowNotes(e, i18n.language)}</td>
            <td>{e.student_id && <button type="button" onClick={() => void open(e.student_id, e.source)}>{t('student.open')}</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

export function badgeClass(status: string): string {
  if (status === 'graded') return 'ok';
  if (['hash_mismatch', 'superseded', 'not_selected', 'timeout', 'identity_mismatch', 'clock_skew'].includes(status)) return 'warn';
  return 'bad';
}
