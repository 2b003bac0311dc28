// How questions are shown: one at a time (each checked on the spot) or all on one page (checked when
// submitted). Chosen before starting and switchable mid-attempt; the note says what a switch keeps.
import { useTranslation } from 'react-i18next';
import { QUIZ_MODES } from '@common/quizDraft';
import { useQuizStore } from './quizStore';

export function ModeSwitch() {
  const { t } = useTranslation('quiz');
  const { mode, setMode, phase } = useQuizStore();
  const midAttempt = phase === 'answering';
  return (
    <fieldset className="quiz-mode" data-testid="quiz-mode" aria-describedby={midAttempt ? 'quiz-mode-note' : undefined}>
      <legend>{t('modeLabel')}</legend>
      {QUIZ_MODES.map((m) => (
        <label key={m}>
          <input type="radio" name="quiz-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`quiz-mode-${m}`} />
          {m === 'one' ? t('modeOne') : t('modeAll')}
        </label>
      ))}
      <p className="quiz-mode-note muted" id="quiz-mode-note">{midAttempt ? t('modeSwitchNote') : t('modeIntroNote')}</p>
    </fieldset>
  );
}
