// Where grading's CPU goes, for `npm run bench -- grading`: (1) one sandboxed grading run of the bench's
// exercise (its reference solution, every suite), started exactly as the pool starts it: its CPU split
// into the process's start-up (Node, frozen intrinsics, the harness) and the job, and a V8 profile of
// the run grouped by what the time is spent on; (2) the groups for a profile of the grader process
// itself (the CLI run with --cpu-prof). Profiles inflate what they measure; the shares are what count.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExerciseCatalog } from '../../electron/engine/grading/exerciseCatalog';
import { harnessFile } from '../../electron/engine/runner/harnessFile';
import { RunBundler } from '../../electron/engine/runner/runBundle';
import { sandboxArgs } from '../../electron/engine/runner/sandboxPool';
import { perTestTimeoutMs } from '../../electron/engine/runner/runner';
import { OUTPUT_CAP_BYTES, TEST_OUTPUT_CAP_CHARS } from '../../electron/engine/common/runResult';
import { summariseProfileFile, type Breakdown, type Group } from './profile';

/** CPU ms (user + system) of this process's reaped children so far, from /proc (ticks of 10 ms, summed by the kernel in ns). */
function reapedChildrenMs(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) * 10;
}

const inHarness = (url: string) => /harness-[0-9a-f]+\.cjs$/.test(url);
const HARNESS_INTEGRITY = ['snapshotIntrinsics', 'changedIn', 'changed', 'record', 'keyLabel'];
const MATCHING = ['expect', 'check', 'fail', 'syncMatchers', 'asyncMatchers', 'o.<computed>', 'walk', 'keysFor', 'differences', 'equals', 'formatValue', 'format'];

/** A sandbox run's groups: a sample counts for the nearest frame on its stack that one of them matches. */
export const SANDBOX_GROUPS: Group[] = [
  ['built-ins integrity check (per suite)', (fn, url) => inHarness(url) && HARNESS_INTEGRITY.includes(fn)],
  ['expect, matchers, deep equality', (fn, url) => inHarness(url) && MATCHING.includes(fn)],
  ['tests and the code under test (test bundle, student module)', (_fn, url) => url.endsWith('suites.js') || url.startsWith('workspace') || url === 'harness-call.js'],
  ['vm contexts (create, enter, compile)', (fn, url) => url === 'node:vm' || ['createContext', 'runInContext', 'compileFunction'].includes(fn)],
  ['harness: per-suite set-up, reports, the rest', (_fn, url) => inHarness(url) || url.startsWith('harness-')],
  ['Node built-in modules loaded (node:crypto, vm…)', (fn, url) => url === 'node:crypto' || url.startsWith('node:internal/crypto') || ['compileForInternalLoader', 'requireBuiltin', 'compileForPublicLoader'].includes(fn)],
  ['Node start-up: bootstrap, frozen intrinsics', (_fn, url) => url.includes('pre_execution') || url.includes('freeze_intrinsics') || url.includes('run_main')],
  ['garbage collection', (fn) => fn === '(garbage collector)'],
];

const anyOf = (...parts: string[]) => (_fn: string, url: string) => parts.some((p) => url.includes(p));

/** The grader process's groups (the CLI: tsx, discovery, the pool, bundling, results, similarity, reports). */
export const GRADER_GROUPS: Group[] = [
  ['spawning sandbox processes (fork + exec)', (fn, url) => fn === 'ChildProcess.spawn' || (fn === 'spawn' && url.includes('child_process'))],
  ['sandbox pool: sending jobs, reading + checking messages (zod)', anyOf('runner/sandboxPool.ts', 'runner/protocol.ts')],
  ['bundling student code (esbuild service, plugins)', anyOf('esbuild/lib/main.js', 'runner/bundle.ts', 'runner/studentModules.ts', 'runner/runBundle.ts')],
  ['results: assemble, source maps, test code', anyOf('runner/assemble.ts', 'runner/sourcemap.ts', 'runner/testCode.ts', 'runner/runner.ts')],
  ['similarity report', anyOf('grading/similarity/')],
  ['reports (HTML, CSV, JSON files)', anyOf('grading/reports/')],
  ['discovery, checksums, catalog', anyOf('grading/discover.ts', 'grading/classify.ts', 'grading/submissionFile.ts', 'grading/exerciseCatalog.ts', 'grading/exerciseHash.ts', 'content/')],
  ['scoring, gradebook rows', anyOf('grading/grader.ts', 'grading/score.ts', 'grading/gradingJob.ts')],
  ['loading the CLI (tsx, module loader)', anyOf('tsx/dist', 'node:internal/modules', 'hooks')],
  ['garbage collection', (fn) => fn === '(garbage collector)'],
];

