// The gradebook: one row per submission found (graded or not), plus every test's result for graded
// rows. zod schemas so the app, the reports and the tests read the same shape.
import { z } from 'zod';
import { Note } from './gradingWords';
import { PhraseSchema } from './runResult';
import { RowStatus } from './rowStatus';

export { RowStatus };

/** Rows that were run and count: the score is the student's. */
export const GRADED_STATUSES: ReadonlySet<RowStatus> = new Set(['graded', 'hash_mismatch', 'compile_error', 'timeout', 'runner_error']);
/** Rows that were run and scored but do not count until the instructor decides (never supersede anyone). */
export const FLAGGED_STATUSES: ReadonlySet<RowStatus> = new Set(['identity_mismatch', 'clock_skew']);

export const GradedTest = z.object({
  name: z.string(),
  /** The name in Russian (the suite's ruNames), for Russian reports and a Russian Instructor page. */
  name_ru: z.string().optional(),
  suite: z.string(),
  visibility: z.enum(['visible', 'hidden']),
  status: z.enum(['pass', 'fail', 'error']),
  /** Failure message; null for passes. Hidden tests keep only their name, status and message. */
  message: z.string().nullable(),
  /** The message as a phrase, worded in the report's (or the UI's) language. */
  message_phrase: PhraseSchema.optional(),
  points: z.number(),
  max_points: z.number(),
  duration_ms: z.number(),
  /** Given/when/then details of a visible test's failure. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type GradedTest = z.infer<typeof GradedTest>;

export const PartScore = z.object({ points: z.number(), max_points: z.number(), passed: z.number(), failed: z.number(), errored: z.number() });
export type PartScore = z.infer<typeof PartScore>;

export const GradebookRow = z.object({
  student_id: z.string(),
  student_name: z.string(),
  exercise_id: z.string(),
  score: z.number().nullable(),
  max_score: z.number().nullable(),
  passed: z.number().nullable(),
  failed: z.number().nullable(),
  errored: z.number().nullable(),
  status: RowStatus,
  duration_ms: z.number().nullable(),
  submitted_at: z.string(),
  checksum_ok: z.boolean().nullable(),
  notes: z.string(),
});
export type GradebookRow = z.infer<typeof GradebookRow>;

/** A submission's highest similarity: to a classmate's submission (its source) or to reference code (its label). */
export const SimilarityHighest = z.object({ score: z.number(), with: z.string(), reference: z.boolean() });
export type SimilarityHighest = z.infer<typeof SimilarityHighest>;

export const SimilarityRegion = z.object({
  a_file: z.string(), a_from: z.number(), a_to: z.number(),
  b_file: z.string(), b_from: z.number(), b_to: z.number(),
  tokens: z.number(), a_text: z.string(), b_text: z.string(),
});

export const SimilarityPair = z.object({
  exercise_id: z.string(),
  a: z.object({ key: z.string(), student_id: z.string() }),
  b: z.object({ key: z.string(), student_id: z.string().nullable(), label: z.string(), reference: z.boolean() }),
  score: z.number(),
  a_in_b: z.number(),
  b_in_a: z.number().nullable(),
  regions: z.array(SimilarityRegion),
});
export type SimilarityPair = z.infer<typeof SimilarityPair>;

/** The class's similarity report: pairs at or above the threshold, highest first (matching regions for the first ones). */
export const SimilarityReport = z.object({
  threshold: z.number(),
  /** The reference code compared, besides classmates (e.g. "solution", "engine: domain/orders"). */
  references: z.array(z.string()),
  pairs_over_threshold: z.number(),
  pairs: z.array(SimilarityPair),
});
export type SimilarityReport = z.infer<typeof SimilarityReport>;

export const GradebookEntry = GradebookRow.extend({
  /** The notes as codes with parameters (`notes` is them worded in the grading's language); absent in older gradebooks. */
  note_codes: z.array(Note).optional(),
  source: z.string(),
  kind: z.enum(['file', 'folder']),
  feedback: z.string().nullable(),
  run_message: z.string().nullable(),
  run_message_phrase: PhraseSchema.optional(),
  visible: PartScore.nullable(),
  hidden: PartScore.nullable(),
  tests: z.array(GradedTest),
  /** Highest similarity to another submission of the exercise or to reference code; null: too little own code, or not compared. */
  similarity: SimilarityHighest.nullable().optional(),
});
export type GradebookEntry = z.infer<typeof GradebookEntry>;

export const Gradebook = z.object({
  format: z.literal('replayground-gradebook'),
  version: z.literal(1),
  /** The language the notes and reports were worded in; absent in older gradebooks (English). */
  lang: z.enum(['en', 'ru']).optional(),
  /** Timing column: when the grading ran. */
  generated_at: z.string(),
  input: z.string(),
  exercises: z.array(z.object({ id: z.string(), title: z.string(), titles: z.object({ en: z.string(), ru: z.string() }).optional(), content_hash: z.string(), max_score: z.number(), reference_ok: z.boolean(), tests: z.array(z.object({ name: z.string(), name_ru: z.string().optional(), suite: z.string(), visibility: z.enum(['visible', 'hidden']), max_points: z.number() })) })),
  problems: z.array(z.string()),
  /** The problems as codes with parameters (`problems` is them worded in the grading's language); absent in older gradebooks. */
  problem_codes: z.array(Note).optional(),
  entries: z.array(GradebookEntry),
  /** Absent when the report was turned off. */
  similarity: SimilarityReport.optional(),
});
export type Gradebook = z.infer<typeof Gradebook>;

export const CSV_COLUMNS = [
  'student_id', 'student_name', 'exercise_id', 'score', 'max_score', 'passed', 'failed', 'errored', 'status',
  'duration_ms', 'submitted_at', 'checksum_ok', 'notes',
] as const satisfies ReadonlyArray<keyof GradebookRow>;
