// Where a cold Run tests goes, for `npm run bench -- runner`: CPU profiles (bench/lib/profile.ts) of
//   - the host's work in a new runner's first run (bundling, the disk cache, spawning, results), in
//     this process;
//   - a new sandbox process from its start to the end of its first job, the job written as the process
//     starts (as a cold run does). Node turns the profiler off under its permission model, so this one
//     process runs without `--experimental-permission`/`--allow-fs-read` (every other flag as the runner
//     starts it) and writes its profile with `--cpu-prof`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRunner, type RunnerExercise, type RunnerOptions } from '../../electron/engine/runner';
import { harnessFile } from '../../electron/engine/runner/harnessFile';
import { perTestTimeoutMs } from '../../electron/engine/runner/runner';
import { sandboxArgs } from '../../electron/engine/runner/sandboxPool';
import { visibleSuitesBundler } from './visibleSuitesBundler';
import { fn, profile, summariseProfileFile, type Breakdown, type Group } from './profile';

const gc: Group = ['garbage collection', (name) => name === '(garbage collector)'];
/** The inspector collecting the profile at its end (counted once, spread over the runs): not the runs' work. */
const profiler: Group = ['the profiler itself (collecting the profile)', (name, url) => name === 'dispatch' && url === ''];
const inFile = (...files: string[]) => (_: string, url: string) => files.some((f) => url.endsWith(f));
const harness = (names: string[]) => (name: string, url: string) => names.includes(name) && /harness-[0-9a-f]+\.cjs$/.test(url);

const COLD_SANDBOX_GROUPS: Group[] = [
  ['Node start-up: freezing the intrinsics (--frozen-intrinsics)', fn(['initializeFrozenIntrinsics'])],
  ['Node start-up: the rest', fn(['prepareMainThreadExecution', 'setupUserModules'])],
  ['loading the harness file (compile, node:crypto, its top level)', fn(['Module._compile'])],
  ["the harness's warm-up suite", harness(['warmUp'])],
  ['contexts (createContext, prelude, built-ins snapshot)', harness(['createSandbox', 'prepare', 'prepareSpare'])],
  ["loading the bundle and the student's module in each context", harness(['load', 'loaded'])],
  ['tests and hooks (with expect)', harness(['drive'])],
  ['built-ins checks', harness(['changed'])],
  ['reading the job (JSON)', (name, url) => name === 'parse' && url === ''],
  gc,
];

const COLD_HOST_GROUPS: Group[] = [
  ['esbuild service calls (contexts, builds)', (_, url) => url.includes('/esbuild/')],
  ["the bundler's plugin (resolving, loading files)", inFile('runner/bundle.ts', 'runner/studentModules.ts')],
  ['the disk cache (reading, checking the tag and inputs)', inFile('runner/bundleCache.ts')],
  ['source maps (parsing)', inFile('runner/sourcemap.ts')],
  ['starting processes (sandbox, guardian)', (name, url) => name === 'spawn' && url.includes('child_process')],
  ['results: messages, assembling, test code', (_, url) => url.includes('/zod/') || ['runner/assemble.ts', 'runner/testCode.ts', 'runner/results.ts'].some((f) => url.endsWith(f))],
  ['loading the exercise (content files)', (_, url) => url.includes('/content/')],
  gc,
  profiler,
];

/** The host's side of `runs` cold runs: a new runner each (its options given), one run, closed. */
export function coldHostBreakdown(options: RunnerOptions, exerciseId: string, files: () => Record<string, string>, runs: number): Promise<Breakdown> {
  return profile(async () => {
    for (let i = 0; i < runs; i++) {
      const runner = createRunner(options);
      const r = await runner.run({ exerciseId, files: files(), owner: 'bench' });
      if (r.status !== 'pass') throw new Error('the solution did not pass in the profiled cold runs');
      await runner.close();
    }
  }, COLD_HOST_GROUPS);
}

/** A new sandbox process from its start to its first job's end, `runs` times; the breakdown is summed over them. */
export async function coldSandboxBreakdown(exercise: RunnerExercise, files: () => Record<string, string>, engineDir: string, runs: number): Promise<Breakdown> {
  const { manifest } = exercise;
  const { bundler, visible } = visibleSuitesBundler(exercise, engineDir);
  const built = await bundler.bundle(exercise.readonly, files());
  await bundler.close();
  if (!built.ok) throw new Error(`the solution did not build: ${built.message}`);
  const file = await harnessFile();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-cold-'));
  try {
    for (let i = 0; i < runs; i++) {
      const args = sandboxArgs(file, manifest.limits.memoryMb).filter((a) => !a.startsWith('--experimental-permission') && a !== '--permission' && !a.startsWith('--allow-fs-read'));
      const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', ...args], { env: {}, cwd: path.dirname(file), stdio: ['pipe', 'pipe', 'ignore'] });
      const nonce = randomBytes(16).toString('hex');
      const job = {
        testTimeoutMs: perTestTimeoutMs(manifest.limits.timeoutMs),
        testOutputCap: 8000,
        outputCap: 1_000_000,
        bundle: built.bundle,
        modules: built.modules,
        suites: visible.map((_, index) => ({ index })),
        nonce,
        runId: 'cold',
      };
      child.stdin.write(`${JSON.stringify(job)}\n`);
      child.stdout.setEncoding('utf8');
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          if (out.includes('"t":"done"')) resolve();
        });
        child.once('close', () => reject(new Error('the profiled sandbox process ended before its job did')));
      });
      child.stdin.end(); // the process ends when its input does, and writes its profile
      await new Promise((resolve) => child.once('close', resolve));
      if (/"status":"(fail|error)"/.test(out)) throw new Error('a test failed in the profiled cold sandbox');
    }
    const profiles = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    if (profiles.length !== runs) throw new Error(`expected ${runs} profiles, found ${profiles.length}`);
    const parts = profiles.map((f) => summariseProfileFile(fs.readFileSync(path.join(dir, f), 'utf8'), COLD_SANDBOX_GROUPS));
    return sumBreakdowns(parts);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Several breakdowns of the same groups as one (ms summed, shares of the sum). */
function sumBreakdowns(parts: Breakdown[]): Breakdown {
  const totalMs = parts.reduce((s, b) => s + b.totalMs, 0);
  const shares = parts[0]!.shares.map((s, i) => {
    const ms = parts.reduce((sum, b) => sum + b.shares[i]!.ms, 0);
    return { label: s.label, ms, percent: totalMs > 0 ? Math.round((ms / totalMs) * 1000) / 10 : 0 };
  });
  const other = new Map<string, number>();
  for (const b of parts) for (const o of b.topOther) other.set(o.fn, (other.get(o.fn) ?? 0) + o.ms);
  const topOther = [...other].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, ms]) => ({ fn: f, ms }));
  return { totalMs, shares, topOther };
}
