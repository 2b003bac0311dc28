// The submission file: what a student hands in and an instructor grades. Validated with zod when it is
// written and when it is read. Its run history is informative only: the grader never trusts it.
import { z } from 'zod';

export const SUBMISSION_FORMAT = 'replayground-submission';
export const SUBMISSION_FORMAT_VERSION = 1;
/** Files bigger than this are refused before parsing (a hand-in is a few KB). */
export const MAX_SUBMISSION_BYTES = 5 * 1024 * 1024;
export const MAX_EDITABLE_FILE_CHARS = 256 * 1024;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase SHA-256 hex digest');
const IsoTime = z.string().min(10).max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO-8601 time');
const Count = z.number().int().min(0).max(100_000);

export const StudentIdentity = z.object({
  name: z.string().trim().min(1).max(200),
  id: z.string().trim().min(1).max(100),
});
export type StudentIdentity = z.infer<typeof StudentIdentity>;

export const EditableFile = z.object({
  path: z
    .string()
    .min(1)
    .max(200)
    .refine((p) => !p.includes('..') && !p.startsWith('/') && !p.includes('\\') && !p.includes('\0'), 'a relative path inside the workspace'),
  content: z.string().max(MAX_EDITABLE_FILE_CHARS),
});
export type EditableFile = z.infer<typeof EditableFile>;

/** One entry of the student's run history, as the app recorded it. Informative only: never graded. */
export const SubmittedRun = z.object({
  at: IsoTime,
  /** hashFiles() of the code that ran, so an instructor can match a run to the handed-in code. */
  codeHash: z.string().max(128),
  status: z.enum(['pass', 'fail', 'error']),
  passed: Count,
  failed: Count,
  total: Count,
  points: z.number().min(0),
  maxPoints: z.number().min(0),
  durationMs: z.number().min(0).max(86_400_000),
});
export type SubmittedRun = z.infer<typeof SubmittedRun>;

export const HintUnlock = z.object({ index: z.number().int().min(0).max(1000), at: IsoTime });
export type HintUnlock = z.infer<typeof HintUnlock>;

export const QuizAttempt = z.object({
  quizId: z.string().min(1).max(200),
  at: IsoTime,
  score: z.number().min(0),
  maxScore: z.number().min(0),
  /** Free-form answers as the quiz recorded them; kept for the instructor, never interpreted. */
  answers: z.unknown().optional(),
});
export type QuizAttempt = z.infer<typeof QuizAttempt>;

const SubmissionBody = z.object({
  format: z.literal(SUBMISSION_FORMAT),
  formatVersion: z.literal(SUBMISSION_FORMAT_VERSION),
  student: StudentIdentity,
  exercise: z.object({ id: z.string().min(1).max(100), contentHash: Hex64 }),
  files: z.array(EditableFile).min(1).max(50),
  runs: z.array(SubmittedRun).max(5000),
  hintUnlocks: z.array(HintUnlock).max(1000),
  quizAttempts: z.array(QuizAttempt).max(1000),
  appVersion: z.string().min(1).max(50),
  createdAt: IsoTime,
});

export const Submission = SubmissionBody.extend({
  checksum: z.object({ algorithm: z.literal('sha256'), value: Hex64 }),
});
export type Submission = z.infer<typeof Submission>;
/** Everything but the checksum: what the checksum covers. */
export const UnsignedSubmission = SubmissionBody;
export type UnsignedSubmission = z.infer<typeof UnsignedSubmission>;
export type UnsignedSubmissionInput = z.input<typeof UnsignedSubmission>;
