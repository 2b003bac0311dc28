// `npm run bench -- runner`: the visible suites of orders-lifecycle against the reference solution.
//   warm  — the runner already started (esbuild contexts and a sandbox process ready), many runs by
//           one owner (a student's own runs reuse their sandbox process after a proven reset);
//   busy  — the same warm runs while two other processes keep both cores busy (started here): reuse
//           must hold (the reset check measures liveness, not speed), no cold fallback;
//   cold  — a new runner each time (new esbuild contexts, a sandbox process started on demand), as
//           the app's first Run tests after it starts: without the disk cache of test bundles (the
//           first start after installing or changing the content), then with it (every later start:
//           the entry an earlier runner stored). The first cold run also builds the harness and starts
//           esbuild's service. Each prints where its time went (phases, CPU per process) and CPU
//           profiles of the host's and the new sandbox process's work (bench/lib/runnerColdProfile.ts);
//   growth — warm p50 against the number of tests (10, 50, 200: a generated suite of that size);
//   vitest — the same suites and solution through `vitest run` in a child process.
// Each warm phase prints where the time went (bundle, waiting for a process, sandbox, assembling), the
// CPU per run of each process, the CPU the sandbox spent on the jobs themselves (the rest is between
// runs) and how many suite contexts were made ahead or on a run's path; CPU profiles then split the
// host's work (bench/lib/runnerProfile.ts) and a real sandbox process's (bench/lib/runnerWarmProfile.ts).
// Last stdout line: one JSON object with the figures.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRunner, loadRunnerExercise, readEditableFiles, type Runner, type RunnerOptions, type RunnerStats } from '../electron/engine/runner';
import { cpuBetween, sampleCpu } from './lib/processCpu';
import type { Breakdown } from './lib/profile';
import { hostBreakdown } from './lib/runnerProfile';
import { warmSandboxProcessBreakdown } from './lib/runnerWarmProfile';
import { coldHostBreakdown, coldSandboxBreakdown } from './lib/runnerColdProfile';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exercisesDir = path.join(root, 'exercises');
const id = 'orders-lifecycle';

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const round = (x: number) => Math.round(x * 10) / 10;

interface WarmFigures {
  p50: number;
  p95: number;
  /** Runs that did not get the owner's own process back (a cold or fresh process instead). */
  notReused: number;
  breakdown: { bundle: number; wait: number; sandbox: number; assemble: number };
  /** CPU per run, ms: this process (bundling host side, results), the esbuild service, the sandbox processes. */
  cpu: Record<string, number>;
  /** Suite contexts over all runs: found made ahead (while the process waited), made on the run's path. */
  contexts: RunnerStats['contexts'];
  /** The sandbox's CPU on the jobs themselves, ms per run (the rest of its CPU is between runs). */
  jobCpu: number;
}

interface ColdFigures {
  first: number;
  p50: number;
  /** Mean per run, ms. */
  breakdown: WarmFigures['breakdown'];
  /** CPU per run, ms, by process kind (the guardian: the pool's watchdog process). */
  cpu: Record<string, number>;
  /** The disk cache's lookups over these runs. */
  cache: RunnerStats['bundleCache'];
}

