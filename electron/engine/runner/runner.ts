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
import { assembleResult, errorResult } from './assemble';
import { OUTPUT_CAP_BYTES, TEST_OUTPUT_CAP_CHARS, type RunResult } from '../common/runResult';
import { CodedError } from '../common/codedError';
import { networkIsolation, SandboxPool } from './sandboxPool';

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
  /** Run sandboxes in their own network namespace where the OS allows it (Linux); default true. */
  isolateNetwork?: boolean;
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

/** Where the runner's time went and how runs got their sandbox process (for `npm run bench -- runner`). */
export interface RunnerStats {
  runs: number;
  processes: { reused: number; fresh: number; started: number; resetRefused: number };
  /** Totals over all runs, ms: bundling, waiting for a slot and a ready process, the sandbox run, assembling the result. */
  phasesMs: { bundle: number; wait: number; sandbox: number; assemble: number };
}

export interface Runner {
  run(request: RunRequest): Promise<RunResult>;
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
const DEFAULT_ENGINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Loaded {
  exercise: RunnerExercise;
  bundlers: Map<string, SuiteBundler>;
}

export function createRunner(options: RunnerOptions): Runner {
  const engineDir = options.engineDir ?? DEFAULT_ENGINE_DIR;
  const loaded = new Map<string, Loaded>();
  let pool: Promise<SandboxPool> | undefined;
  let closed = false;
  const phases = { bundle: 0, wait: 0, sandbox: 0, assemble: 0 };
  let runs = 0;
  let poolStats = { reused: 0, fresh: 0, started: 0, resetRefused: 0 };

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
      b = new SuiteBundler({
        exerciseDir: l.exercise.dir,
        contentRoot: path.dirname(l.exercise.dir),
        engineDir,
        testFiles,
        readonlyFiles: l.exercise.manifest.readonly,
        allowedImports: l.exercise.manifest.allowedImports ?? [],
      });
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
    const absent = manifest.editable.filter((n) => typeof request.files[n] !== 'string');
    if (absent.length) return errorResult(manifest.id, `missing file: ${absent.join(', ')}`, started, 'input');

    const workspace = new Map(l.exercise.readonly);
    for (const [name, src] of Object.entries(request.files)) workspace.set(name, src);

    const present = manifest.suites.filter((s) => request.suites === 'all' || s.visibility === 'visible');
    // A suite that is not there (the student build has no hidden tests) must not be skipped silently.
    const missing = present.filter((s) => !fs.existsSync(path.join(l.exercise.dir, s.file)));
    if (missing.length) {
      const hiddenOnly = missing.every((s) => s.visibility === 'hidden');
      return errorResult(
        manifest.id,
        hiddenOnly
          ? `the hidden suites are not available here (${missing.map((s) => s.file).join(', ')})`
          : `missing test suite file: ${missing.map((s) => s.file).join(', ')}`,
        started,
        'unavailable',
      );
    }

    // 1. Bundle every suite (one esbuild build, one script per suite) while a sandbox process boots.
    const limits = { wallMs: manifest.limits.timeoutMs + 1000, memoryMb: manifest.limits.memoryMb };
    const bundling = bundlerFor(l, present.map((s) => s.file)).bundle(workspace);
    const sandboxes = await getPool();
    poolStats = sandboxes.stats();
    await harnessFile(options.harnessFile); // writes it again if a temp cleaner removed it
    sandboxes.prewarm(limits.memoryMb, 1);
    const bundled: BundleOutcome = await bundling;
    const bundledAt = performance.now();
    phases.bundle += bundledAt - started;
    if (!bundled.ok) return errorResult(manifest.id, bundled.message, started, 'build', bundled.location);
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
      request.owner,
    );

    // 3. Results.
    poolStats = sandboxes.stats();
    const ranAt = performance.now();
    const result = assembleResult({ exerciseId: manifest.id, exerciseDir: l.exercise.dir, present, bundles: ok, raw, limits, started });
    runs++;
    phases.wait += raw.waitMs ?? 0;
    phases.sandbox += ranAt - bundledAt - (raw.waitMs ?? 0);
    phases.assemble += performance.now() - ranAt;
    return result;
  }

  return {
    run,
    stats() {
      return { runs, processes: { ...poolStats }, phasesMs: { ...phases } };
    },
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
      const visible = l.exercise.manifest.suites.filter((s) => s.visibility === 'visible');
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
