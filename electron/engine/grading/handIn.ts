// Builds a student's submission from their progress: the current draft of the editable files (the
// starter where there is none), the run history, hint unlocks and quiz attempts. Sealed and checked
// with zod before it is written.
import type { CatalogExercise } from './exerciseCatalog';
import { sanitizeFileName, sealSubmission, submissionFileName, SUBMISSION_EXTENSION, writeSubmission } from './submissionFile';
import type { HintUnlock, QuizAttempt, StudentIdentity, Submission, SubmittedRun } from './submissionSchema';

export interface HandInSources {
  draftFiles: Record<string, string> | null;
  runs: SubmittedRun[];
  hintUnlocks: HintUnlock[];
  quizAttempts: QuizAttempt[];
}

/** What a hand-in needs of its exercise: no solution, so an installed (student-build) app can hand in. */
export type HandInExercise = Pick<CatalogExercise, 'id' | 'editable' | 'starter' | 'contentHash'>;

export function buildSubmission(
  exercise: HandInExercise,
  student: StudentIdentity,
  sources: HandInSources,
  appVersion: string,
  now = new Date(),
): Submission {
  const files = exercise.editable.map((name) => ({
    path: name,
    content: sources.draftFiles?.[name] ?? exercise.starter[name] ?? '',
  }));
  return sealSubmission({
    format: 'replayground-submission',
    formatVersion: 1,
    student,
    exercise: { id: exercise.id, contentHash: exercise.contentHash },
    files,
    runs: sources.runs,
    hintUnlocks: sources.hintUnlocks,
    quizAttempts: sources.quizAttempts,
    appVersion,
    createdAt: now.toISOString(),
  });
}

export function handIn(folder: string, submission: Submission, fileName?: string): string {
  return writeSubmission(folder, submission, fileName);
}

/**
 * The file name of a hand-in: the student's own choice made safe, or `<student>-<exercise>-<time>` with
 * `-v2`, `-v3`… for a deliberate second or later hand-in, so versions never overwrite each other.
 */
export function handInFileName(studentId: string, exerciseId: string, at: Date, version: number, chosen?: string): string {
  if (chosen) return sanitizeFileName(chosen);
  const base = submissionFileName(studentId, exerciseId, at);
  return version > 1 ? `${base.slice(0, -SUBMISSION_EXTENSION.length)}-v${version}${SUBMISSION_EXTENSION}` : base;
}
