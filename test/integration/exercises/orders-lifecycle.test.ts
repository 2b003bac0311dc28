// Proves the orders-lifecycle package is a fair exercise, through the real sandboxed runner:
// the solution passes everything, the starter passes no graded test by accident, and every
// deliberately wrong solution (mutant) is caught by at least one test.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '../../../electron/engine/content/loadExercise';
import { createRunner, type Runner, type RunResult } from '../../../electron/engine/runner';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));
const ID = 'orders-lifecycle';

let exercise: LoadedExercise;
let runner: Runner;

beforeAll(async () => {
  exercise = loadExercise(EXERCISES, ID);
  runner = createRunner({ exercisesDir: EXERCISES });
  await runner.warmUp(ID);
});

afterAll(async () => {
  await runner?.close();
});

function run(files: Record<string, string>): Promise<RunResult> {
  return runner.run({ exerciseId: ID, files, suites: 'all' });
}

/** Suites worth points test the student's four methods; 0-point suites only show the given code. */
function gradedSuiteIds(): Set<string> {
  return new Set(exercise.manifest.suites.filter((suite) => suite.pointsPerTest > 0).map((suite) => suite.id));
}

describe('orders-lifecycle under the sandboxed runner', () => {
  it('the reference solution passes every visible and hidden test', async () => {
    const result = await run(exercise.solution);
    const failures = result.tests.filter((test) => test.status !== 'pass').map((test) => `${test.name}: ${test.message}`);
    expect(failures).toEqual([]);
    expect(result.status).toBe('pass');
    for (const suite of exercise.manifest.suites) {
      const summary = result.suites.find((s) => s.id === suite.id);
      expect(summary?.tests ?? 0, `suite ${suite.id} ran no tests`).toBeGreaterThan(0);
    }
    expect(result.points).toBe(result.max_points);
  });

  it('the starter fails every graded test and passes only the tests of the given code', async () => {
    const result = await run(exercise.starter);
    const graded = gradedSuiteIds();
    const passedByAccident = result.tests.filter((test) => graded.has(test.suite) && test.status !== 'fail');
    expect(passedByAccident.map((test) => `${test.suite}: ${test.name} (${test.status})`)).toEqual([]);
    const givenCodeFailures = result.tests.filter((test) => !graded.has(test.suite) && test.status !== 'pass');
    expect(givenCodeFailures.map((test) => test.name)).toEqual([]);
    expect(result.tests.filter((test) => graded.has(test.suite)).length).toBeGreaterThan(50);
    expect(result.points).toBe(0);
  });

  it('ships at least ten mutants, each different from the solution', () => {
    const names = Object.keys(exercise.mutants);
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(exercise.mutants[name], name).not.toEqual(exercise.solution);
  });

  it('every mutant fails at least one test (and is caught by a test, not by a build error)', async () => {
    const survivors: string[] = [];
    for (const [name, files] of Object.entries(exercise.mutants)) {
      const result = await run(files);
      const erroredSuites = result.suites.filter((suite) => suite.status === 'error').map((suite) => `${suite.id}: ${suite.message}`);
      expect(erroredSuites, `mutant ${name}`).toEqual([]);
      expect(result.status, `mutant ${name}: ${result.message}`).not.toBe('error');
      if (!result.tests.some((test) => test.status === 'fail')) survivors.push(name);
    }
    expect(survivors).toEqual([]);
  });
});
