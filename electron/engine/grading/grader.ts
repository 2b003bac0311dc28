// The grader: discover → classify → run every gradable submission (visible + hidden suites) through the
// sandboxed runner, a few at a time → score against the reference run → one gradebook. Nothing a
// submission says about its own results is read; only what its code does in the sandbox counts.
import fs from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../common/runResult';
import type { RunnerStats } from '../runner';
import { classify, entryFiles, sameFile, type Entry } from './classify';
import { discover } from './discover';
import { loadExerciseCatalog, type CatalogExercise } from './exerciseCatalog';
import { GRADED_STATUSES, type Gradebook, type GradebookEntry, type RowStatus } from '../common/gradebook';
import { firstLine, referenceTestsOf, scoreRun, type ReferenceTest } from './score';
import { classSimilarity, type ClassSimilarity, type ClassSimilarityOptions } from './similarity/classSimilarity';
import { note, wordNote, wordNotes, type GradingLang, type Note } from '../common/gradingWords';

/** What grading needs from the runner: run the editable files against every suite of the exercise. */
export interface GradingRunner {
  run(request: { exercise: CatalogExercise; files: Record<string, string>; hiddenTestsDir?: string }): Promise<RunResult>;
  /** Starts getting ready (the sandbox harness, fresh processes) while the grader reads the class; must not throw. */
  prepare?(): void;
  close?(): Promise<void>;
  /** Where the runner's time went (the CLI prints it; `npm run bench -- grading` reads it). */
  stats?(): RunnerStats;
}

export interface GradingProgress {
  done: number;
  total: number;
  current?: string;
}

export interface GradeOptions {
  input: string;
  /** The language the row notes are worded in (the codes travel too); default English. */
  lang?: GradingLang;
  exercisesRoot: string;
  runner: GradingRunner;
  exercise?: string;
  concurrency?: number;
  /** Folder with hidden tests, laid out as <dir>/<exercise-id>/*.test.ts or directly *.test.ts. */
  hiddenTestsDir?: string;
  onProgress?(progress: GradingProgress): void;
  /** How to get the files graded per entry source, for the app's "open the student's code" (read on demand). */
  onEntryFiles?(source: string, files: () => Record<string, string>): void;
  /** The grading's "now" (a submission time after it is flagged as clock_skew); default: the start of grading. */
  now?: Date;
  /** Bytes of student code kept in memory for the whole class; past it, code is read again when it runs. */
  memoryBudgetBytes?: number;
  /** The similarity report (on by default): threshold and where the engine's reference code is; false turns it off. */
  similarity?: ClassSimilarityOptions | false;
  /** Filled with the milliseconds each phase took (catalog, discover, runs, similarity): where the time goes. */
  timings?: Record<string, number>;
}

interface Reference {
  tests: ReferenceTest[] | null;
  ok: boolean;
  problem?: string;
}

