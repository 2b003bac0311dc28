// A past attempt opened from the history: its score and date, then every question with the student's
// picks, the correct options and the explanation, in the attempt's option order.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { percentOf } from '@common/score';
import { QuestionCard } from './QuestionCard';
import { useQuizStore } from './quizStore';

export function AttemptReviewView() {
  const { t, i18n } = useTranslation('quiz');
  const { quiz, review, backToIntro, start } = useQuizStore();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const attemptId = review?.attempt.id;
  useEffect(() => headingRef.current?.focus(), [attemptId]);
  if (!quiz || !review) return null;
  const { attempt } = review;
  const when = new Intl.DateTimeFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(attempt.submittedAt));
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return (
    <div className="quiz-review" data-testid="quiz-review" data-attempt={attempt.id}>
      <section className="card quiz-score">
        <h2 ref={headingRef} tabIndex={-1}>{t('reviewTitle', { when })}</h2>
        <p className="quiz-score-points">
          {t('score', { score: attempt.score, max: attempt.maxScore })} · {t('percent', { percent: percentOf(attempt.score, attempt.maxScore) })}
        </p>
        <p className="muted">{t('correctCount', { correct: attempt.correctCount, total: attempt.questionCount })}</p>
        {review.stored && <p className="muted" data-testid="quiz-review-stored">{t('reviewStored', { lang: t(`lang_${attempt.lang}`) })}</p>}
        <div className="quiz-actions">
          <button type="button" onClick={backToIntro} data-testid="quiz-review-back">{t('toIntro')}</button>
          <button type="button" className="primary" onClick={start}>{t('startAgain')}</button>
        </div>
      </section>
      {review.questions.map((r, i) => {
        const question = byId.get(r.questionId);
        if (!question) return null; // a question removed from the quiz since: its result still counts in the score above
        return (
          <QuestionCard
            key={r.questionId}
            question={question}
            number={i + 1}
            total={review.questions.length}
            seed={attempt.seed}
            selected={r.selected}
            result={r}
            onToggle={() => {}}
          />
        );
      })}
    </div>
  );
}
