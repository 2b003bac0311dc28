// One student's submission: results on one side, the code that was graded on the other.
import { useTranslation } from 'react-i18next';
import { useGrading, type Gradebook } from './gradingStore';
import { badgeClass } from './StudentsView';
import { rowNotes } from './words';
import { messageText, testName } from '../exercises/results/wording';

export function StudentDetail({ gradebook }: { gradebook: Gradebook }) {
  const { t, i18n } = useTranslation('instructor');
  const { openStudent, code, close } = useGrading();
  const entry = gradebook.entries.find((e) => e.source === openStudent?.source);
  if (!entry) return null;
  // Failures first: they are what the instructor opens a student for.
  const tests = [...entry.tests.filter((x) => x.status !== 'pass'), ...entry.tests.filter((x) => x.status === 'pass')];
  return (
    <div className="student-detail" data-testid="grading-student-detail">
      <button type="button" onClick={close}>{t('student.back')}</button>
      <h2>
        {entry.student_name ? `${entry.student_name} (${entry.student_id})` : entry.student_id} · {entry.exercise_id}{' '}
        <span className={`badge ${badgeClass(entry.status)}`}>{t(`status.${entry.status}`)}</span>
      </h2>
      {entry.score !== null && <p><strong>{t('table.score')}: {entry.score} / {entry.max_score}</strong></p>}
      {entry.notes && <p className="muted" data-testid="grading-student-notes">{rowNotes(entry, i18n.language)}</p>}
      <div className="student-columns">
        <section>
          <h3>{t('student.results')}</h3>
          <div className="grading-scroll" tabIndex={0}>
          <table className="grading-table">
            <thead><tr><th>{t('table.test')}</th><th>{t('table.result')}</th><th className="num">{t('table.points')}</th></tr></thead>
            <tbody>
              {tests.map((x) => (
                <tr key={x.suite + x.name}>
                  <td>
                    {testName(x, i18n.language)} <span className="muted">({t(`student.${x.visibility}`)})</span>
                    {x.message && x.status !== 'pass' && <pre className="test-message">{messageText(x.message, x.message_phrase, i18n.language)}</pre>}
                    {x.details && x.status !== 'pass' && (
                      <details>
                        <summary className="muted">{t('student.details')}</summary>
                        <pre className="test-message">{JSON.stringify(x.details, null, 2)}</pre>
                      </details>
                    )}
                  </td>
                  <td className={`test-${x.status}`}>{t(`test.${x.status}`)}</td>
                  <td className="num">{x.points} / {x.max_points}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </section>
        <section>
          <h3>{t('student.code')}</h3>
          {code && code.files.length > 0 ? (
            code.files.map((f) => (
              <div key={f.name}>
                <div className="muted"><code>{f.name}</code></div>
                <pre className="student-code" data-testid="grading-student-code">{f.content}</pre>
              </div>
            ))
          ) : (
            <p className="muted">{t('student.noCode')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
