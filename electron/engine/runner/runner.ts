// The runner: bundles each selected suite with the student's files, runs them in a sandbox process,
// and turns the harness's reports into a results.json (v3, extended). Long-lived: keeps esbuild
// contexts and warm sandbox processes between runs. Nothing the sandbox says is trusted beyond its
// schema: points, suites and visibility come from the manifest, here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SuiteBundler, type BundleOutcome } from './bundle';
import { loadRunnerExercise, type RunnerExercise } from './exercise';
import { harnessFile } from './harnessFile';
import type { ChildSuiteMessage, ChildTestMessage } from './protocol';
import {
  OUTPUT_CAP_BYTES,
  RESULT_CAP_BYTES,
  RunResult,
  TEST_OUTPUT_CAP_CHARS,
  type SourceLocation,
  type SuiteSummary,
  type TestResult,
} from './results';
import { SandboxPool, type RawRun } from './sandboxPool';
import { SourceMap } from './sourcemap';
import { extractTestCode } from './testCode';

export interface RunnerOptions {
  /** Folder holding exercises/<id>/ packages. */
  exercisesDir: string;
  /** electron/engine (target of '@engine/' imports); defaults to this module's parent folder. */
  engineDir?: string;
  /** Node binary for sandbox processes (default: this process's). */
  nodePath?: string;
  /** A prebuilt harness file (packaged app); built from source on first use otherwise. */
  harnessFile?: string;
  /** Warm sandbox processes kept per memory limit (default 1). */
  warm?: number;
  maxRunsPerProcess?: number;
  /** Sandbox processes running at once (default: the number of CPUs). */
  maxConcurrent?: number;
}

export interface RunRequest {
  exerciseId: string;
  /** The student's editable files: name (as in the manifest's `editable`) → source. */
  files: Record<string, string>;
  /** 'visible' (default) runs the visible suites; 'all' adds the hidden ones (grading). */
  suites?: 'visible' | 'all';
}

export interface Runner {
  run(request: RunRequest): Promise<RunResult>;
  /** Starts a sandbox process and prepares an exercise's bundles ahead of the first run. */
  warmUp(exerciseId?: string): Promise<void>;
  /** Forgets cached manifests and bundler contexts (after content changes). */
  invalidate(exerciseId?: string): Promise<void>;
  close(): Promise<void>;
}

/** The request itself is wrong (unknown exercise or file): the caller's mistake, not a test result. */
export class RunnerInputError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message);
    this.name = 'RunnerInputError';
  }
}

const MAX_FILE_CHARS = 512 * 1024;
const DEFAULT_ENGINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Loaded {
  exercise: RunnerExercise;
  bundlers: Map<string, SuiteBundler>;
}

function describeOutcome(raw: RawRun, limits: { wallMs: number; memoryMb: number }): string {
  switch (raw.outcome) {
    case 'timeout':
      return `the tests were stopped after ${limits.wallMs} ms: they took too long (an infinite loop?)`;
    case 'oom':
      return `the tests ran out of memory (limit ${limits.memoryMb} MB): is something growing without end?`;
    case 'memory':
      return `the tests used too much memory (limit ${limits.memoryMb} MB) and were stopped`;
    case 'output':
      return 'the tests printed too much output and were stopped (limit 1 MB)';
    case 'crashed':
      return 'the test process stopped unexpectedly';
    case 'done':
      return '';
  }
}

function errorResult(exerciseId: string, message: string, started: number, location?: SourceLocation): RunResult {
  return RunResult.parse({
    version: 3,
    status: 'error',
    message,
    location,
    tests: [],
    exercise_id: exerciseId,
    suites: [],
    points: 0,
    max_points: 0,
    duration_ms: Math.round(performance.now() - started),
  });
}

function truncate(s: string | null, max: number): string | null {
  if (s === null || s.length <= max) return s;
  return s.slice(0, max) + '\n… (truncated)';
}

