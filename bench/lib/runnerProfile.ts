// Where a warm Run tests goes, for `npm run bench -- runner`: CPU profiles (bench/lib/profile.ts) of
//   - the sandbox's work: the harness code itself (the same runSuite, contexts and checks the sandbox
//     process runs), driven in this process over the same test bundle and student modules, with the
//     contexts for the next run made between runs as the sandbox process does while it waits;
//   - the host's work: the runner in this process (the student's build, reading and checking the
//     sandbox's messages, assembling the result), the sandbox process itself being idle time here.
// The sandbox process cannot be profiled in place (it may write no file), hence the harness here.
import type { Runner, RunnerExercise } from '../../electron/engine/runner';
import { RunBundler } from '../../electron/engine/runner/runBundle';
import { runSuite } from '../../electron/engine/runner/sandbox/harness';
import { forgetScripts, keepScript, prepareSpare, setJobModules } from '../../electron/engine/runner/sandbox/globals';
import { fn, profile, type Breakdown, type Group } from './profile';

const inFile = (file: string) => (_: string, url: string) => url.endsWith(file);
const gc: Group = ['garbage collection', (name) => name === '(garbage collector)'];
/** The inspector collecting the profile at its end (counted once, spread over the runs): not the runs' work. */
const profiler: Group = ['the profiler itself (collecting the profile)', (name, url) => name === 'dispatch' && url === ''];

const SANDBOX_GROUPS: Group[] = [
  ["contexts made ahead, between runs (createContext, prelude, built-ins snapshot)", fn(['prepare'], 'sandbox/globals.ts')],
  ['built-ins checks (after loading, after the tests)', fn(['changed'], 'sandbox/integrity.ts')],
  ['freezing the read-only exports', fn(['freezeModule'], 'sandbox/freeze.ts')],
  ["loading the bundle and the student's module in each context", fn(['load'], 'sandbox/globals.ts')],
  ['tests and hooks (with expect)', fn(['drive'], 'sandbox/globals.ts')],
  ['reports as JSON', fn(['report'], 'lib/runnerProfile.ts')],
  gc,
  profiler,
];

const HOST_GROUPS: Group[] = [
  ["the student's build (esbuild service calls)", (name, url) => url.includes('/esbuild/') || url.endsWith('runner/studentModules.ts') || url.endsWith('runner/runBundle.ts')],
  ["checking the sandbox's messages (zod)", (_, url) => url.includes('/zod/')],
  ["reading the sandbox's output", fn(['onStdout'], 'runner/sandboxPool.ts')],
  ['results: assembling, test code, source maps', (_, url) => ['runner/assemble.ts', 'runner/testCode.ts', 'runner/sourcemap.ts', 'runner/results.ts'].some((f) => url.endsWith(f))],
  ['pool and process handling', inFile('runner/sandboxPool.ts')],
  gc,
  profiler,
];

/** The sandbox's side of `runs` runs of the visible suites, in this process (see the file's comment). */
export async function sandboxBreakdown(exercise: RunnerExercise, files: () => Record<string, string>, engineDir: string, runs: number): Promise<Breakdown> {
  const visible = exercise.manifest.suites.filter((s) => s.visibility === 'visible');
  const bundler = new RunBundler({
    engineDir,
    tests: exercise.tests,
    suites: visible.map((s) => s.file),
    readonlyFiles: [...exercise.readonly.keys()],
    editable: exercise.manifest.editable,
    allowedImports: exercise.manifest.allowedImports ?? [],
  });
  const built = await Promise.all(Array.from({ length: runs + 2 }, () => bundler.bundle(exercise.readonly, files())));
  await bundler.close();
  const report = (x: unknown) => JSON.stringify(x);
  const oneRun = async (k: number) => {
    const b = built[k]!;
    if (!b.ok) throw new Error(`the solution did not build: ${b.message}`);
    keepScript(b.bundle.code, 'suites.js');
    setJobModules(b.modules);
    for (let index = 0; index < visible.length; index++) {
      const r = await runSuite({
        code: b.bundle.code,
        filename: 'suites.js',
        index,
        testTimeoutMs: 1250,
        testOutputCap: 8000,
        outputBudget: { left: 1_000_000 },
        onTest: (t) => {
          if (t.status !== 'pass') throw new Error(`a test failed in the profiled run: ${t.message}`);
          report(t);
        },
      });
      report(r);
    }
    forgetScripts();
    while (prepareSpare(visible.length));
  };
  await oneRun(0);
  await oneRun(1);
  return profile(async () => {
    for (let k = 2; k < runs + 2; k++) await oneRun(k);
  }, SANDBOX_GROUPS);
}

/** The host's side of `runs` warm runs (one owner) of a started runner. */
export function hostBreakdown(runner: Runner, exerciseId: string, files: () => Record<string, string>, runs: number): Promise<Breakdown> {
  return profile(async () => {
    for (let i = 0; i < runs; i++) {
      const r = await runner.run({ exerciseId, files: files(), owner: 'bench' });
      if (r.status !== 'pass') throw new Error('the solution did not pass in the profiled runs');
    }
  }, HOST_GROUPS);
}
