// Where a warm Run tests goes on the host, for `npm run bench -- runner`: a CPU profile (bench/lib/profile.ts)
// of the runner in this process (the student's build, reading and checking the sandbox's messages,
// assembling the result), the sandbox process's own work being idle time here (a real sandbox process
// is profiled by runnerWarmProfile.ts).
import type { Runner } from '../../electron/engine/runner';
import { fn, profile, type Breakdown, type Group } from './profile';

const inFile = (file: string) => (_: string, url: string) => url.endsWith(file);
const gc: Group = ['garbage collection', (name) => name === '(garbage collector)'];
/** The inspector collecting the profile at its end (counted once, spread over the runs): not the runs' work. */
const profiler: Group = ['the profiler itself (collecting the profile)', (name, url) => name === 'dispatch' && url === ''];

const HOST_GROUPS: Group[] = [
  ["the student's build (esbuild service calls)", (name, url) => url.includes('/esbuild/') || url.endsWith('runner/studentModules.ts') || url.endsWith('runner/runBundle.ts')],
  ["checking the sandbox's messages (zod)", (_, url) => url.includes('/zod/')],
  ["reading the sandbox's output", fn(['onStdout'], 'runner/sandboxPool.ts')],
  ['results: assembling, test code, source maps', (_, url) => ['runner/assemble.ts', 'runner/testCode.ts', 'runner/sourcemap.ts', 'runner/results.ts'].some((f) => url.endsWith(f))],
  ['pool and process handling', inFile('runner/sandboxPool.ts')],
  gc,
  profiler,
];

/** The host's side of `runs` warm runs (one owner) of a started runner. */
export function hostBreakdown(runner: Runner, exerciseId: string, files: () => Record<string, string>, runs: number): Promise<Breakdown> {
  return profile(async () => {
    for (let i = 0; i < runs; i++) {
      const r = await runner.run({ exerciseId, files: files(), owner: 'bench' });
      if (r.status !== 'pass') throw new Error('the solution did not pass in the profiled runs');
    }
  }, HOST_GROUPS);
}