export interface SandboxRunProfile {
  exercise: string;
  suites: number;
  /** Mean CPU ms of a process that starts and ends without a job (Node, frozen intrinsics, the harness). */
  startupMs: number;
  /** Mean CPU ms of a process that runs the job (start-up included). */
  runMs: number;
  breakdown: Breakdown;
}

/** Starts `node args` with `input` on stdin and checks it ran the job to its end. */
function runChild(args: string[], input: string, expectDone: boolean): void {
  const r = spawnSync(process.execPath, args, { input, cwd: os.tmpdir(), env: {}, maxBuffer: 64 * 1024 * 1024 });
  const out = r.stdout?.toString() ?? '';
  if (r.status !== 0 || (expectDone && !out.includes('"t":"done"'))) throw new Error(`the sandbox run failed (${r.status}): ${r.stderr?.toString().slice(0, 500)}`);
}

/** Profiles one sandboxed run of `exerciseId`'s reference solution (every suite), `repeats` times for the CPU means. */
export async function profileSandboxRun(root: string, exerciseId: string, repeats = 8): Promise<SandboxRunProfile> {
  const catalog = loadExerciseCatalog(path.join(root, 'exercises'));
  const ex = catalog.get(exerciseId);
  if (!ex) throw new Error(`no exercise ${exerciseId}`);
  const m = ex.manifest;
  const bundler = new RunBundler({
    engineDir: path.join(root, 'electron/engine'),
    tests: new Map(Object.entries(ex.testFiles)),
    suites: m.suites.map((s) => s.file),
    readonlyFiles: Object.keys(ex.readonly),
    editable: m.editable,
    allowedImports: m.allowedImports ?? [],
  });
  try {
    const built = await bundler.bundle(new Map(Object.entries(ex.readonly)), ex.solution);
    if (!built.ok) throw new Error(`the reference solution of ${exerciseId} does not build: ${built.message}`);
    // The job as the runner sends it to a fresh process (runner.ts runSuites).
    const job = {
      testTimeoutMs: perTestTimeoutMs(m.limits.timeoutMs),
      testOutputCap: TEST_OUTPUT_CAP_CHARS,
      outputCap: OUTPUT_CAP_BYTES,
      bundle: built.bundle,
      modules: built.modules,
      suites: m.suites.map((_, index) => ({ index })),
      nonce: 'bench',
      runId: 'bench',
    };
    const line = `${JSON.stringify(job)}\n`;
    const args = sandboxArgs(await harnessFile(), m.limits.memoryMb, 'baseline');
    const mean = (input: string, expectDone: boolean) => {
      const before = reapedChildrenMs();
      for (let i = 0; i < repeats; i++) runChild(args, input, expectDone);
      return Math.round((reapedChildrenMs() - before) / repeats);
    };
    const startupMs = mean('', false);
    const runMs = mean(line, true);
    // The permission model would refuse to write the profile: the profiled run goes without it (same job, same V8 flags).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-sandbox-prof-'));
    try {
      const unfenced = args.filter((a) => !a.startsWith('--allow-fs-read') && a !== '--permission' && a !== '--experimental-permission');
      runChild(['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250', ...unfenced], line, true);
      const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error('the sandbox wrote no profile');
      return { exercise: exerciseId, suites: m.suites.length, startupMs, runMs, breakdown: summariseProfileFile(fs.readFileSync(path.join(dir, file), 'utf8'), SANDBOX_GROUPS) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await bundler.close();
  }
}

/** The breakdown of the grader's own profile: its main thread's (CPU.<date>.<pid>.<thread 0>.<n>.cpuprofile; tsx's loader thread writes one too). */
export function graderBreakdown(dir: string): Breakdown {
  const file = fs.readdirSync(dir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error('the grader wrote no profile');
  return summariseProfileFile(fs.readFileSync(path.join(dir, file), 'utf8'), GRADER_GROUPS);
}
