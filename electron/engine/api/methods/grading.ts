// Methods of hand-in (student side) and grading (instructor side). Grading runs as a job: start it,
// follow 'grading.progress', then fetch the gradebook and any student's code.
// No node imports here: the renderer imports these types through the contract.
import { z } from 'zod';
import { ExerciseId } from '../../common/exerciseId';
import { method } from '../defineMethod';
import { Gradebook, GradebookEntry } from '../../common/gradebook';

const FolderPath = z.string().trim().min(1).max(4096);
export const HandInStudent = z.object({ name: z.string().trim().min(1).max(200), id: z.string().trim().min(1).max(100) });
const RunScore = z.object({ at: z.string(), points: z.number(), maxPoints: z.number(), passed: z.number().int(), total: z.number().int() });
/** One earlier hand-in of an exercise by this profile. */
/** One grading this machine ran: where from, where to, and what came of it. */
export const GradingRun = z.object({
  id: z.string(),
  at: z.string(),
  inputDir: z.string(),
  outDir: z.string(),
  exercise: z.string().nullable(),
  lang: z.enum(['en', 'ru']),
  state: z.enum(['running', 'done', 'failed']),
  found: z.number().int(),
  graded: z.number().int(),
  error: z.string().nullable(),
});
export type GradingRun = z.infer<typeof GradingRun>;
export const HandInRecord = z.object({ version: z.number().int().min(1), at: z.string(), path: z.string(), checksum: z.string() });

export const gradingMethods = {
  /** The student's name and id as remembered from the last hand-in (null the first time). */
  'submission.student': method(z.object({}), z.object({ student: HandInStudent.nullable() })),
  /**
   * What a hand-in of this exercise would contain, from this profile only: the exercise, the code files,
   * the visible score of the last run, the run history, hints and quiz attempts; and the earlier hand-ins.
   */
  'submission.preview': method(
    z.object({
      exerciseId: ExerciseId,
      lang: z.enum(['en', 'ru']),
      /** The id typed in the dialog, for the default file name (else the remembered one). */
      studentId: z.string().trim().min(1).max(100).optional(),
    }),
    z.object({
      exercise: z.object({ id: z.string(), title: z.string() }),
      student: HandInStudent.nullable(),
      files: z.array(z.object({ path: z.string(), lines: z.number().int(), fromStarter: z.boolean() })),
      lastRun: RunScore.nullable(),
      bestRun: RunScore.nullable(),
      runs: z.number().int(),
      hintsOpened: z.number().int(),
      quizAttempts: z.array(z.object({ quizId: z.string(), at: z.string(), score: z.number(), maxScore: z.number() })),
      /** Where the file goes unless the student chooses: the profile's handins folder and a file name. */
      defaultFolder: z.string().nullable(),
      defaultFileName: z.string(),
      handIns: z.array(HandInRecord),
    }),
  ),
  /** Writes the submission file for an exercise from the progress database; returns where and the JSON text. */
  'submission.handIn': method(
    z.object({
      exerciseId: ExerciseId,
      /** Given the first time (or to change it); remembered in settings. */
      student: HandInStudent.optional(),
      /** Folder to write to; default <data folder>/handins. */
      folder: FolderPath.optional(),
      /** A file name the student chose; sanitized. */
      fileName: z.string().trim().min(1).max(200).optional(),
      /** A whole file path chosen in the desktop's native save dialog (replaces folder and fileName). */
      target: FolderPath.optional(),
      /** Hand in although this exercise was handed in before: writes the next version. */
      again: z.boolean().optional(),
      /** Replace a file of the same name (the native save dialog has asked already). */
      replace: z.boolean().optional(),
    }),
    z.object({
      path: z.string(),
      fileName: z.string(),
      json: z.string(),
      checksum: z.string(),
      student: HandInStudent,
      /** 1 for the first hand-in of this exercise, then 2, 3… */
      version: z.number().int(),
      /** True when a file of the same name was replaced. */
      replaced: z.boolean(),
    }),
  ),
  'grading.start': method(
    z.object({
      inputDir: FolderPath,
      outDir: FolderPath.optional(),
      exercise: ExerciseId.optional(),
      concurrency: z.number().int().min(1).max(64).optional(),
      hiddenTestsDir: FolderPath.optional(),
      /** An instructor's copy of the exercise packages (with solutions and hidden tests); default: the app's own. */
      exercisesDir: FolderPath.optional(),
      /** The language of the worded reports (similarity.html); default English. */
      lang: z.enum(['en', 'ru']).optional(),
    }),
    z.object({ jobId: z.string(), outDir: z.string() }),
  ),
  'grading.result': method(
    z.object({ jobId: z.string().min(1).max(100) }),
    z.object({
      jobId: z.string(),
      state: z.enum(['running', 'done', 'failed']),
      done: z.number(),
      total: z.number(),
      inputDir: z.string(),
      outDir: z.string(),
      error: z.string().nullable(),
      files: z.array(z.string()),
      gradebook: Gradebook.nullable(),
    }),
  ),
  /** Past gradings on this machine (newest first), and any still running; each can be opened again. */
  'grading.history': method(z.object({}), z.object({ runs: z.array(GradingRun) })),
  /** Opens a past grading from its reports (gradebook.json in its output folder); then use grading.result. */
  'grading.open': method(z.object({ runId: z.string().min(1).max(100) }), z.object({ jobId: z.string() })),
  /** Drops a past grading from the list (its report files stay where they are). */
  'grading.forget': method(z.object({ runId: z.string().min(1).max(100) }), z.object({ ok: z.literal(true) })),
  'grading.studentCode': method(
    z.object({
      jobId: z.string().min(1).max(100),
      studentId: z.string().max(200),
      exerciseId: z.string().max(100).optional(),
      /** Pick one submission when a student has several (e.g. a superseded one). */
      source: z.string().max(1000).optional(),
    }),
    z.object({ entry: GradebookEntry, files: z.array(z.object({ name: z.string(), content: z.string() })) }),
  ),
};
