// The shape of a test run: Exercism's results.json v3, extended with timing, points, the suite a
// test came from and, for given/when/then tests, the events or error codes involved.
// The UI and the grader import these schemas; the runner validates every result against them.
import { z } from 'zod';
import type { Phrase, PhraseArg } from './phrase';

/**
 * A message as a code with parameters (common/phrase.ts), worded by the UI and by grading reports in
 * the reader's language (common/testWords.ts). Bounded: keys are words, nesting is shallow.
 */
const PhraseArgSchema: z.ZodType<PhraseArg> = z.lazy(() => z.union([z.string().max(100_000), z.number(), PhraseSchema, z.array(PhraseSchema).max(100)]));
export const PhraseSchema: z.ZodType<Phrase> = z.lazy(() =>
  z.object({ key: z.string().regex(/^\w{1,60}$/), args: z.record(z.string().regex(/^\w{1,40}$/), PhraseArgSchema).optional() }),
);

export const TestStatus = z.enum(['pass', 'fail', 'error']);
export type TestStatus = z.infer<typeof TestStatus>;

export const SuiteVisibility = z.enum(['visible', 'hidden']);
export type SuiteVisibility = z.infer<typeof SuiteVisibility>;

/**
 * Why a run, a suite or a test ended as it did when that is not simply "the assertions failed": the
 * structured reason programs (grading) go by. Messages are for people and never decide a status.
 *   build: the code did not compile or imported what it may not; input: an editable file is missing;
 *   unavailable: a suite file is not there (hidden suites in a student build); load: a suite's file
 *   threw while loading; no_tests: a suite registered none; timeout, memory, output, crashed: the
 *   sandbox stopped the run (or a test) for that; tampered: a built-in or read-only export was
 *   changed; registration: a test was registered twice or outside its suite's file; too_large: the
 *   result exceeded its cap.
 */
export const RunReason = z.enum(['build', 'input', 'unavailable', 'load', 'no_tests', 'timeout', 'memory', 'output', 'crashed', 'tampered', 'registration', 'too_large']);
export type RunReason = z.infer<typeof RunReason>;

/** Where a problem is in a file: 1-based line and column. `file` is relative to the exercise workspace. */
export const SourceLocation = z.object({
  file: z.string(),
  line: z.number().int().min(0),
  column: z.number().int().min(0),
});
export type SourceLocation = z.infer<typeof SourceLocation>;

export const TestResult = z.object({
  /** Full name: describe blocks and the test, joined by ' > '. The test's identity (points, grading, history). */
  name: z.string(),
  /** The same full name in Russian, from the suite's `ruNames` table; absent when a segment has none. */
  name_ru: z.string().optional(),
  /** Source of the test's body (empty for hidden tests: the student must not learn them). */
  test_code: z.string(),
  status: TestStatus,
  /** Why it failed (null when it passed), in English. */
  message: z.string().nullable(),
  /** The same as a phrase, for the reader's language. */
  message_phrase: PhraseSchema.optional(),
  /** What the student's code printed during this test (null when nothing, or for hidden tests). */
  output: z.string().nullable(),
  task_id: z.number().int().optional(),
  duration_ms: z.number().min(0),
  points: z.number().min(0),
  max_points: z.number().min(0),
  suite: z.string(),
  visibility: SuiteVisibility,
  /** Test file (relative to the exercise folder) and the line where the test is declared. */
  file: z.string().optional(),
  line: z.number().int().min(0).optional(),
  /** Line of the failing assertion in the test file, when it is not the test's own line (visible tests only). */
  failed_line: z.number().int().min(0).optional(),
  /** Where in a workspace file (usually the student's) the error that failed the test was thrown. */
  error_location: SourceLocation.optional(),
  // Given/when/then details, copied from the `details` of the Error a failing test threw.
  given: z.unknown().optional(),
  command: z.unknown().optional(),
  expected_events: z.unknown().optional(),
  actual_events: z.unknown().optional(),
  expected_error_code: z.string().nullable().optional(),
  actual_error_code: z.string().nullable().optional(),
  /** Set when the test did not fail on its own assertions: 'timeout', 'tampered', 'registration'. */
  reason: RunReason.optional(),
});
export type TestResult = z.infer<typeof TestResult>;

export const SuiteSummary = z.object({
  id: z.string(),
  /** The suite's heading in both languages (the manifest's `title`); absent in results stored before titles existed. */
  title: z.object({ en: z.string(), ru: z.string() }).optional(),
  file: z.string(),
  visibility: SuiteVisibility,
  status: TestStatus,
  /** Why the whole suite errored (load error, timeout, crash); null otherwise. */
  message: z.string().nullable(),
  message_phrase: PhraseSchema.optional(),
  /** Output printed outside any test (while the file loaded, in beforeAll/afterAll); null for hidden suites. */
  output: z.string().nullable().optional(),
  tests: z.number().int().min(0),
  passed: z.number().int().min(0),
  points: z.number().min(0),
  max_points: z.number().min(0),
  duration_ms: z.number().min(0),
  /** For status 'error': why, structured. */
  reason: RunReason.optional(),
  /**
   * How far the suite's Russian names (`ruNames`) cover its describe/it names: whether it has the
   * table, the names without a translation, the table's keys that name nothing. Absent when the file did not load.
   */
  ru_names: z.object({ table: z.boolean(), missing: z.array(z.string()), unused: z.array(z.string()) }).optional(),
});
export type SuiteSummary = z.infer<typeof SuiteSummary>;

export const RunResult = z.object({
  version: z.literal(3),
  /** pass: every test passed; fail: some test failed; error: the code could not be built or run. */
  status: TestStatus,
  /** For 'error': what went wrong, for the student. Null otherwise. */
  message: z.string().nullable(),
  message_phrase: PhraseSchema.optional(),
  /** For build errors: where in the student's (or a workspace) file. */
  location: SourceLocation.optional(),
  /** For status 'error': why, structured (grading decides a row's status from this, never from `message`). */
  reason: RunReason.optional(),
  tests: z.array(TestResult),
  exercise_id: z.string(),
  suites: z.array(SuiteSummary),
  points: z.number().min(0),
  max_points: z.number().min(0),
  duration_ms: z.number().min(0),
});
export type RunResult = z.infer<typeof RunResult>;

/** Caps from the architecture doc (after Exercism's runner). */
export const OUTPUT_CAP_BYTES = 1024 * 1024;
export const RESULT_CAP_BYTES = 500 * 1024;
/** Per-test cap on captured console output. */
export const TEST_OUTPUT_CAP_CHARS = 8 * 1024;

