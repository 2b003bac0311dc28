// After submitting: the engine's score, the per-topic breakdown, a review of every answer, and retake.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QuestionCard } from './QuestionCard';
import { useQuizStore } from './quizStore';
import { percentOf } from '@common/score';

export function QuizResults() {
  const { t } = useTranslation('quiz');
  const { quiz, result, seed, start, backToIntro } = useQuizStore();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  if (!quiz || !result) return null;
  const { attempt } = result;
  const percent = percentOf(attempt.score, attempt.maxScore);
  const byId = new Map(result.questions.map((q) => [q.questionId, q]));
  return (
    <div className="quiz-results">
      <section className="card quiz-score" data-testid="quiz-score" data-score={attempt.score} data-max={attempt.maxScore}>
        <h2 ref={headingRef} tabIndex={-1}>{t('resultTitle')}</h2>
        <div className="quiz-score-main">
          <div className="quiz-score-ring" style={{ '--pct': `${percent}%` } as React.CSSProperties} aria-hidden="true">
            <span>{t('percent', { percent })}</span>
          </div>
          <div>
            <p className="quiz-score-points">{t('score', { score: attempt.score, max: attempt.maxScore })}</p>
            <p className="muted">{t('correctCount', { correct: attempt.correctCount, total: attempt.questionCount })}</p>
          </div>
        </div>
        <h3>{t('byTopic')}</h3>
        <table className="quiz-topics" data-testid="quiz-topics">
          <thead>
            <tr>
              <th scope="col">{t('topic')}</th>
              <th scope="col">{t('topicPoints')}</th>
              <th scope="col">{t('topicQuestions')}</th>
            </tr>
          </thead>
          <tbody>
            {attempt.topics.map((topic) => (
              <tr key={topic.topic}>
                <th scope="row">{topic.topic}</th>
                <td>
                  <span className="quiz-topic-points">
                    <span className="quiz-bar" aria-hidden="true">
                      <span style={{ width: `${topic.max ? (topic.earned / topic.max) * 100 : 0}%` }} />
                    </span>
                    {topic.earned} / {topic.max}
                  </span>
                </td>
                <td>{topic.correct} / {topic.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="quiz-actions">
          <button type="button" className="primary" onClick={start} data-testid="quiz-retake">{t('retake')}</button>
          <button type="button" onClick={backToIntro}>{t('toIntro')}</button>
        </div>
      </section>
      <h2 className="quiz-review-title">{t('review')}</h2>
      {quiz.questions.map((q, i) => {
        const r = byId.get(q.id);
        return (
          <QuestionCard
            key={q.id}
            question={q}
            number={i + 1}
            total={quiz.questions.length}
            seed={seed}
            selected={r?.selected ?? []}
            result={r}
            onToggle={() => {}}
          />
        );
      })}
    </div>
  );
}
