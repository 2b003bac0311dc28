// The runner: bundles suites with the student's files, runs them in a sandbox process, and turns the
// harness's reports into a results.json (v3, extended). Two value-level doors, neither of which reads
// an exercise folder: `runSuites` (workspace files, test files, suites, limits → result) and `call`
// (run one export of the student's module with an input → a zod-checked value or a coded error).
// `run` is the exercise-id convenience over `runSuites` (the exercise read by the content loader).
// Long-lived: keeps esbuild contexts (keyed by the content they bundle) and warm sandbox processes
// between runs. Nothing the sandbox says is trusted beyond its schema: points, suites and visibility
// come from the caller's manifest, here.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { z } from 'zod';
import { SuiteBundler, type BundleEntry } from './bundle';
import { BundleCache, type CacheLookup } from './bundleCache';
import { RunBundler } from './runBundle';
import { loadRunnerExercise, readEditableFiles, type RunnerExercise } from './exercise';
import { harnessFile, runnerPrivateDir } from './harnessFile';
import { assembleResult, errorResult } from './assemble';
import { phrase } from '../common/phrase';
import { OUTPUT_CAP_BYTES, TEST_OUTPUT_CAP_CHARS, type RunResult, type SourceLocation } from '../common/runResult';
import { CodedError } from '../common/codedError';
import type { ExerciseLimits, ExerciseSuite } from '../content/exerciseManifest';
import { networkIsolation, SandboxPool, type RawRun } from './sandboxPool';
import type { ChildCallMessage } from './protocol';
import { SourceMap } from './sourcemap';

export interface RunnerOptions {
  /** Folder holding exercises/<id>/ packages (for `run` and `warmUp` by id; the value APIs need none). */
  exercisesDir?: string;
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
  /** Run sandboxes in their own network namespace where the OS allows it (Linux); default true. */
  isolateNetwork?: boolean;
  /** Sandbox processes that each serve one run (grading) start tuned for it (see PoolOptions.compilerTier). */
  compilerTier?: 'full' | 'baseline';
  /**
   * A disk cache of built test bundles for `run` with the visible suites and `warmUp` (a student's own
   * runs; never `runSuites`, so never grading): `dir` may be a folder the student can write (their data
   * folder); entries are tagged with a key kept in `keyFile` (default: the runner's private folder).
   * See bundleCache.ts.
   */
  bundleCache?: { dir: string; keyFile?: string };
}

export interface RunRequest {
  exerciseId: string;
  /** The student's editable files: name (as in the manifest's `editable`) → source. */
  files: Record<string, string>;
  /** 'visible' (default) runs the visible suites; 'all' adds the hidden ones (grading). */
  suites?: 'visible' | 'all';
  /**
   * Whose code this is (one student, e.g. the app's profile): a sandbox process that ran it may be
   * reused only for the same owner's next run, after a clean, proven reset. Without an owner (grading)
   * every run gets a process no other code ran in.
   */
  owner?: string;
}

type Files = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/** The value-level run: everything the run needs, as values (nothing is read from disk). */
export interface SuitesRequest {
  /** Names the run in its result (`exercise_id`). */
  id: string;
  /** Read-only workspace files: name → source (their exports are frozen before student code runs). */
  readonly: Files;
  /** The student's files: name → source. */
  files: Readonly<Record<string, string>>;
  /** Every file the student must hand in (a missing one is an `input` error result). */
  editable: readonly string[];
  /** Test and support files: path relative to the exercise ('tests/visible/a.test.ts') → source. */
  tests: Files;
  /** The suites to run, in order (their files must be in `tests`). */
  suites: readonly ExerciseSuite[];
  limits: ExerciseLimits;
  /** Modules workspace files may import besides each other (the manifest's `allowedImports`). */
  allowedImports?: readonly string[];
  owner?: string;
}

/** The call API: run one export of the student's module with an input. */
export interface CallRequest<T> {
  /** Read-only workspace files (a driver module that calls the student's class may be one). */
  readonly?: Readonly<Record<string, string>>;
  /** The student's files: name → source. */
  files: Readonly<Record<string, string>>;
  /** The workspace module to import ('OrderAggregate.ts'). */
  module: string;
  /** The export to call with `input`; it may return a promise. */
  export: string;
  /** JSON-able; rebuilt inside the sandbox's realm. */
  input: unknown;
  /** The answer's schema: anything else is a BAD_OUTPUT error. */
  output: z.ZodType<T>;
  /** Default: 3 s, 128 MB. */
  limits?: Partial<ExerciseLimits>;
  allowedImports?: readonly string[];
  owner?: string;
}

