// The quiz page: #/quiz opens the first lesson's quiz, #/quiz/<lessonId> a given one. The student picks
// one-question-at-a-time or all-on-one-page (remembered, switchable mid-attempt), answers, and the engine
// scores and stores it. An attempt in progress is restored from the profile's draft; finishing with
// unanswered questions warns first; past attempts open for review from the history.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/router';
import './strings';
import './quiz.css';
import { AttemptHistory } from './AttemptHistory';
import { AttemptReviewView } from './AttemptReview';
import { FinishWarning } from './FinishWarning';
import { ModeSwitch } from './ModeSwitch';
import { QuestionCard } from './QuestionCard';
import { QuizResults } from './QuizResults';
import { useQuizStore } from './quizStore';

export default function QuizPage({ params }: { params: string[] }) {
  const { t, i18n } = useTranslation('quiz');
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const [routeLesson] = params;
  const { status, error, quiz, phase, attempts, load, lessonId } = useQuizStore();

  useEffect(() => {
    void load(routeLesson ?? null, lang);
  }, [routeLesson, lang, load]);

  if (status === 'error' && !quiz) {
    return (
      <section className="page quiz-page" role="alert">
        <p className="page-error">{t('loadFailed', { message: error })}</p>
        <button onClick={() => void load(routeLesson ?? null, lang)}>{t('retry')}</button>
      </section>
    );
  }
  if (status === 'empty') return <section className="page quiz-page"><p>{t('none')}</p></section>;
  if (!quiz) return <section className="page quiz-page"><p className="muted" role="status">{t('loading')}</p></section>;

  return (
    <section className="page quiz-page" data-testid="quiz-page" data-phase={phase} lang={quiz.lang}>
      <header className="quiz-header">
        {/* The content's emoji icon is left out: many Linux classroom machines have no emoji font. */}
        <h1>{quiz.title}</h1>
        {lessonId && <a href={hrefFor('lesson', lessonId)}>← {t('backToLesson')}</a>}
      </header>
      {error && <p className="page-error" role="alert">{error}</p>}
      {phase === 'intro' && <QuizIntro />}
      {phase === 'answering' && <QuizAnswering />}
      {phase === 'results' && <QuizResults />}
      {phase === 'review' && <AttemptReviewView />}
      {phase !== 'answering' && <AttemptHistory attempts={attempts} />}
    </section>
  );
}

function QuizIntro() {
  const { t } = useTranslation('quiz');
  const { quiz, start, attempts } = useQuizStore();
  if (!quiz) return null;
  const hasPartial = quiz.questions.some((q) => q.type === 'multiple' && q.scoring === 'partial');
  return (
    <div className="quiz-intro card">
      <p className="quiz-description">{quiz.description}</p>
      <p className="muted">{t('questionsAndPoints', { count: quiz.questions.length, points: quiz.maxScore })}</p>
      <h2>{t('rulesTitle')}</h2>
      <ul className="quiz-rules" data-testid="quiz-rules">
        <li>{t('ruleSingle')}</li>
        <li>{t('ruleMultiple')}</li>
        {hasPartial && <li>{t('rulePartial')}</li>}
        <li>{t('ruleShuffle')}</li>
      </ul>
      <ModeSwitch />
      <button type="button" className="primary quiz-start" onClick={start} data-testid="quiz-start">
        {attempts.length ? t('startAgain') : t('start')}
      </button>
    </div>
  );
}

