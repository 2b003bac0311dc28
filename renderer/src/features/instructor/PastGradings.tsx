// The machine's past gradings, newest first: when, which folder, which exercise, how many graded;
// "Open" shows that grading again from its reports (nothing is re-run), "Remove from list" forgets it
// (the report files stay where they are).
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError';
import { useGrading } from './gradingStore';

export function PastGradings() {
  const { t, i18n } = useTranslation('instructor');
  const { history, jobId, state, opening, openError, openPast, forget } = useGrading();
  const past = history.filter((r) => r.state !== 'running');
  if (past.length === 0) return null;
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <details className="card grading-history" data-testid="grading-history" open={state === 'idle'}>
      <summary>{t('history.title', { count: past.length })}</summary>
      <p className="muted">{t('history.explain')}</p>
      {openError !== null && <p className="grading-error" role="alert">{describeError(openError)}</p>}
      <div className="grading-scroll" tabIndex={0}>
      <table className="grading-table">
        <thead>
          <tr><th>{t('history.when')}</th><th>{t('history.input')}</th><th>{t('table.exercise')}</th><th className="num">{t('history.graded')}</th><th /></tr>
        </thead>
        <tbody>
          {past.map((r) => (
            <tr key={r.id} data-testid="grading-history-row" className={r.id === jobId ? 'current' : ''}>
              <td>{when(r.at)}</td>
              <td className="grading-path"><code>{r.inputDir}</code><div className="muted">→ <code>{r.outDir}</code></div></td>
              <td>{r.exercise ?? t('form.allExercises')}</td>
              <td className="num">{r.state === 'done' ? t('history.counts', { graded: r.graded, found: r.found }) : t('history.failed')}</td>
              <td className="grading-history-actions">
                {r.state === 'done' && (
                  <button type="button" data-testid="grading-history-open" disabled={opening === r.id} onClick={() => void openPast(r.id)}>
                    {r.id === jobId && state === 'done' ? t('history.shown') : t('history.open')}
                  </button>
                )}
                <button type="button" data-testid="grading-history-forget" onClick={() => void forget(r.id)}>{t('history.forget')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </details>
  );
}
