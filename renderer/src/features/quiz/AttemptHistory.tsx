// The attempts kept in the progress database, newest first, with local dates, the best one marked, and
// a button to review each one question by question.
import { useTranslation } from 'react-i18next';
import { useQuizStore, type Attempt } from './quizStore';
import { percentOf } from '@common/score';

export function AttemptHistory({ attempts }: { attempts: Attempt[] }) {
  const { t, i18n } = useTranslation('quiz');
  const openReview = useQuizStore((s) => s.openReview);
  const reviewing = useQuizStore((s) => (s.phase === 'review' ? s.review?.attempt.id : undefined));
  const format = new Intl.DateTimeFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const ratio = (a: Attempt) => (a.maxScore ? a.score / a.maxScore : 0);
  const top = attempts.reduce<Attempt | null>((b, a) => (!b || ratio(a) > ratio(b) ? a : b), null);
  // "Best" only means something when another attempt did worse.
  const best = top && attempts.some((a) => ratio(a) < ratio(top)) ? top : null;
  return (
    <section className="quiz-history card" aria-labelledby="quiz-history-title" data-testid="quiz-history">
      <h2 id="quiz-history-title">{t('historyTitle')}</h2>
      {attempts.length === 0 ? (
        <p className="muted">{t('historyEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('historyDate')}</th>
              <th scope="col">{t('historyLang')}</th>
              <th scope="col">{t('historyScore')}</th>
              <th scope="col">%</th>
              <th scope="col"><span className="sr-only">{t('reviewColumn')}</span></th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id} data-testid="quiz-attempt" data-score={a.score} data-max={a.maxScore}>
                <td>
                  <time dateTime={a.submittedAt}>{format.format(new Date(a.submittedAt))}</time>
                  {best?.id === a.id && <span className="badge ok quiz-best">{t('best')}</span>}
                </td>
                <td>{t(`lang_${a.lang}`)}</td>
                <td>{t('score', { score: a.score, max: a.maxScore })}</td>
                <td>{percentOf(a.score, a.maxScore)}</td>
                <td>
                  <button
                    type="button"
                    className="quiz-review-open"
                    onClick={() => void openReview(a.id)}
                    aria-current={reviewing === a.id ? 'true' : undefined}
                    aria-label={t('reviewAttempt', { when: format.format(new Date(a.submittedAt)) })}
                    data-testid="quiz-attempt-review"
                  >
                    {t('reviewOpen')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