export async function grade(options: GradeOptions): Promise<Gradebook> {
  const timings = options.timings ?? {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  // The sandbox side gets ready (harness built, processes started) while the exercises and the class are read.
  options.runner.prepare?.();
  const catalog = loadExerciseCatalog(options.exercisesRoot);
  const problems: Note[] = catalog.problems.map((text) => note('text', { text }));
  if (options.exercise && !catalog.get(options.exercise)) problems.push(note('no_such_exercise', { exercise: options.exercise }));
  phase('catalog');
  // Discovery reads only the files an exercise takes; one hand-in at a time is held as raw text.
  const wants = (exerciseId: string, rel: string) => catalog.get(exerciseId)?.editable.some((e) => sameFile(e, rel)) ?? false;
  const entries = classify(discover(options.input, { wants }), catalog, options.exercise, { now: options.now, memoryBudgetBytes: options.memoryBudgetBytes });
  if (entries.length === 0) problems.push(note('no_input'));
  const gradable = entries.filter((e) => e.status === 'gradable');
  const exerciseIds = [...new Set(gradable.map((e) => e.exerciseId))].sort();
  const total = gradable.length + exerciseIds.length;
  let done = 0;
  const tick = (current?: string) => options.onProgress?.({ done, total, current });
  tick();
  phase('discover');

  // The reference solution's run is the list of tests that can earn points (and a check of the instructor's copy).
  // Scores are computed after every run, so the reference runs share the pool with the submissions.
  const references = new Map<string, Reference>();
  const referenceJobs = exerciseIds.map((id) => async () => {
    const ref = await referenceRun(options, catalog.get(id)!);
    references.set(id, ref);
    done += 1;
    tick(`reference: ${id}`);
  });
  const results = new Map<Entry, { result: RunResult | null; error?: string; durationMs: number }>();
  const submissionJobs = gradable.map((entry) => async () => {
    const exercise = catalog.get(entry.exerciseId)!;
    const started = performance.now();
    try {
      const result = await options.runner.run({ exercise, files: entryFiles(entry), hiddenTestsDir: hiddenDirFor(options, exercise) });
      results.set(entry, { result, durationMs: performance.now() - started });
    } catch (err) {
      results.set(entry, { result: null, error: (err as Error).message, durationMs: performance.now() - started });
    }
    options.onEntryFiles?.(entry.source, () => entryFiles(entry));
    done += 1;
    tick(entry.studentId ? `${entry.studentId}/${entry.exerciseId}` : entry.source);
  });
  // The similarity report needs only the code (never a run's result): it is computed as soon as the last
  // run has started, while the last runs finish in their sandboxes, instead of after them on an idle machine.
  let similarity = undefined as ClassSimilarity | null | undefined;
  const compareCode = () => {
    const started = performance.now();
    similarity = options.similarity === false ? null : classSimilarity(entries, catalog, options.similarity ?? {});
    timings.similarity = Math.round(performance.now() - started);
  };
  await runPool([...referenceJobs, ...submissionJobs], options.concurrency ?? 1, (job) => job(), compareCode);
  if (similarity === undefined) compareCode();
  for (const id of exerciseIds) if (references.get(id)?.problem) problems.push(note('text', { text: references.get(id)!.problem! }));
  phase('runs');
  if (similarity) problems.push(...similarity.problems.map((text) => note('text', { text })));
  const gradebookEntries = entries.map((entry) => {
    const row = toGradebookEntry(entry, results.get(entry), references.get(entry.exerciseId), options.lang ?? 'en');
    // Only rows that ran were compared; the others carry no similarity at all.
    return similarity?.highest.has(entry) ? { ...row, similarity: similarity.highest.get(entry) ?? null } : row;
  });
  return {
    format: 'replayground-gradebook',
    version: 1,
    generated_at: new Date().toISOString(),
    lang: options.lang ?? 'en',
    input: path.basename(path.resolve(options.input)),
    exercises: exerciseIds.map((id) => {
      const ex = catalog.get(id)!;
      const tests = references.get(id)?.tests ?? [];
      return {
        id,
        title: ex.title,
        titles: ex.titles,
        content_hash: ex.contentHash,
        max_score: Math.round(tests.reduce((s, t) => s + t.max_points, 0) * 100) / 100,
        reference_ok: references.get(id)?.ok ?? false,
        tests,
      };
    }),
    problems: problems.map((p) => wordNote(p, options.lang ?? 'en')),
    problem_codes: problems,
    entries: assignFeedbackNames(gradebookEntries),
    ...(similarity ? { similarity: similarity.report } : {}),
  };
}

function hiddenDirFor(options: GradeOptions, exercise: CatalogExercise): string | undefined {
  if (!options.hiddenTestsDir) return undefined;
  const nested = path.join(options.hiddenTestsDir, exercise.id);
  return fs.existsSync(nested) ? nested : options.hiddenTestsDir;
}

async function referenceRun(options: GradeOptions, exercise: CatalogExercise): Promise<Reference> {
  const files = { ...exercise.solution };
  try {
    const result = await options.runner.run({ exercise, files, hiddenTestsDir: hiddenDirFor(options, exercise) });
    const failing = result.tests.filter((t) => t.status !== 'pass').map((t) => t.name);
    if (result.status === 'error' && result.tests.length === 0) {
      return { tests: null, ok: false, problem: `${exercise.id}: the reference solution could not run (${firstLine(result.message ?? '')})` };
    }
    return {
      tests: referenceTestsOf(result),
      ok: failing.length === 0,
      problem: failing.length ? `${exercise.id}: the reference solution fails ${failing.length} test(s): ${failing.slice(0, 5).join('; ')}` : undefined,
    };
  } catch (err) {
    return { tests: null, ok: false, problem: `${exercise.id}: the reference run failed (${(err as Error).message})` };
  }
}

/** A row's status from the runner's structured reasons only: no message text (which the student's code can write) decides it. */
export function runStatus(result: RunResult | null): RowStatus {
  if (!result) return 'runner_error';
  // A test stopped at its own time limit makes the whole row a timeout, even when the run finished.
  if (result.reason === 'timeout' || result.tests.some((t) => t.reason === 'timeout') || result.suites.some((s) => s.reason === 'timeout')) return 'timeout';
  if (result.status !== 'error') return 'graded';
  if (result.reason === 'build') return 'compile_error';
  if (result.tests.length > 0) return 'graded';
  return 'runner_error';
}

function toGradebookEntry(entry: Entry, run: { result: RunResult | null; error?: string; durationMs: number } | undefined, ref: Reference | undefined, lang: GradingLang): GradebookEntry {
  const base: GradebookEntry = {
    student_id: entry.studentId,
    student_name: entry.studentName,
    exercise_id: entry.exerciseId,
    score: null,
    max_score: null,
    passed: null,
    failed: null,
    errored: null,
    status: entry.status === 'gradable' ? (entry.flag ?? 'graded') : entry.status,
    duration_ms: null,
    submitted_at: entry.submittedAt,
    checksum_ok: entry.checksumOk,
    notes: wordNotes(entry.notes, lang),
    note_codes: entry.notes,
    source: entry.source,
    kind: entry.kind,
    feedback: null,
    run_message: null,
    visible: null,
    hidden: null,
    tests: [],
  };
  if (entry.status !== 'gradable' || !run) return base;
  const notes: Note[] = [...entry.notes];
  const status = runStatus(run.result);
  const result: RunResult = run.result ?? emptyResult(entry.exerciseId, run.error ?? 'runner failed');
  const reference = ref?.tests ?? referenceTestsOf(result);
  const scored = scoreRun(reference, result);
  if (scored.ignored > 0) notes.push(note('ignored_results', { count: scored.ignored }));
  if (status === 'compile_error') notes.push(note('compile_error', { detail: firstLine(result.message ?? '') }));
  if (status === 'timeout') notes.push(note('timeout', { detail: firstLine(result.message ?? '') }));
  if (status === 'runner_error') notes.push(note('runner_error', { detail: firstLine(run.error ?? result.message ?? '') }));
  return {
    ...base,
    // A flagged row is scored for the instructor to see, under its flag: it does not count.
    status: entry.flag ?? (entry.hashMismatch ? 'hash_mismatch' : status),
    score: scored.score,
    max_score: scored.maxScore,
    passed: scored.passed,
    failed: scored.failed,
    errored: scored.errored,
    duration_ms: Math.round(run.durationMs),
    notes: wordNotes(notes, lang),
    note_codes: notes,
    run_message: result.message ?? null,
    ...(result.message_phrase ? { run_message_phrase: result.message_phrase } : {}),
    visible: scored.visible,
    hidden: scored.hidden,
    tests: scored.tests,
  };
}

function emptyResult(exerciseId: string, message: string): RunResult {
  return { version: 3, status: 'error', message, tests: [], exercise_id: exerciseId, suites: [], points: 0, max_points: 0, duration_ms: 0 };
}

/** feedback/<name>: one file per student id, a safe and unique name. */
function assignFeedbackNames(entries: GradebookEntry[]): GradebookEntry[] {
  const byStudent = new Map<string, string>();
  const taken = new Set<string>();
  for (const e of entries) {
    if (!e.student_id || !GRADED_STATUSES.has(e.status)) continue;
    if (!byStudent.has(e.student_id)) {
      const base = e.student_id.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '').slice(0, 60) || 'student';
      let name = base;
      for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
      taken.add(name.toLowerCase());
      byStudent.set(e.student_id, name);
    }
  }
  return entries.map((e) => ({ ...e, feedback: byStudent.get(e.student_id) ?? null }));
}

/** Runs `work` on every item, `concurrency` at a time; the first worker left without an item calls `whenDrained` (once). */
async function runPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>, whenDrained?: () => void): Promise<void> {
  let next = 0;
  let drained = false;
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
    if (!drained) {
      drained = true;
      whenDrained?.();
    }
  });
  await Promise.all(workers);
}
