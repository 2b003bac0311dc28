// The proof every exercise package owes, through the real sandboxed runner: the reference solution
// passes every visible and hidden test, the starter passes no graded test by accident (and does
// pass the 0-point suites that only show the given code), and every mutant is caught by a test.
// Every exercise calls it from test/integration/exercises/<id>.test.ts with its own thresholds.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '../../../../electron/engine/content/loadExercise';
import { createRunner, type Runner, type RunResult } from '../../../../electron/engine/runner';

const EXERCISES = fileURLToPath(new URL('../../../../exercises', import.meta.url));

export interface ProofOptions {
  /** The starter must fail at least this many graded tests (guards against a suite that lost its tests). */
  minGradedTests: number;
  /** Mutants the package must ship (the course standard is 6). */
  minMutants?: number;
}

export function proveExercise(id: string, { minGradedTests, minMutants = 6 }: ProofOptions): void {
  let exercise: LoadedExercise;
  let runner: Runner;

  beforeAll(async () => {
    exercise = loadExercise(EXERCISES, id);
    runner = createRunner({ exercisesDir: EXERCISES });
    await runner.warmUp(id);
  });

  afterAll(async () => {
    await runner?.close();
  });

  const run = (files: Record<string, string>): Promise<RunResult> => runner.run({ exerciseId: id, files, suites: 'all' });

  /** Suites worth points test the student's code; 0-point suites only show the given code. */
  const gradedSuiteIds = () =>
    new Set(exercise.manifest.suites.filter((suite) => suite.pointsPerTest > 0).map((suite) => suite.id));

  describe(`${id} under the sandboxed runner`, () => {
    it('the reference solution passes every visible and hidden test', async () => {
      const result = await run(exercise.solution);
      const failures = result.tests.filter((test) => test.status !== 'pass').map((test) => `${test.name}: ${test.message}`);
      expect(failures).toEqual([]);
      expect(result.status, result.message ?? undefined).toBe('pass');
      for (const suite of exercise.manifest.suites) {
        const summary = result.suites.find((s) => s.id === suite.id);
        expect(summary?.tests ?? 0, `suite ${suite.id} ran no tests`).toBeGreaterThan(0);
      }
      expect(result.points).toBe(result.max_points);
    });

    it('the starter fails every graded test and passes only the tests of the given code', async () => {
      const result = await run(exercise.starter);
      expect(result.status, result.message ?? undefined).not.toBe('error');
      const graded = gradedSuiteIds();
      const passedByAccident = result.tests.filter((test) => graded.has(test.suite) && test.status !== 'fail');
      expect(passedByAccident.map((test) => `${test.suite}: ${test.name} (${test.status})`)).toEqual([]);
      const givenCodeFailures = result.tests.filter((test) => !graded.has(test.suite) && test.status !== 'pass');
      expect(givenCodeFailures.map((test) => `${test.name}: ${test.message}`)).toEqual([]);
      expect(result.tests.filter((test) => graded.has(test.suite)).length).toBeGreaterThanOrEqual(minGradedTests);
      expect(result.points).toBe(0);
    });

    it(`ships at least ${minMutants} mutants, each different from the solution`, () => {
      const names = Object.keys(exercise.mutants);
      expect(names.length).toBeGreaterThanOrEqual(minMutants);
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
}