export type CallErrorCode =
  | 'BUILD'
  | 'LOAD'
  | 'NOT_A_FUNCTION'
  | 'THREW'
  | 'TIMEOUT'
  | 'MEMORY'
  | 'OUTPUT'
  | 'CRASHED'
  | 'NOT_JSON'
  | 'TOO_LARGE'
  | 'BAD_OUTPUT';

export interface CallError {
  code: CallErrorCode;
  /** For people (may hold what the student's code threw). */
  message: string;
  /** Where in a workspace file (a build error, or the frame of a thrown error). */
  location?: SourceLocation;
  /** The `code` of an error the call threw (domain errors carry one), if it is a string. */
  thrownCode?: string;
}

export type CallResult<T> =
  | { ok: true; value: T; output: string | null; durationMs: number }
  | { ok: false; error: CallError; output: string | null; durationMs: number };

/** Where the runner's time went and how runs got their sandbox process (for `npm run bench -- runner`). */
export interface RunnerStats {
  runs: number;
  processes: { reused: number; fresh: number; started: number; resetRefused: number };
  /** Totals over all runs, ms: bundling, waiting for a slot and a ready process, the sandbox run, assembling the result. */
  phasesMs: { bundle: number; wait: number; sandbox: number; assemble: number };
  /** The test-bundle cache's lookups by outcome, and the bundles it stored (all 0 without a cache). */
  bundleCache: Record<CacheLookup['kind'] | 'write', number>;
  /** Suite contexts the sandbox processes had made ahead, and those made on a run's path (as the processes say). */
  contexts: { ahead: number; made: number };
  /** CPU time the sandbox processes spent on the runs' jobs themselves, ms in all (as they say; their CPU between jobs is not in it). */
  sandboxJobCpuMs: number;
}

export interface Runner {
  run(request: RunRequest): Promise<RunResult>;
  runSuites(request: SuitesRequest): Promise<RunResult>;
  call<T>(request: CallRequest<T>): Promise<CallResult<T>>;
  stats(): RunnerStats;
  /** Starts a sandbox process and prepares an exercise's bundles ahead of the first run. */
  warmUp(exerciseId?: string): Promise<void>;
  /** Forgets cached manifests and bundler contexts (after content changes). */
  invalidate(exerciseId?: string): Promise<void>;
  close(): Promise<void>;
}

/** The request itself is wrong (unknown exercise or file): the caller's mistake, not a test result. */
export class RunnerInputError extends CodedError {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message);
  }
}

const MAX_FILE_CHARS = 512 * 1024;
const CALL_RESULT_CAP = 1_000_000;
const CALL_OUTPUT_CAP = 8_000;
const MAX_BUNDLERS = 16;
const DEFAULT_ENGINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The code that shapes a test bundle: its source files, or the one bundled file they were built into (a packaged app). */
let identity: string | undefined;
function bundlerIdentity(): string {
  if (identity === undefined) {
    const self = fileURLToPath(import.meta.url);
    const sources = ['bundle.ts', 'runBundle.ts', path.join('sandbox', 'hooks.ts')].map((f) => path.join(path.dirname(self), f));
    const h = createHash('sha256').update(esbuild.version);
    for (const file of sources.every((f) => fs.existsSync(f)) ? sources : [self]) h.update('\0').update(fs.readFileSync(file));
    identity = h.digest('hex');
  }
  return identity;
}

const asMap = (files: Files): ReadonlyMap<string, string> => (files instanceof Map ? files : new Map(Object.entries(files)));

/** A quarter of the run's budget per test: a few runaway tests are each reported before the wall clock ends the run. */
export function perTestTimeoutMs(runTimeoutMs: number): number {
  return Math.max(250, Math.floor(runTimeoutMs / 4));
}