function QuizAnswering() {
  const { t } = useTranslation('quiz');
  const { quiz, mode, index, answers, checked, seed, busy, toggle, check, goTo, requestFinish, focusRequest } = useQuizStore();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Keyboard and screen-reader users land on the new question's text, not at the top of the page.
    if (first.current && mode === 'all') return;
    first.current = false;
    headingRef.current?.focus();
  }, [index, mode]);
  useEffect(() => {
    // "Go to the first unanswered question" on the all-on-one-page view.
    if (!focusRequest) return;
    const heading = document.querySelector<HTMLElement>(`[data-question-id="${CSS.escape(focusRequest.questionId)}"] .quiz-question-text`);
    heading?.scrollIntoView({ block: 'center' });
    heading?.focus({ preventScroll: true });
  }, [focusRequest]);
  if (!quiz) return null;
  const total = quiz.questions.length;
  const answered = quiz.questions.filter((q) => (answers[q.id] ?? []).length > 0).length;
  const unanswered = total - answered;

  const top = (
    <>
      <ResumedNote />
      <ModeSwitch />
    </>
  );

  if (mode === 'all') {
    return (
      <>
      {top}
      <form
        className="quiz-all"
        onSubmit={(e) => {
          e.preventDefault();
          requestFinish();
        }}
      >
        {quiz.questions.map((q, i) => (
          <QuestionCard
            key={q.id}
            question={q}
            number={i + 1}
            total={total}
            seed={seed}
            selected={answers[q.id] ?? []}
            result={checked[q.id]}
            onToggle={(o) => toggle(q.id, o, q.type === 'multiple')}
          />
        ))}
        <div className="quiz-submit-sticky">
          <FinishWarning />
          <div className="quiz-actions quiz-submit-bar">
            <span className="muted" role="status">{t('answeredCount', { answered, total })}</span>
            {unanswered > 0 && <span className="muted">{t('unanswered', { count: unanswered })}</span>}
            <button type="submit" className="primary" disabled={busy} data-testid="quiz-submit">{t('submit')}</button>
          </div>
        </div>
      </form>
      </>
    );
  }

  const q = quiz.questions[index];
  const result = checked[q.id];
  const isLast = index === total - 1;
  return (
    <div className="quiz-one">
      {top}
      <div className="quiz-progress-row">
      <ol className="quiz-dots" aria-label={t('answeredCount', { answered, total })}>
        {quiz.questions.map((qq, i) => {
          const r = checked[qq.id];
          const cls = r ? (r.correct ? 'ok' : 'bad') : (answers[qq.id] ?? []).length ? 'answered' : '';
          return (
            <li key={qq.id}>
              <button
                type="button"
                className={`quiz-dot ${cls}${i === index ? ' current' : ''}`}
                aria-label={t('jumpTo', { n: i + 1 })}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => goTo(i)}
              >
                {i + 1}
              </button>
            </li>
          );
        })}
      </ol>
        <button type="button" className="quiz-finish-early" onClick={requestFinish} disabled={busy} data-testid="quiz-finish-now">
          {t('finishNow')}
        </button>
      </div>
      <FinishWarning />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!result) void check(q.id);
          else if (isLast) requestFinish();
          else goTo(index + 1);
        }}
      >
        <QuestionCard
          key={q.id}
          question={q}
          number={index + 1}
          total={total}
          seed={seed}
          selected={answers[q.id] ?? []}
          result={result}
          onToggle={(o) => toggle(q.id, o, q.type === 'multiple')}
          headingRef={headingRef}
        />
        <div className="quiz-actions">
          <button type="button" onClick={() => goTo(index - 1)} disabled={index === 0}>← {t('prev')}</button>
          {!result && (
            <button type="submit" className="primary" disabled={busy || (answers[q.id] ?? []).length === 0} data-testid="quiz-check">
              {t('check')}
            </button>
          )}
          {result && !isLast && (
            // autoFocus: the picked options just became disabled, so focus would otherwise fall to the page.
            <button type="submit" className="primary" data-testid="quiz-next" autoFocus>{t('next')} →</button>
          )}
          {result && isLast && (
            <button type="submit" className="primary" disabled={busy} data-testid="quiz-finish" autoFocus>{t('finish')}</button>
          )}
          {isLast && !result && unanswered > 0 && <span className="muted">{t('unanswered', { count: unanswered })}</span>}
        </div>
      </form>
    </div>
  );
}

function ResumedNote() {
  const { t, i18n } = useTranslation('quiz');
  const resumedFrom = useQuizStore((s) => s.resumedFrom);
  if (!resumedFrom) return null;
  const when = new Intl.DateTimeFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(resumedFrom));
  return (
    <p className="quiz-resumed" role="status" data-testid="quiz-resumed">
      {t('resumed', { when })}
    </p>
  );
}