/** `runs` timed runs of one owner on a started runner; the breakdown is the mean per run, ms. */
async function warmRuns(runner: Runner, exerciseId: string, files: () => Record<string, string>, runs: number): Promise<WarmFigures> {
  await runner.run({ exerciseId, files: files(), owner: 'bench' });
  const before: RunnerStats = runner.stats();
  const cpuBefore = sampleCpu();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await runner.run({ exerciseId, files: files(), owner: 'bench' });
    times.push(performance.now() - t);
    if (r.status !== 'pass') throw new Error(`the solution did not pass on a warm run: ${r.message ?? r.tests.find((x) => x.status !== 'pass')?.message}`);
  }
  const after = runner.stats();
  const cpu = Object.fromEntries(Object.entries(cpuBetween(cpuBefore, sampleCpu())).map(([k, v]) => [k, round(v / runs)]));
  const per = (k: keyof RunnerStats['phasesMs']) => round((after.phasesMs[k] - before.phasesMs[k]) / runs);
  return {
    p50: round(pct(times, 50)),
    p95: round(pct(times, 95)),
    notReused: runs - (after.processes.reused - before.processes.reused),
    breakdown: { bundle: per('bundle'), wait: per('wait'), sandbox: per('sandbox'), assemble: per('assemble') },
    cpu,
    contexts: { ahead: after.contexts.ahead - before.contexts.ahead, made: after.contexts.made - before.contexts.made },
    jobCpu: round((after.sandboxJobCpuMs - before.sandboxJobCpuMs) / runs),
  };
}