export function createRunner(options: RunnerOptions = {}): Runner {
  const engineDir = options.engineDir ?? DEFAULT_ENGINE_DIR;
  const loaded = new Map<string, RunnerExercise>();
  /** Bundlers by the content they bundle (entries, test files, read-only names, allowed imports), oldest first. */
  const bundlers = new Map<string, SuiteBundler | RunBundler>();
  /** A test map's content key, computed once per map object (an exercise's map is reused run after run). */
  const testKeys = new WeakMap<object, string>();
  let pool: Promise<SandboxPool> | undefined;
  let closed = false;
  const phases = { bundle: 0, wait: 0, sandbox: 0, assemble: 0 };
  const contexts = { ahead: 0, made: 0 };
  let sandboxJobCpuMs = 0;
  let runs = 0;
  let poolStats = { reused: 0, fresh: 0, started: 0, resetRefused: 0 };
  const cacheStats: RunnerStats['bundleCache'] = { hit: 0, miss: 0, stale: 0, rejected: 0, write: 0 };
  let diskCache: BundleCache | null | undefined;
  /** The disk cache of test bundles, opened on first use (null: not configured, or its key cannot be had safely). */
  const bundleCache = (): BundleCache | null => {
    if (diskCache === undefined) {
      const c = options.bundleCache;
      diskCache = c ? BundleCache.open(c.dir, c.keyFile ?? path.join(runnerPrivateDir(), 'test-bundle-cache.key')) : null;
    }
    return diskCache;
  };

  const getPool = (): Promise<SandboxPool> => {
    pool ??= Promise.all([harnessFile(options.harnessFile), options.isolateNetwork === false ? null : networkIsolation()]).then(
      ([file, spawnPrefix]) =>
        new SandboxPool({
          harnessFile: file,
          nodePath: options.nodePath,
          warm: options.warm ?? 1,
          maxRunsPerProcess: options.maxRunsPerProcess,
          maxConcurrent: options.maxConcurrent,
          spawnPrefix,
          compilerTier: options.compilerTier,
        }),
    );
    return pool;
  };

  const load = (id: string): RunnerExercise => {
    let exercise = loaded.get(id);
    if (!exercise) {
      if (!options.exercisesDir) throw new RunnerInputError('NOT_FOUND', `no exercise '${id}': this runner has no exercises folder`);
      try {
        exercise = loadRunnerExercise(options.exercisesDir, id);
      } catch (err) {
        if ((err as { code?: unknown }).code === 'NOT_FOUND') throw new RunnerInputError('NOT_FOUND', (err as Error).message);
        throw err;
      }
      loaded.set(id, exercise);
    }
    return exercise;
  };

  /** A file map's content key (test files, read-only files), computed once per map object. */
  const testsKey = (tests: ReadonlyMap<string, string>): string => {
    let key = testKeys.get(tests);
    if (!key) {
      const h = createHash('sha256');
      for (const [file, source] of [...tests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${file}\0${source}\0`);
      key = h.digest('hex');
      testKeys.set(tests, key);
    }
    return key;
  };

  /** One bundler per content: the same exercise (or the same call shape) reuses its esbuild contexts. */
  const cached = <B extends SuiteBundler | RunBundler>(key: string, make: () => B): B => {
    let b = bundlers.get(key) as B | undefined;
    if (b) {
      bundlers.delete(key); // most recently used last
    } else {
      b = make();
      while (bundlers.size >= MAX_BUNDLERS) {
        const [oldest, old] = bundlers.entries().next().value as [string, SuiteBundler | RunBundler];
        bundlers.delete(oldest);
        void old.close();
      }
    }
    bundlers.set(key, b);
    return b;
  };
  /** The call API's bundler: everything in one build. */
  const bundlerFor = (entries: BundleEntry[], readonlyFiles: readonly string[], allowedImports: readonly string[]): SuiteBundler =>
    cached(JSON.stringify(['call', entries, [...readonlyFiles].sort(), [...allowedImports].sort()]), () =>
      new SuiteBundler({ engineDir, tests: new Map(), entries, readonlyFiles, allowedImports }),
    );
  /**
   * A test run's bundler: the tests built once, the student's files per run. With `disk` (a student's own
   * visible runs) its test bundle may come from the disk cache; such a bundler is never shared with a run
   * without it (grading).
   */
  const runBundlerFor = (suites: string[], tests: ReadonlyMap<string, string>, readonlyFiles: string[], editable: readonly string[], allowedImports: readonly string[], disk: BundleCache | null): RunBundler =>
    cached(JSON.stringify(['suites', suites, testsKey(tests), [...readonlyFiles].sort(), [...editable], [...allowedImports].sort(), disk !== null]), () =>
      new RunBundler({
        engineDir,
        tests,
        suites,
        readonlyFiles,
        editable,
        allowedImports,
        ...(disk ? { cache: disk, onCache: (event) => void cacheStats[event]++ } : {}),
      }),
    );
  /** The cache entry's key: everything the test bundle depends on but the disk files it read (the entry lists those). */
  const diskKey = (suites: string[], tests: ReadonlyMap<string, string>, readonly: ReadonlyMap<string, string>, editable: readonly string[], allowedImports: readonly string[]): string =>
    createHash('sha256')
      .update(JSON.stringify([bundlerIdentity(), engineDir, suites, testsKey(tests), testsKey(readonly), [...editable], [...allowedImports].sort()]))
      .digest('hex');

  const checkFiles = (files: Readonly<Record<string, string>>) => {
    for (const [name, source] of Object.entries(files)) {
      if (typeof source !== 'string') throw new RunnerInputError('INVALID_INPUT', `'${name}' is not text`);
      if (source.length > MAX_FILE_CHARS) throw new RunnerInputError('INVALID_INPUT', `'${name}' is larger than ${MAX_FILE_CHARS} characters`);
    }
  };

  /** Bundles while a sandbox process boots, then runs the job in it. */
  async function bundleAndRun<O extends { ok: boolean }>(
    bundling: Promise<O>,
    limits: { wallMs: number; memoryMb: number },
    owner: string | undefined,
    started: number,
    job: (bundled: Extract<O, { ok: true }>) => Parameters<SandboxPool['run']>[0],
    afterRun?: (bundled: Extract<O, { ok: true }>, sandboxes: SandboxPool) => void,
  ): Promise<{ bundled: O; raw?: RawRun; ranAt: number }> {
    const sandboxes = await getPool();
    poolStats = sandboxes.stats();
    await harnessFile(options.harnessFile); // writes it again if a temp cleaner removed it
    sandboxes.prewarm(limits.memoryMb, 1);
    const bundled = await bundling;
    const bundledAt = performance.now();
    phases.bundle += bundledAt - started;
    if (!bundled.ok) return { bundled, ranAt: bundledAt };
    const raw = await sandboxes.run(job(bundled as Extract<O, { ok: true }>), limits, owner);
    poolStats = sandboxes.stats();
    const ranAt = performance.now();
    afterRun?.(bundled as Extract<O, { ok: true }>, sandboxes);
    runs++;
    phases.wait += raw.waitMs ?? 0;
    phases.sandbox += ranAt - bundledAt - (raw.waitMs ?? 0);
    contexts.ahead += raw.contexts?.ahead ?? 0;
    contexts.made += raw.contexts?.made ?? 0;
    sandboxJobCpuMs += raw.jobCpuMs ?? 0;
    return { bundled, raw, ranAt };
  }

  /** The value-level run; `disk`: the test bundle may come from (and goes to) the disk cache. */
  async function runSuitesWith(request: SuitesRequest, disk: BundleCache | null): Promise<RunResult> {
    if (closed) throw new Error('the runner is closed');
    const started = performance.now();
    checkFiles(request.files);
    // Only the editable files come from the student: a read-only file of the same name is never replaced.
    for (const name of Object.keys(request.files)) {
      if (!request.editable.includes(name)) {
        throw new RunnerInputError('INVALID_INPUT', `'${name}' is not an editable file of ${request.id} (editable: ${request.editable.join(', ')})`);
      }
    }
    const absent = request.editable.filter((n) => typeof request.files[n] !== 'string');
    if (absent.length) return errorResult(request.id, phrase('missingFiles', { files: absent.join(', ') }), started, 'input');
    const tests = asMap(request.tests);
    const readonly = asMap(request.readonly);
    // A suite that is not there (the student build has no hidden tests) must not be skipped silently.
    const missing = request.suites.filter((s) => !tests.has(s.file));
    if (missing.length) {
      const hiddenOnly = missing.every((s) => s.visibility === 'hidden');
      return errorResult(
        request.id,
        phrase(hiddenOnly ? 'hiddenUnavailable' : 'missingSuites', { files: missing.map((s) => s.file).join(', ') }),
        started,
        'unavailable',
      );
    }

    // 1. Bundle: the tests once per content, the student's files per run; 2. run every suite in one sandbox process.
    const limits = { wallMs: request.limits.timeoutMs + 1000, memoryMb: request.limits.memoryMb };
    const suiteFiles = request.suites.map((s) => s.file);
    const visibleOnly = request.suites.every((s) => s.visibility === 'visible');
    // Never a bundle with hidden tests on disk: the cache folder is the student's.
    const cache = visibleOnly ? disk : null;
    // A process for this run starts booting now, while the run is bundled (a cold start's longest part).
    void getPool().then((sandboxes) => sandboxes.prewarm(limits.memoryMb, 1), () => undefined);
    const bundler = runBundlerFor(suiteFiles, tests, [...readonly.keys()], request.editable, request.allowedImports ?? [], cache);
    const cacheKey = cache ? () => diskKey(suiteFiles, tests, readonly, request.editable, request.allowedImports ?? []) : undefined;
    const { bundled, raw, ranAt } = await bundleAndRun(bundler.bundle(readonly, request.files, { cacheKey }), limits, request.owner, started, (ok) => ({
      testTimeoutMs: perTestTimeoutMs(request.limits.timeoutMs),
      testOutputCap: TEST_OUTPUT_CAP_CHARS,
      outputCap: OUTPUT_CAP_BYTES,
      // The suites share the test bundle: compiled once in the sandbox (and kept there), run in one context per suite.
      bundle: ok.bundle,
      modules: ok.modules,
      suites: request.suites.map((_, index) => ({ index })),
    }), (ok, sandboxes) => {
      // The next fresh process compiles this bundle while it waits (never one with hidden tests).
      if (visibleOnly) sandboxes.preload(limits.memoryMb, ok.bundle);
    });
    if (!bundled.ok) {
      // The compiler's own text stays as it is, inside a frame in the reader's language.
      return errorResult(request.id, { message: bundled.message, message_phrase: bundled.phrase ?? phrase('buildFailed', { detail: bundled.message }) }, started, 'build', bundled.location);
    }

    // 3. Results.
    const bundles = request.suites.map(() => ({ map: bundled.map }));
    const result = assembleResult({ exerciseId: request.id, tests, present: [...request.suites], bundles, raw: raw!, limits, started });
    phases.assemble += performance.now() - ranAt;
    return result;
  }

  /** The value door (grading, the playground): always built here, never from the disk cache. */
  const runSuites = (request: SuitesRequest): Promise<RunResult> => runSuitesWith(request, null);

  async function run(request: RunRequest): Promise<RunResult> {
    if (closed) throw new Error('the runner is closed');
    const exercise = load(request.exerciseId);
    const { manifest } = exercise;
    return runSuitesWith({
      id: manifest.id,
      readonly: exercise.readonly,
      files: request.files,
      editable: manifest.editable,
      tests: exercise.tests,
      suites: manifest.suites.filter((s) => request.suites === 'all' || s.visibility === 'visible'),
      limits: manifest.limits,
      allowedImports: manifest.allowedImports,
      owner: request.owner,
    }, request.suites === 'all' ? null : bundleCache());
  }

  async function call<T>(request: CallRequest<T>): Promise<CallResult<T>> {
    if (closed) throw new Error('the runner is closed');
    const started = performance.now();
    const done = (r: { ok: true; value: T } | { ok: false; error: CallError }, output: string | null = null): CallResult<T> => ({
      ...r,
      output,
      durationMs: Math.round(performance.now() - started),
    });
    checkFiles(request.files);
    checkFiles(request.readonly ?? {});
    let input: string;
    try {
      input = JSON.stringify(request.input ?? null);
    } catch (err) {
      throw new RunnerInputError('INVALID_INPUT', `the input cannot be turned into JSON: ${(err as Error).message}`);
    }
    const workspace = new Map(Object.entries(request.readonly ?? {}));
    for (const [name, src] of Object.entries(request.files)) {
      if (workspace.has(name)) throw new RunnerInputError('INVALID_INPUT', `'${name}' is a read-only file of the workspace`);
      workspace.set(name, src);
    }
    if (!workspace.has(request.module)) throw new RunnerInputError('INVALID_INPUT', `'${request.module}' is not a file of the workspace`);
    const timeoutMs = request.limits?.timeoutMs ?? 3000;
    const limits = { wallMs: timeoutMs + 1000, memoryMb: request.limits?.memoryMb ?? 128 };
    const entry: BundleEntry = { code: `import { api } from 'rg:init';\nimport * as m from ${JSON.stringify(`@workspace/${request.module}`)};\napi.provide(m);\n` };
    const bundler = bundlerFor([entry], Object.keys(request.readonly ?? {}), request.allowedImports ?? []);
    const { bundled, raw } = await bundleAndRun(bundler.bundle(workspace), limits, request.owner, started, (ok) => ({
      kind: 'call',
      code: ok.suites[0]!.code,
      exportName: request.export,
      input,
      timeoutMs,
      outputCap: CALL_OUTPUT_CAP,
      resultCap: CALL_RESULT_CAP,
    }));
    if (!bundled.ok) return done({ ok: false, error: { code: 'BUILD', message: bundled.message, ...(bundled.location ? { location: bundled.location } : {}) } });
    const answer = raw!.messages.find((m): m is ChildCallMessage => m.t === 'call');
    if (!answer) {
      const code: CallErrorCode = raw!.outcome === 'timeout' ? 'TIMEOUT' : raw!.outcome === 'oom' || raw!.outcome === 'memory' ? 'MEMORY' : raw!.outcome === 'output' ? 'OUTPUT' : 'CRASHED';
      const message = {
        TIMEOUT: `the code was stopped after ${limits.wallMs} ms`,
        MEMORY: `the code used too much memory (limit ${limits.memoryMb} MB)`,
        OUTPUT: 'the code printed too much and was stopped',
        CRASHED: 'the sandbox process stopped unexpectedly',
      }[code as 'TIMEOUT' | 'MEMORY' | 'OUTPUT' | 'CRASHED'];
      return done({ ok: false, error: { code, message } });
    }
    if (answer.status === 'error') {
      const map = new SourceMap(bundled.suites[0]!.map);
      let location: SourceLocation | undefined;
      for (const f of answer.errorFrames) {
        const pos = map.lookup(f.line, f.column);
        if (pos && pos.source.startsWith('workspace:')) {
          location = { file: pos.source.slice('workspace:'.length), line: pos.line, column: pos.column + 1 };
          break;
        }
      }
      const code = ({ load: 'LOAD', not_a_function: 'NOT_A_FUNCTION', threw: 'THREW', timeout: 'TIMEOUT', not_json: 'NOT_JSON', too_large: 'TOO_LARGE' } as const)[answer.failure ?? 'threw'];
      const message = (answer.message ?? 'the call failed') + (location ? `\n    at ${location.file}:${location.line}:${location.column}` : '');
      return done(
        { ok: false, error: { code, message, ...(location ? { location } : {}), ...(answer.errorCode ? { thrownCode: answer.errorCode } : {}) } },
        answer.output,
      );
    }
    const parsed = request.output.safeParse(answer.json === null ? undefined : (JSON.parse(answer.json) as unknown));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return done({ ok: false, error: { code: 'BAD_OUTPUT', message: `the answer has the wrong shape${where}: ${issue?.message ?? 'invalid'}` } }, answer.output);
    }
    return done({ ok: true, value: parsed.data }, answer.output);
  }

  const closeBundlers = async () => {
    const all = [...bundlers.values()];
    bundlers.clear();
    await Promise.all(all.map((b) => b.close()));
  };

  return {
    run,
    runSuites,
    call,
    stats() {
      return { runs, processes: { ...poolStats }, phasesMs: { ...phases }, bundleCache: { ...cacheStats }, contexts: { ...contexts }, sandboxJobCpuMs };
    },
    async warmUp(exerciseId) {
      const p = await getPool();
      if (!exerciseId) {
        p.prewarm(128);
        return;
      }
      const exercise = load(exerciseId);
      const { manifest } = exercise;
      p.prewarm(manifest.limits.memoryMb);
      const starter = readEditableFiles(exercise, path.join(exercise.dir, 'starter'));
      for (const name of manifest.editable) starter[name] ??= '';
      const visible = manifest.suites.filter((s) => s.visibility === 'visible');
      if (visible.length && visible.every((s) => exercise.tests.has(s.file))) {
        const files = visible.map((s) => s.file);
        const allowed = manifest.allowedImports ?? [];
        const disk = bundleCache();
        const cacheKey = disk ? () => diskKey(files, exercise.tests, exercise.readonly, manifest.editable, allowed) : undefined;
        const built = await runBundlerFor(files, exercise.tests, [...exercise.readonly.keys()], manifest.editable, allowed, disk).bundle(exercise.readonly, starter, { cacheKey });
        // The warm process compiles the visible suites' bundle before the first run needs it.
        if (built.ok) p.preload(manifest.limits.memoryMb, built.bundle);
      }
    },
    async invalidate(exerciseId) {
      if (exerciseId) loaded.delete(exerciseId);
      else loaded.clear();
      // Bundlers are keyed by content: changed content gets new ones; the old ones are let go.
      await closeBundlers();
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeBundlers();
      loaded.clear();
      if (pool) await (await pool).close();
    },
  };
}
