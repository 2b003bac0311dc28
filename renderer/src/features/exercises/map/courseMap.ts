// The course map's model, pure so it can be tested without a browser: the lessons, their quizzes and
// every exercise in the suggested order, each with a status, and the next step (derived from where the
// student really is: see nextStepKey).
import type { ExerciseSummary } from '../workspace/types';

export type StepStatus = 'not_started' | 'in_progress' | 'done';

/**
 * A lesson counts as read once this share of its sections has been read (a section is read once it has
 * been on screen long enough for its length: lesson/readingRule.ts). Not all of them, so a section or
 * two skimmed faster than the rule asks does not keep a lesson "being read" for ever.
 */
export const LESSON_READ_SHARE = 0.9;

export interface LessonInput {
  id: string;
  title: string;
  summary: string | null;
  estimatedMinutes: number | null;
  hasQuiz: boolean;
  /** Null when the reading progress could not be loaded. */
  reading: { read: number; total: number } | null;
  /** Null when the lesson has no quiz or its attempts could not be loaded. */
  quizAttempts: ReadonlyArray<{ score: number; maxScore: number }> | null;
}

interface StepBase {
  /** Unique across the map: `<kind>:<id>`. */
  key: string;
  id: string;
  status: StepStatus;
}

export interface LessonStep extends StepBase {
  kind: 'lesson';
  title: string;
  summary: string | null;
  estimatedMinutes: number | null;
  sectionsRead: number;
  sectionsTotal: number | null;
}

export interface QuizStep extends StepBase {
  kind: 'quiz';
  lessonTitle: string;
  attempts: number;
  /** The best attempt by share of points (null before the first attempt). */
  best: { score: number; maxScore: number } | null;
}

export interface ExerciseStep extends StepBase {
  kind: 'exercise';
  exercise: ExerciseSummary;
}

export type CourseStep = LessonStep | QuizStep | ExerciseStep;

export interface CourseMap {
  steps: CourseStep[];
  /** Key of the first step not done, or null when every step is done. */
  next: string | null;
}

export function lessonStatus(reading: LessonInput['reading']): StepStatus {
  if (!reading || reading.read === 0) return 'not_started';
  if (reading.total > 0 && reading.read >= Math.ceil(reading.total * LESSON_READ_SHARE)) return 'done';
  return 'in_progress';
}

function ratio(a: { score: number; maxScore: number }): number {
  return a.maxScore > 0 ? a.score / a.maxScore : 0;
}

export function bestAttempt(attempts: ReadonlyArray<{ score: number; maxScore: number }>): { score: number; maxScore: number } | null {
  return attempts.reduce<{ score: number; maxScore: number } | null>((best, a) => (!best || ratio(a) > ratio(best) ? { score: a.score, maxScore: a.maxScore } : best), null);
}

/**
 * Lessons in their order, each followed by its quiz, then the exercises by their manifest `order`
 * (the list arrives sorted; sorted again here so the map never depends on it). A quiz is done once it
 * has been taken: there is no pass mark, and retaking it is always open.
 */
export function buildCourseMap(lessons: LessonInput[], exercises: ExerciseSummary[]): CourseMap {
  const steps: CourseStep[] = [];
  for (const lesson of lessons) {
    steps.push({
      kind: 'lesson',
      key: `lesson:${lesson.id}`,
      id: lesson.id,
      title: lesson.title,
      summary: lesson.summary,
      estimatedMinutes: lesson.estimatedMinutes,
      status: lessonStatus(lesson.reading),
      sectionsRead: lesson.reading?.read ?? 0,
      sectionsTotal: lesson.reading?.total ?? null,
    });
    if (lesson.hasQuiz) {
      const attempts = lesson.quizAttempts ?? [];
      steps.push({
        kind: 'quiz',
        key: `quiz:${lesson.id}`,
        id: lesson.id,
        lessonTitle: lesson.title,
        status: attempts.length > 0 ? 'done' : 'not_started',
        attempts: attempts.length,
        best: bestAttempt(attempts),
      });
    }
  }
  const ordered = [...exercises].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (const exercise of ordered) {
    const status: StepStatus = exercise.status === 'passing' ? 'done' : exercise.status;
    steps.push({ kind: 'exercise', key: `exercise:${exercise.id}`, id: exercise.id, status, exercise });
  }
  return { steps, next: nextStepKey(steps) };
}

/**
 * The next step follows where the student really is, not the first gap: the furthest step they have
 * started or finished. If that one is under way, it is next ("continue"); if it is done, the first
 * unfinished step after it; when everything after it is done, the first unfinished step anywhere.
 * So taking the quiz and passing an exercise moves "next" on even if the lesson was skimmed.
 */
export function nextStepKey(steps: ReadonlyArray<Pick<CourseStep, 'key' | 'status'>>): string | null {
  let furthest = -1;
  steps.forEach((s, i) => {
    if (s.status !== 'not_started') furthest = i;
  });
  if (furthest >= 0 && steps[furthest].status === 'in_progress') return steps[furthest].key;
  const after = steps.slice(furthest + 1).find((s) => s.status !== 'done');
  return (after ?? steps.find((s) => s.status !== 'done'))?.key ?? null;
}
