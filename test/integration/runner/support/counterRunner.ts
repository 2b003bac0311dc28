// The counter fixture exercise for the runner's hostile tests: its folder, reference solution and starter,
// and one warm runner per test file (made before the file's tests, closed after them) with `run`, which
// runs a Counter.ts against all its suites.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createRunner, type RunResult, type Runner } from '../../../../electron/engine/runner';

export const exercisesDir = path.resolve(__dirname, '../../../fixtures/exercises');
export const solution = fs.readFileSync(path.join(exercisesDir, 'counter/solution/Counter.ts'), 'utf8');
export const starter = fs.readFileSync(path.join(exercisesDir, 'counter/starter/Counter.ts'), 'utf8');

/** Registers the file's runner; the returned `run` may be called from its tests. */
export function useCounterRunner(): (source: string, owner?: string) => Promise<RunResult> {
  let runner: Runner;
  beforeAll(() => {
    runner = createRunner({ exercisesDir, warm: 1 });
  });
  afterAll(() => runner.close());
  return (source, owner) => runner.run({ exerciseId: 'counter', files: { 'Counter.ts': source }, suites: 'all', owner });
}
