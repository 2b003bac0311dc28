// One step of the course map as a card: its number (a tick once done), kind, title, status and best
// score, and a link to it. Exercise cards keep the test ids the exercise list had (exercise-card,
// exercise-status, data-status with the exercise's own status).
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { hrefFor } from '../../../app/router';
import type { CourseStep, ExerciseStep, LessonStep, QuizStep, StepStatus } from './courseMap';
import { percentOf, roundScore } from '@common/score';

const BADGE: Record<StepStatus, string> = { not_started: '', in_progress: 'warn', done: 'ok' };

export function stepHref(step: CourseStep): string {
  if (step.kind === 'lesson') return hrefFor('lesson', step.id);
  if (step.kind === 'quiz') return hrefFor('quiz', step.id);
  return hrefFor('exercises', step.id);
}

export function stepTitle(step: CourseStep, t: TFunction): string {
  if (step.kind === 'lesson') return step.title;
  if (step.kind === 'quiz') return t('exercises:map.quizTitle', { lesson: step.lessonTitle });
  return step.exercise.title;
}

export function StepCard({ step, index, isNext }: { step: CourseStep; index: number; isNext: boolean }) {
  const { t } = useTranslation('exercises');
  const href = stepHref(step);
  const isExercise = step.kind === 'exercise';
  const action = isNext ? t('map.continue') : step.status === 'done' ? t('map.review') : step.status === 'in_progress' ? t('map.continue') : t('map.open');
  return (
    <li
      className={`card ex-card course-step${isNext ? ' is-next' : ''}`}
      data-testid={isExercise ? 'exercise-card' : `${step.kind}-card`}
      data-step={step.key}
      data-step-status={step.status}
      data-status={isExercise ? step.exercise.status : step.status}
      data-exercise={isExercise ? step.id : undefined}
      data-next={isNext || undefined}
      aria-current={isNext ? 'step' : undefined}
    >
      <div className="ex-card-step" aria-hidden="true">{step.status === 'done' ? '✓' : index + 1}</div>
      <div className="ex-card-body">
        <p className="course-kind">
          {t(`map.kind.${step.kind}`)}
          {isNext && <span className="badge course-next-tag">{t('map.nextTag')}</span>}
        </p>
        <h2 className="ex-card-title">
          <a href={href}>{stepTitle(step, t)}</a>
        </h2>
        {step.kind === 'lesson' && <LessonDetails step={step} />}
        {step.kind === 'quiz' && <QuizDetails step={step} />}
        {step.kind === 'exercise' && <ExerciseDetails step={step} />}
      </div>
      <a className={`ex-card-open button-like${isNext ? ' course-continue' : ''}`} href={href} data-testid="step-open">
        {action} →
      </a>
    </li>
  );
}

function LessonDetails({ step }: { step: LessonStep }) {
  const { t } = useTranslation('exercises');
  const total = step.sectionsTotal;
  return (
    <>
      {step.summary && <p className="ex-card-summary">{step.summary}</p>}
      <div className="ex-card-meta">
        <span className={`badge ${BADGE[step.status]}`} data-testid="step-status">{t(`map.lessonStatus.${step.status}`)}</span>
        {total !== null && total > 0 && (
          <span className="course-progress" data-testid="lesson-sections" data-read={step.sectionsRead} data-total={total}>
            <span className="course-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, (step.sectionsRead / total) * 100)}%` }} />
            </span>
            <span className="muted">{t('map.sectionsRead', { count: total, read: step.sectionsRead })}</span>
          </span>
        )}
        {step.estimatedMinutes !== null && <span className="muted">{t('map.minutes', { minutes: step.estimatedMinutes })}</span>}
      </div>
    </>
  );
}

function QuizDetails({ step }: { step: QuizStep }) {
  const { t } = useTranslation('exercises');
  const best = step.best;
  return (
    <>
      <p className="ex-card-summary">{t('map.quizSummary')}</p>
      <div className="ex-card-meta">
        <span className={`badge ${BADGE[step.status]}`} data-testid="step-status">{t(`map.quizStatus.${step.status}`)}</span>
        {best && (
          <span className="muted" data-testid="quiz-best" data-score={best.score} data-max={best.maxScore}>
            {t('map.quizBest', { score: roundScore(best.score), max: roundScore(best.maxScore), percent: percentOf(best.score, best.maxScore) })}
          </span>
        )}
        {step.attempts > 0 && <span className="muted">{t('map.attempts', { count: step.attempts })}</span>}
      </div>
    </>
  );
}

function ExerciseDetails({ step }: { step: ExerciseStep }) {
  const { t, i18n } = useTranslation('exercises');
  const ex = step.exercise;
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p className="ex-card-summary">{ex.summary}</p>
      <div className="ex-card-meta">
        <span className={`badge ${BADGE[step.status]}`} data-testid="exercise-status">{t(`list.status.${ex.status}`)}</span>
        {ex.bestScore !== null && ex.maxScore !== null && (
          <span className="muted" data-testid="exercise-best" data-score={ex.bestScore} data-max={ex.maxScore}>
            {t('list.best', { score: roundScore(ex.bestScore), max: roundScore(ex.maxScore) })}
          </span>
        )}
        {ex.runs > 0 && <span className="muted">{t('list.runs', { count: ex.runs })}</span>}
        {ex.lastRunAt && <span className="muted">{t('list.lastRun', { when: fmt.format(new Date(ex.lastRunAt)) })}</span>}
      </div>
    </>
  );
}
