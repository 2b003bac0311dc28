// `npm run bench -- runner`: the visible suites of orders-lifecycle against the reference solution.
//   warm  — the runner already started (esbuild contexts and a sandbox process ready), many runs;
//   cold  — a new runner each time (new esbuild contexts, a sandbox process started on demand);
//           the first cold run also builds the harness and starts esbuild's service;
//   vitest — the same suites and solution through `vitest run` in a child process.
// Last stdout line: one JSON object with the figures.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRunner, loadRunnerExercise, readEditableFiles } from '../electron/engine/runner';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exercisesDir = path.join(root, 'exercises');
const id = 'orders-lifecycle';

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const round = (x: number) => Math.round(x * 10) / 10;

export async function main(args: string[]): Promise<void> {
  const warmRuns = Number(args[0] ?? 40);
  const coldRuns = Number(args[1] ?? 6);
  const vitestRuns = Number(args[2] ?? 3);
  const exercise = loadRunnerExercise(exercisesDir, id);
  const solution = readEditableFiles(exercise, path.join(exercisesDir, id, 'solution'));
  // A different comment each run, as a student's edits would be: no run is served from a cache.
  let edit = 0;
  const edited = () => Object.fromEntries(Object.entries(solution).map(([k, v]) => [k, `${v}\n// edit ${edit++}\n`]));

  // Cold: a fresh runner per run.
  const cold: number[] = [];
  let tests = 0;
  for (let i = 0; i < coldRuns; i++) {
    const runner = createRunner({ exercisesDir, warm: 0 });
    const t = performance.now();
    const r = await runner.run({ exerciseId: id, files: edited() });
    cold.push(performance.now() - t);
    if (r.status !== 'pass') throw new Error(`the solution did not pass: ${r.message ?? r.tests.find((x) => x.status !== 'pass')?.message}`);
    tests = r.tests.length;
    await runner.close();
  }

  // Warm: one runner, started and warmed up.
  const runner = createRunner({ exercisesDir, warm: 1 });
  await runner.warmUp(id);
  await runner.run({ exerciseId: id, files: edited(), owner: 'bench' });
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const t = performance.now();
    const r = await runner.run({ exerciseId: id, files: edited(), owner: 'bench' });
    warm.push(performance.now() - t);
    if (r.status !== 'pass') throw new Error('the solution did not pass on a warm run');
  }
  await runner.close();

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
    warm_runs: warmRuns,
    warm_run_ms_p50: round(pct(warm, 50)),
    warm_run_ms_p95: round(pct(warm, 95)),
    cold_run_ms_p50: round(pct(cold, 50)),
    cold_first_run_ms: round(cold[0]!),
    vitest_run_ms_p50: round(pct(vitest, 50)),
    vs_vitest: round(pct(vitest, 50) / pct(warm, 50)),
  };
  console.log(`runner bench: ${id}, visible suites, reference solution, ${tests} tests`);
  console.log(`  warm   p50 ${figures.warm_run_ms_p50} ms   p95 ${figures.warm_run_ms_p95} ms   (${warmRuns} runs; target p50 <= 150)`);
  console.log(`  cold   p50 ${figures.cold_run_ms_p50} ms   first ${figures.cold_first_run_ms} ms   (${coldRuns} runs; target <= 600)`);
  console.log(`  vitest p50 ${figures.vitest_run_ms_p50} ms   (${vitestRuns} runs)   vs_vitest ${figures.vs_vitest}x (target >= 10)`);
  console.log(JSON.stringify(figures));
}