/** Keeps the serialized result under the cap: shortens outputs, then messages, then gives up. */
function capResult(result: RunResult): RunResult {
  const size = () => Buffer.byteLength(JSON.stringify(result));
  if (size() <= RESULT_CAP_BYTES) return result;
  for (const limit of [2000, 300]) {
    for (const t of result.tests) {
      t.output = truncate(t.output, limit);
      t.message = truncate(t.message, limit * 2);
      for (const k of ['given', 'command', 'expected_events', 'actual_events'] as const) {
        if (t[k] !== undefined && JSON.stringify(t[k]).length > limit * 4) t[k] = '(too large to show)';
      }
    }
    if (size() <= RESULT_CAP_BYTES) return result;
  }
  for (const t of result.tests) t.test_code = truncate(t.test_code, 500) ?? '';
  if (size() <= RESULT_CAP_BYTES) return result;
  result.status = 'error';
  result.message = 'the results were too large to report';
  result.tests = [];
  return result;
}

export function createRunner(options: RunnerOptions): Runner {
  const engineDir = options.engineDir ?? DEFAULT_ENGINE_DIR;
  const loaded = new Map<string, Loaded>();
  let pool: Promise<SandboxPool> | undefined;
  let closed = false;

  const getPool = (): Promise<SandboxPool> => {
    pool ??= harnessFile(options.harnessFile).then(
      (file) => new SandboxPool({
        harnessFile: file,
        nodePath: options.nodePath,
        warm: options.warm ?? 1,
        maxRunsPerProcess: options.maxRunsPerProcess,
        maxConcurrent: options.maxConcurrent,
      }),
    );
    return pool;
  };

  const load = (id: string): Loaded => {
    let l = loaded.get(id);
    if (!l) {
      let exercise: RunnerExercise;
      try {
        exercise = loadRunnerExercise(options.exercisesDir, id);
      } catch (err) {
        if ((err as { code?: unknown }).code === 'NOT_FOUND') throw new RunnerInputError('NOT_FOUND', (err as Error).message);
        throw err;
      }
      l = { exercise, bundlers: new Map() };
      loaded.set(id, l);
    }
    return l;
  };

  /** One bundler per set of test files (the visible ones, or all). */
  const bundlerFor = (l: Loaded, testFiles: string[]): SuiteBundler => {
    const key = testFiles.join('\n');
    let b = l.bundlers.get(key);
    if (!b) {
      b = new SuiteBundler({ exerciseDir: l.exercise.dir, contentRoot: path.dirname(l.exercise.dir), engineDir, testFiles });
      l.bundlers.set(key, b);
    }
    return b;
  };

  async function run(request: RunRequest): Promise<RunResult> {
    if (closed) throw new Error('the runner is closed');
    const started = performance.now();
    const l = load(request.exerciseId);
    const { manifest } = l.exercise;
    for (const name of Object.keys(request.files)) {
      if (!manifest.editable.includes(name)) {
        throw new RunnerInputError('INVALID_INPUT', `'${name}' is not an editable file of ${manifest.id} (editable: ${manifest.editable.join(', ')})`);
      }
      if (request.files[name]!.length > MAX_FILE_CHARS) throw new RunnerInputError('INVALID_INPUT', `'${name}' is larger than ${MAX_FILE_CHARS} characters`);
    }
    const missing = manifest.editable.filter((n) => typeof request.files[n] !== 'string');
    if (missing.length) return errorResult(manifest.id, `missing file: ${missing.join(', ')}`, started);

    const workspace = new Map(l.exercise.readonly);
    for (const [name, src] of Object.entries(request.files)) workspace.set(name, src);

    const suites = manifest.suites.filter((s) => request.suites === 'all' || s.visibility === 'visible');
    const present = suites.filter((s) => fs.existsSync(path.join(l.exercise.dir, s.file)));
    if (present.length === 0) return errorResult(manifest.id, 'this exercise has no test suites to run', started);

    // 1. Bundle every suite (one esbuild build, one script per suite) while a sandbox process boots.
    const limits = { wallMs: manifest.limits.timeoutMs + 1000, memoryMb: manifest.limits.memoryMb };
    const bundling = bundlerFor(l, present.map((s) => s.file)).bundle(workspace);
    const sandboxes = await getPool();
    await harnessFile(options.harnessFile); // writes it again if a temp cleaner removed it
    sandboxes.prewarm(limits.memoryMb, 1);
    const bundled: BundleOutcome = await bundling;
    if (!bundled.ok) return errorResult(manifest.id, bundled.message, started, bundled.location);
    const ok = bundled.suites;

    // 2. Run them in one sandbox process.
    const raw = await sandboxes.run(
      {
        // A quarter of the budget per test: a few runaway tests are each reported before the wall clock ends the run.
        testTimeoutMs: Math.max(250, Math.floor(manifest.limits.timeoutMs / 4)),
        testOutputCap: TEST_OUTPUT_CAP_CHARS,
        outputCap: OUTPUT_CAP_BYTES,
        suites: ok.map((b, index) => ({ index, code: b.code })),
      },
      limits,
    );

    // 3. Results.
    const tests: TestResult[] = [];
    const summaries: SuiteSummary[] = [];
    const maps = new Map<number, SourceMap>();
    const mapOf = (i: number) => {
      let m = maps.get(i);
      if (!m) maps.set(i, (m = new SourceMap(ok[i]!.map)));
      return m;
    };
    const exerciseDir = l.exercise.dir;
    const fileOf = (source: string): string => (source.startsWith('workspace:') ? source.slice('workspace:'.length) : path.relative(exerciseDir, path.resolve(exerciseDir, source)));
    const workspaceLocation = (i: number, frames: Array<{ line: number; column: number }>): SourceLocation | null => {
      for (const f of frames) {
        const pos = mapOf(i).lookup(f.line, f.column);
        if (pos && pos.source.startsWith('workspace:')) return { file: fileOf(pos.source), line: pos.line, column: pos.column + 1 };
      }
      return null;
    };
    const workspaceFrame = (i: number, frames: Array<{ line: number; column: number }>): string | null => {
      const loc = workspaceLocation(i, frames);
      return loc ? `${loc.file}:${loc.line}:${loc.column}` : null;
    };

    for (let i = 0; i < present.length; i++) {
      const suite = present[i]!;
      const hidden = suite.visibility === 'hidden';
      const testMsgs = raw.messages.filter((m): m is ChildTestMessage => m.t === 'test' && m.suite === i);
      const suiteMsg = raw.messages.find((m): m is ChildSuiteMessage => m.t === 'suite' && m.suite === i);
      let testSource: string | undefined;
      const sourceOfTests = () => (testSource ??= fs.readFileSync(path.join(exerciseDir, suite.file), 'utf8'));
      const seen = new Set<string>();
      const suiteTests: TestResult[] = [];
      for (const m of testMsgs) {
        let line: number | undefined;
        let testCode = '';
        for (const f of m.frames) {
          const pos = mapOf(i).lookup(f.line, f.column);
          if (pos && fileOf(pos.source) === path.normalize(suite.file)) {
            line = pos.line;
            if (!hidden) testCode = extractTestCode(sourceOfTests(), pos.line, pos.column);
            break;
          }
        }
        let name = m.name;
        for (let n = 2; seen.has(name); n++) name = `${m.name} (${n})`;
        seen.add(name);
        let message = m.message;
        const errorLocation = m.status === 'fail' ? workspaceLocation(i, m.errorFrames) : null;
        if (message !== null && errorLocation && m.details === undefined) {
          message = `${message}\n    at ${errorLocation.file}:${errorLocation.line}:${errorLocation.column}`;
        }
        const details = (m.details ?? {}) as Record<string, unknown>;
        const code = (v: unknown) => (typeof v === 'string' ? v : v === null ? null : undefined);
        const result: TestResult = {
          name,
          test_code: testCode,
          status: m.status,
          message: m.status === 'pass' ? null : message,
          output: hidden ? null : m.output,
          duration_ms: m.duration_ms,
          points: m.status === 'pass' ? suite.pointsPerTest : 0,
          max_points: suite.pointsPerTest,
          suite: suite.id,
          visibility: suite.visibility,
          file: suite.file,
          line,
          ...(errorLocation && !hidden ? { error_location: errorLocation } : {}),
        };
        if (m.status !== 'pass' && m.details !== undefined && typeof m.details === 'object') {
          for (const k of ['given', 'command', 'expected_events', 'actual_events'] as const) if (k in details) result[k] = details[k];
          if ('expected_error_code' in details) result.expected_error_code = code(details.expected_error_code);
          if ('actual_error_code' in details) result.actual_error_code = code(details.actual_error_code);
        }
        suiteTests.push(result);
      }
      let status: SuiteSummary['status'];
      let message: string | null = null;
      if (!suiteMsg) {
        status = 'error';
        message = raw.outcome === 'done' ? 'the suite did not report' : describeOutcome(raw, limits);
      } else if (suiteMsg.status === 'error') {
        status = 'error';
        const where = workspaceFrame(i, suiteMsg.errorFrames);
        message = (suiteMsg.message ?? 'the suite could not run') + (where ? `\n    at ${where}` : '');
      } else if (suiteTests.length === 0) {
        status = 'error';
        message = 'the suite has no tests';
      } else {
        status = suiteTests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
      }
      tests.push(...suiteTests);
      summaries.push({
        id: suite.id,
        file: suite.file,
        visibility: suite.visibility,
        status,
        message,
        output: hidden ? null : (suiteMsg?.output ?? null),
        tests: suiteTests.length,
        passed: suiteTests.filter((t) => t.status === 'pass').length,
        points: suiteTests.reduce((a, t) => a + t.points, 0),
        max_points: suiteTests.reduce((a, t) => a + t.max_points, 0),
        duration_ms: Math.round(suiteTests.reduce((a, t) => a + t.duration_ms, 0) * 1000) / 1000,
      });
    }

    const errored = summaries.find((s) => s.status === 'error');
    const result: RunResult = {
      version: 3,
      status: errored ? 'error' : tests.every((t) => t.status === 'pass') ? 'pass' : 'fail',
      message: errored ? `${errored.id}: ${errored.message}` : null,
      tests,
      exercise_id: manifest.id,
      suites: summaries,
      points: tests.reduce((a, t) => a + t.points, 0),
      max_points: tests.reduce((a, t) => a + t.max_points, 0),
      duration_ms: Math.round(performance.now() - started),
    };
    return RunResult.parse(capResult(result));
  }

  return {
    run,
    async warmUp(exerciseId) {
      const p = await getPool();
      if (!exerciseId) {
        p.prewarm(128);
        return;
      }
      const l = load(exerciseId);
      p.prewarm(l.exercise.manifest.limits.memoryMb);
      const workspace = new Map(l.exercise.readonly);
      const starter = path.join(l.exercise.dir, 'starter');
      for (const name of l.exercise.manifest.editable) {
        const file = path.join(starter, name);
        workspace.set(name, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
      }
      const visible = l.exercise.manifest.suites.filter((s) => s.visibility === 'visible' && fs.existsSync(path.join(l.exercise.dir, s.file)));
      if (visible.length) await bundlerFor(l, visible.map((s) => s.file)).bundle(workspace);
    },
    async invalidate(exerciseId) {
      for (const [id, l] of loaded) {
        if (exerciseId && id !== exerciseId) continue;
        loaded.delete(id);
        await Promise.all([...l.bundlers.values()].map((b) => b.close()));
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const l of loaded.values()) await Promise.all([...l.bundlers.values()].map((b) => b.close()));
      loaded.clear();
      if (pool) await (await pool).close();
    },
  };
}