/** Processes that keep every core busy until stopped. */
function startLoad(): ChildProcess[] {
  return Array.from({ length: os.availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

/** A throwaway exercise whose one visible suite has `n` tests, all passing with its solution. */
function growthExercise(dir: string, n: number): string {
  const ex = path.join(dir, `growth-${n}`);
  fs.mkdirSync(path.join(ex, 'tests/visible'), { recursive: true });
  fs.mkdirSync(path.join(ex, 'starter'), { recursive: true });
  fs.mkdirSync(path.join(ex, 'solution'), { recursive: true });
  const t = { ru: 'Рост', en: 'Growth' };
  fs.writeFileSync(
    path.join(ex, 'exercise.json'),
    JSON.stringify({
      id: `growth-${n}`,
      order: 1,
      title: t,
      summary: t,
      description: t,
      editable: ['Sum.ts'],
      readonly: [],
      suites: [{ id: 'sum', title: t, file: 'tests/visible/sum.test.ts', visibility: 'visible', pointsPerTest: 1 }],
      hints: [],
      limits: { timeoutMs: 5000, memoryMb: 128 },
    }),
  );
  const sum = 'export function sum(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n';
  fs.writeFileSync(path.join(ex, 'solution/Sum.ts'), sum);
  fs.writeFileSync(path.join(ex, 'starter/Sum.ts'), sum);
  const tests = Array.from({ length: n }, (_, i) => `  it('adds ${i} numbers', () => {\n    expect(sum(Array.from({ length: ${i} }, (_, k) => k))).toBe(${(i * (i - 1)) / 2});\n  });`).join('\n');
  fs.writeFileSync(path.join(ex, 'tests/visible/sum.test.ts'), `import { describe, expect, it } from 'vitest';\nimport { sum } from '@workspace/Sum';\n\ndescribe('sum', () => {\n${tests}\n});\n`);
  return ex;
}

/** A profile as indented lines: ms per run and share of each group, then the largest unmatched functions. */
function profileLines(title: string, b: Breakdown, runs: number): string[] {
  return [
    `${title}: ${round(b.totalMs / runs)} ms sampled`,
    ...b.shares.filter((x) => x.ms > 0).map((x) => `  ${String(round(x.ms / runs)).padStart(6)} ms ${String(x.percent).padStart(5)}%  ${x.label}`),
    `         other, by self time: ${b.topOther.map((o) => `${o.fn} ${round(o.ms / runs)} ms`).join('; ')}`,
  ];
}

/** A profile's groups as ms per run. */
const perRun = (b: Breakdown, runs: number): Record<string, number> => Object.fromEntries(b.shares.map((x) => [x.label, round(x.ms / runs)]));

export async function main(args: string[]): Promise<void> {
  const warmCount = Number(args[0] ?? 40);
  const coldRuns = Number(args[1] ?? 6);
  const vitestRuns = Number(args[2] ?? 3);
  const exercise = loadRunnerExercise(exercisesDir, id);
  const solution = readEditableFiles(exercise, path.join(exercisesDir, id, 'solution'));
  // A different comment each run, as a student's edits would be: no run is served from a cache.
  let edit = 0;
  const edited = () => Object.fromEntries(Object.entries(solution).map(([k, v]) => [k, `${v}\n// edit ${edit++}\n`]));

  // Cold: a fresh runner per run (the student's runs: an owner, as the app passes), without and with the disk cache.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-bundle-cache-'));
  const coldOptions = { exercisesDir, warm: 0 };
  const cachedOptions = { ...coldOptions, bundleCache: { dir: cacheDir } };
  let tests = 0;
  const measureCold = async (options: RunnerOptions, count: number): Promise<ColdFigures> => {
    const times: number[] = [];
    const phases = { bundle: 0, wait: 0, sandbox: 0, assemble: 0 };
    const cpuSum: Record<string, number> = {};
    const cache = { hit: 0, miss: 0, stale: 0, rejected: 0, write: 0 };
    for (let i = 0; i < count; i++) {
      const runner = createRunner(options);
      const cpuBefore = sampleCpu();
      const t = performance.now();
      const r = await runner.run({ exerciseId: id, files: edited(), owner: 'bench' });
      times.push(performance.now() - t);
      // The sandbox process lives on (kept for its owner) until close: its CPU is read here.
      for (const [k, v] of Object.entries(cpuBetween(cpuBefore, sampleCpu()))) cpuSum[k] = (cpuSum[k] ?? 0) + v;
      if (r.status !== 'pass') throw new Error(`the solution did not pass: ${r.message ?? r.tests.find((x) => x.status !== 'pass')?.message}`);
      tests = r.tests.length;
      const st = runner.stats();
      for (const k of Object.keys(phases) as Array<keyof typeof phases>) phases[k] += st.phasesMs[k];
      for (const k of Object.keys(cache) as Array<keyof typeof cache>) cache[k] += st.bundleCache[k];
      await runner.close();
    }
    const per = (x: number) => round(x / count);
    return {
      first: round(times[0]!),
      p50: round(pct(times, 50)),
      breakdown: { bundle: per(phases.bundle), wait: per(phases.wait), sandbox: per(phases.sandbox), assemble: per(phases.assemble) },
      cpu: Object.fromEntries(Object.entries(cpuSum).map(([k, v]) => [k, per(v)])),
      cache,
    };
  };
  let coldPlain: ColdFigures;
  let coldCached: ColdFigures;
  let coldHostPlain: Breakdown;
  let coldHostCached: Breakdown;
  try {
    coldPlain = await measureCold(coldOptions, coldRuns);
    await measureCold(cachedOptions, 1); // stores the entry, as the first start did
    coldCached = await measureCold(cachedOptions, coldRuns);
    coldHostPlain = await coldHostBreakdown(coldOptions, id, edited, 5);
    coldHostCached = await coldHostBreakdown(cachedOptions, id, edited, 5);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  const coldSandbox = await coldSandboxBreakdown(exercise, edited, path.join(root, 'electron/engine'), 5);

  // Warm, then warm on a machine whose cores are all kept busy by other processes.
  const runner = createRunner({ exercisesDir, warm: 1 });
  await runner.warmUp(id);
  const warm = await warmRuns(runner, id, edited, warmCount);
  const load = startLoad();
  let busy: WarmFigures;
  try {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the load take the cores
    busy = await warmRuns(runner, id, edited, Math.max(10, Math.round(warmCount / 2)));
  } finally {
    for (const p of load) p.kill('SIGKILL');
  }
  await runner.close();

  // Where a warm run's CPU goes: the host (a started runner of its own) and a real sandbox process.
  const profiled = createRunner({ exercisesDir, warm: 1 });
  await profiled.warmUp(id);
  await warmRuns(profiled, id, edited, 3);
  const hostProfile = await hostBreakdown(profiled, id, edited, 20);
  await profiled.close();
  const sandbox = await warmSandboxProcessBreakdown(exercise, edited, path.join(root, 'electron/engine'), 20);
  const sandboxProfile = sandbox.breakdown;

  // Growth: warm p50 for 10, 50 and 200 tests.
  const growthDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-growth-'));
  const growth: Record<string, number> = {};
  try {
    for (const n of [10, 50, 200]) {
      growthExercise(growthDir, n);
      const g = createRunner({ exercisesDir: growthDir, warm: 1 });
      const sum = fs.readFileSync(path.join(growthDir, `growth-${n}/solution/Sum.ts`), 'utf8');
      let k = 0;
      const f = await warmRuns(g, `growth-${n}`, () => ({ 'Sum.ts': `${sum}// ${k++}\n` }), 15);
      growth[`tests_${n}_warm_p50_ms`] = f.p50;
      await g.close();
    }
  } finally {
    fs.rmSync(growthDir, { recursive: true, force: true });
  }

  // vitest: the same visible suites against the solution (the project's config maps @workspace/ to solution/).
  const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const vitest: number[] = [];
  for (let i = 0; i < vitestRuns; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [vitestBin, 'run', `exercises/${id}/tests/visible`], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, REPLAYGROUND_EXERCISE_VARIANT: 'solution', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    vitest.push(performance.now() - t);
  }

  const figures = {
    bench: 'runner',
    exercise: id,
    suites: 'visible',
    tests,
    warm_runs: warmCount,
    warm_run_ms_p50: warm.p50,
    warm_run_ms_p95: warm.p95,
    warm_not_reused: warm.notReused,
    warm_breakdown_ms: warm.breakdown,
    warm_cpu_ms: warm.cpu,
    warm_contexts: warm.contexts,
    warm_sandbox_job_cpu_ms: warm.jobCpu,
    busy_run_ms_p50: busy.p50,
    busy_run_ms_p95: busy.p95,
    busy_not_reused: busy.notReused,
    busy_breakdown_ms: busy.breakdown,
    busy_cpu_ms: busy.cpu,
    busy_contexts: busy.contexts,
    busy_sandbox_job_cpu_ms: busy.jobCpu,
    cold_run_ms_p50: coldCached.p50,
    cold_first_run_ms: coldPlain.first,
    cold_no_cache_run_ms_p50: coldPlain.p50,
    cold_breakdown_ms: coldCached.breakdown,
    cold_cpu_ms: coldCached.cpu,
    cold_no_cache_breakdown_ms: coldPlain.breakdown,
    cold_no_cache_cpu_ms: coldPlain.cpu,
    cold_cache_lookups: coldCached.cache,
    cold_host_profile_ms_per_run: perRun(coldHostCached, 5),
    cold_no_cache_host_profile_ms_per_run: perRun(coldHostPlain, 5),
    cold_sandbox_profile_ms_per_run: perRun(coldSandbox, 5),
    ...growth,
    vitest_run_ms_p50: round(pct(vitest, 50)),
    vs_vitest: round(pct(vitest, 50) / warm.p50),
    host_profile_ms_per_run: perRun(hostProfile, 20),
    sandbox_profile_ms_per_run: perRun(sandboxProfile, 20),
    sandbox_process_cpu_ms_per_run: round(sandbox.cpuMsPerRun),
    sandbox_job_cpu_ms_per_run: round(sandbox.jobCpuMsPerRun),
    load_average_1m: round(os.loadavg()[0]!),
  };
  const b = (x: WarmFigures['breakdown']) => `bundle ${x.bundle} + wait ${x.wait} + sandbox ${x.sandbox} + assemble ${x.assemble} ms`;
  const c = (x: WarmFigures['cpu']) =>
    `host ${x.host ?? 0} + esbuild ${x.esbuild ?? 0} + sandbox ${x.sandbox ?? 0}${x.guardian ? ` + guardian ${x.guardian}` : ''}${x.reaped ? ` + ended processes ${x.reaped}` : ''}${x.other ? ` + other ${x.other}` : ''} ms`;
  console.log(`runner bench: ${id}, visible suites, reference solution, ${tests} tests (load average ${figures.load_average_1m})`);
  console.log(`  warm   p50 ${warm.p50} ms   p95 ${warm.p95} ms   (${warmCount} runs, ${warm.notReused} without reuse; target p50 <= 50, p95 <= 80)`);
  console.log(`         per run: ${b(warm.breakdown)}`);
  console.log(`         CPU per run: ${c(warm.cpu)}`);
  console.log(`         the sandbox's CPU on the job itself: ${warm.jobCpu} ms per run; suite contexts: ${warm.contexts.ahead} made ahead while the process waited, ${warm.contexts.made} made on a run's path`);
  console.log(`  busy   p50 ${busy.p50} ms   p95 ${busy.p95} ms   (both cores loaded, ${busy.notReused} without reuse; target p50 <= 100, no cold fallback)`);
  console.log(`         per run: ${b(busy.breakdown)}`);
  console.log(`         CPU per run: ${c(busy.cpu)}`);
  console.log(`         the sandbox's CPU on the job itself: ${busy.jobCpu} ms per run; suite contexts: ${busy.contexts.ahead} made ahead while the process waited, ${busy.contexts.made} made on a run's path`);
  for (const line of profileLines("where the host's time goes (CPU profile of 20 warm runs, per run)", hostProfile, 20)) console.log(`  ${line}`);
  console.log(
    `  the sandbox process alone (20 warm jobs): CPU ${round(sandbox.cpuMsPerRun)} ms per job, of which the job itself ${round(sandbox.jobCpuMsPerRun)} ms (on the run's path) and ${round(sandbox.cpuMsPerRun - sandbox.jobCpuMsPerRun)} ms between jobs`,
  );
  for (const line of profileLines("where the sandbox process's time goes (its CPU profile over those jobs, per job; sampled time includes waits)", sandboxProfile, 20)) console.log(`  ${line}`);
  const cpuTotal = (x: Record<string, number>) => round(Object.values(x).reduce((a, b) => a + b, 0));
  console.log(`  cold   p50 ${coldCached.p50} ms with the disk cache (${coldCached.cache.hit} of ${coldRuns} runs found their bundle; target <= 200)   first ${coldPlain.first} ms (a new host process, no cache)`);
  console.log(`         per run: ${b(coldCached.breakdown)}`);
  console.log(`         CPU per run: ${c(coldCached.cpu)} = ${cpuTotal(coldCached.cpu)} ms`);
  console.log(`  cold, no disk cache   p50 ${coldPlain.p50} ms   (${coldRuns} runs: the first start after installing or changing the content)`);
  console.log(`         per run: ${b(coldPlain.breakdown)}`);
  console.log(`         CPU per run: ${c(coldPlain.cpu)} = ${cpuTotal(coldPlain.cpu)} ms`);
  for (const line of profileLines("where a cold run's host time goes, with the disk cache (CPU profile of 5 new runners, per run)", coldHostCached, 5)) console.log(`  ${line}`);
  for (const line of profileLines("the same without the disk cache", coldHostPlain, 5)) console.log(`  ${line}`);
  for (const line of profileLines("where a new sandbox process's time goes, start to first job's end (5 processes, per process)", coldSandbox, 5)) console.log(`  ${line}`);
  console.log(`  growth warm p50: 10 tests ${growth.tests_10_warm_p50_ms} ms, 50 tests ${growth.tests_50_warm_p50_ms} ms, 200 tests ${growth.tests_200_warm_p50_ms} ms`);
  console.log(`  vitest p50 ${figures.vitest_run_ms_p50} ms   (${vitestRuns} runs)   vs_vitest ${figures.vs_vitest}x (target >= 10)`);
  console.log(JSON.stringify(figures));
}
