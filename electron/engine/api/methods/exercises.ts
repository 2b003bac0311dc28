// Methods of the exercise workspace: the list, one exercise (never its hidden tests), drafts with
// autosave, hints unlocked one at a time, running the visible tests, and the run history.
import { z } from 'zod';
import { ExerciseId } from '../../common/exerciseId';
import { method } from '../defineMethod';
import { Locale } from './app';
import { RunResult, TestStatus } from '../../common/runResult';

const FileName = z.string().min(1).max(200);
/** Workspace files by name; at most ~2 MB of code in total is plenty for an exercise. */
const FileMap = z.record(FileName, z.string().max(500_000));

export const Cursor = z.object({ file: FileName, line: z.number().int().min(1), column: z.number().int().min(1) });

export const ExerciseStatus = z.enum(['not_started', 'in_progress', 'passing']);

export const ExerciseSummary = z.object({
  id: ExerciseId,
  order: z.number(),
  title: z.string(),
  summary: z.string(),
  status: ExerciseStatus,
  runs: z.number().int(),
  bestScore: z.number().nullable(),
  maxScore: z.number().nullable(),
  lastRunAt: z.string().nullable(),
});

export const WorkspaceFile = z.object({ name: z.string(), content: z.string(), editable: z.boolean() });

export const RunSummary = z.object({
  id: z.number().int(),
  exerciseId: z.string(),
  startedAt: z.string(),
  codeSha256: z.string(),
  status: TestStatus,
  passed: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
  points: z.number(),
  maxPoints: z.number(),
  durationMs: z.number(),
  allPassed: z.boolean(),
});

const HintView = z.object({ index: z.number().int(), text: z.string(), unlockedAt: z.string() });

export const ExerciseView = z.object({
  id: ExerciseId,
  order: z.number(),
  title: z.string(),
  summary: z.string(),
  /** Markdown in the requested language. */
  description: z.string(),
  editable: z.array(z.string()),
  readonly: z.array(z.string()),
  /** Readonly files with their contents, editable files with the draft (or the starter). */
  files: z.array(WorkspaceFile),
  /** Visible test files only, read-only, so a failing test can link to its line. */
  tests: z.array(z.object({ file: z.string(), suite: z.string(), content: z.string() })),
  /** Visible suites; `title` is the suite's heading in the requested language. */
  suites: z.array(z.object({ id: z.string(), title: z.string(), file: z.string(), pointsPerTest: z.number() })),
  limits: z.object({ timeoutMs: z.number(), memoryMb: z.number() }),
  /** What the instructor's grading adds (counts only, never a hidden test's name); null when not announced. */
  hiddenTests: z.object({ count: z.number().int(), points: z.number() }).nullable(),
  hints: z.object({ total: z.number().int(), unlocked: z.array(HintView) }),
  draft: z.object({
    savedAt: z.string().nullable(),
    cursor: Cursor.nullable(),
    /** Set when the saved draft could not be read (damaged) and was kept aside; the starter is shown instead. */
    setAside: z.object({ at: z.string(), reason: z.string() }).nullable().optional(),
  }),
  lastRun: z.object({ run: RunSummary, results: RunResult }).nullable(),
});

const ByExercise = z.object({ exerciseId: ExerciseId });
const RunId = z.object({ runId: z.number().int().min(1) });

export const exercisesMethods = {
  'exercises.list': method(z.object({ lang: Locale }), z.object({ exercises: z.array(ExerciseSummary) })),
  'exercises.get': method(z.object({ id: ExerciseId, lang: Locale }), ExerciseView),
  /** Runs the visible suites on the given files (the editor's content), records the run and returns it. */
  'exercises.run': method(
    z.object({ exerciseId: ExerciseId, files: FileMap }),
    z.object({ run: RunSummary, results: RunResult }),
  ),
  'drafts.save': method(
    z.object({ exerciseId: ExerciseId, files: FileMap, cursor: Cursor.nullable() }),
    z.object({ savedAt: z.string() }),
  ),
  /** Back to the starter; the replaced code is kept in the draft history. */
  'drafts.reset': method(ByExercise, z.object({ files: z.array(WorkspaceFile), historyId: z.number().nullable() })),
  /** Unlocks the next hint (index must be the next locked one, or an unlocked one: idempotent). */
  'hints.unlock': method(
    z.object({ exerciseId: ExerciseId, index: z.number().int().min(0), lang: Locale }),
    HintView,
  ),
  'runs.list': method(ByExercise, z.object({ runs: z.array(RunSummary) })),
  'runs.get': method(RunId, z.object({ run: RunSummary, files: z.array(WorkspaceFile), results: RunResult })),
  /** Makes a past run's code the current draft (the replaced draft goes to history). */
  'runs.restore': method(RunId, z.object({ files: z.array(WorkspaceFile), historyId: z.number().nullable() })),
};
