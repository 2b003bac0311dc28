// One question: a fieldset of radio buttons (single) or checkboxes (multiple) in the attempt's seeded
// order, the scoring rule, and — once checked — which options were right and why.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineText } from './InlineText';
import type { QuestionResult, QuizData } from './quizStore';
import { optionOrder } from './shuffle';

type Question = QuizData['questions'][number];

export function QuestionCard({
  question,
  number,
  total,
  seed,
  selected,
  result,
  onToggle,
  headingRef,
}: {
  question: Question;
  number: number;
  total: number;
  seed: number;
  selected: number[];
  result: QuestionResult | undefined;
  onToggle: (option: number) => void;
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation('quiz');
  const order = useMemo(() => optionOrder(question.options.length, seed, question.id), [question, seed]);
  const multiple = question.type === 'multiple';
  const name = `q-${question.id}`;
  const legendId = `${name}-legend`;
  const rule = multiple ? (question.scoring === 'partial' ? t('pickManyPartial') : t('pickMany')) : t('pickOne');
  const state = result ? (result.correct ? 'correct' : result.earned > 0 ? 'partial' : 'incorrect') : 'open';

  return (
    <fieldset className={`quiz-question ${state}`} data-testid="quiz-question" data-question-id={question.id} data-state={state}>
      <legend id={legendId} className="quiz-question-legend">
        <span className="quiz-question-meta">
          <span>{t('questionOf', { n: number, total })}</span>
          <span className="badge">{t('points', { count: question.points })}</span>
          <span className="badge quiz-topic">{question.topic}</span>
        </span>
        <h3 className="quiz-question-text" ref={headingRef} tabIndex={-1}>
          <InlineText text={question.question} />
        </h3>
      </legend>
      <p className="quiz-rule">{multiple ? '☐ ' : '◯ '}{rule}</p>
      <ul className="quiz-options" role="list">
        {order.map((index) => {
          const option = question.options[index];
          const picked = selected.includes(index);
          const isCorrect = result?.correctOptions.includes(index);
          const mark = result ? (isCorrect ? (picked ? 'right' : 'missed') : picked ? 'wrong' : 'plain') : 'plain';
          return (
            <li key={index}>
              <label className={`quiz-option mark-${mark}${picked ? ' picked' : ''}`} data-option-index={index}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={name}
                  value={index}
                  checked={picked}
                  disabled={Boolean(result)}
                  onChange={() => onToggle(index)}
                />
                <span className="quiz-option-text">
                  <InlineText text={option.text} />
                </span>
                {result && isCorrect && <span className="quiz-option-verdict ok">✓ {t('correctOption')}</span>}
                {result && !isCorrect && picked && <span className="quiz-option-verdict bad">✗ {t('yourPick')}</span>}
                {result && isCorrect && !picked && multiple && <span className="quiz-option-verdict warn">{t('missed')}</span>}
              </label>
            </li>
          );
        })}
      </ul>
      {result && (
        <div className="quiz-feedback" role="status" data-testid="quiz-feedback">
          <p className="quiz-feedback-verdict">
            <strong>{result.correct ? `✓ ${t('correct')}` : `✗ ${t('incorrect')}`}</strong>{' '}
            <span className="muted">{t('earned', { earned: result.earned, points: result.points })}</span>
          </p>
          <p className="quiz-explanation">
            <strong>{t('explanation')}: </strong>
            <InlineText text={result.explanation} />
          </p>
        </div>
      )}
    </fieldset>
  );
}
