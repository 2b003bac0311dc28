// Methods of hand-in (student side) and grading (instructor side). Grading runs as a job: start it,
// follow 'grading.progress', then fetch the gradebook and any student's code.
// No node imports here: the renderer imports these types through the contract.
import { z } from 'zod';
import { ExerciseId } from '../../common/exerciseId';
import { method } from '../defineMethod';
import { Gradebook, GradebookEntry } from '../../common/gradebook';

const FolderPath = z.string().trim().min(1).max(4096);
export const HandInStudent = z.object({ name: z.string().trim().min(1).max(200), id: z.string().trim().min(1).max(100) });

export const gradingMethods = {
  /** The student's name and id as remembered from the last hand-in (null the first time). */
  'submission.student': method(z.object({}), z.object({ student: HandInStudent.nullable() })),
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
    }),
    z.object({ path: z.string(), fileName: z.string(), json: z.string(), checksum: z.string(), student: HandInStudent }),
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
