// Shown when the student asks to finish with questions unanswered: how many and which, a way to the
// first of them, and finishing anyway (they then score zero).
import { useTranslation } from 'react-i18next';
import { useQuizStore } from './quizStore';

/** Question numbers listed in the warning before "and N more". */
const LISTED = 8;

export function FinishWarning() {
  const { t } = useTranslation('quiz');
  const { finishWarning, busy, goToFirstUnanswered, dismissFinishWarning, submit } = useQuizStore();
  if (!finishWarning || finishWarning.length === 0) return null;
  const numbers = finishWarning.slice(0, LISTED).map((i) => i + 1).join(', ');
  const more = finishWarning.length - LISTED;
  return (
    <div className="quiz-finish-warning card" role="alert" data-testid="quiz-finish-warning" data-count={finishWarning.length}>
      <p className="quiz-finish-warning-title"><strong>{t('warnTitle', { count: finishWarning.length })}</strong></p>
      <p>
        {t('warnWhich', { list: more > 0 ? t('warnMore', { numbers, count: more }) : numbers })} {t('warnZero')}
      </p>
      <div className="quiz-actions">
        <button type="button" className="primary" onClick={goToFirstUnanswered} autoFocus data-testid="quiz-goto-unanswered">
          {t('warnGoTo', { n: finishWarning[0] + 1 })}
        </button>
        <button type="button" onClick={() => void submit()} disabled={busy} data-testid="quiz-finish-anyway">{t('warnFinishAnyway')}</button>
        <button type="button" onClick={dismissFinishWarning}>{t('warnKeepGoing')}</button>
      </div>
    </div>
  );
}
