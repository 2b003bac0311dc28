// The proof every exercise package owes, through the real sandboxed runner: the reference solution
// passes every visible and hidden test; the starter passes no graded test by accident (and does pass
// the 0-point suites that only show the given code); every mutant (mutants/<name>.patch) changes the
// solution's code, not only its comments, and costs the student at least the share of the points
// that the manifest's `minMutantLoss` states (a suite that catches a real mistake carries points).
// Every exercise calls it from test/integration/exercises/<id>.test.ts with its own thresholds.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '../../../../electron/engine/content/loadExercise';
import { createRunner, type Runner, type RunResult } from '../../../../electron/engine/runner';
import { filesWithChangedCode } from './codeChange';

const EXERCISES = fileURLToPath(new URL('../../../../exercises', import.meta.url));

export interface ProofOptions {
  /** The starter must fail at least this many graded tests (guards against a suite that lost its tests). */
  minGradedTests: number;
  /** Mutants the package must ship (the course standard is 6). */
  minMutants?: number;
}

/** The share of the points a run lost (0 = full marks, 1 = nothing). */
export function lostShare(result: Pick<RunResult, 'points' | 'max_points'>): number {
  return result.max_points > 0 ? (result.max_points - result.points) / result.max_points : 0;
}

export function proveExercise(id: string, { minGradedTests, minMutants = 6 }: ProofOptions): void {
  // Loaded while the tests are collected, so that each mutant gets a test of its own.
  const exercise: LoadedExercise = loadExercise(EXERCISES, id);
  const mutantNames = Object.keys(exercise.mutants);
  let runner: Runner;

  beforeAll(async () => {
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

    it(`ships at least ${minMutants} mutants, each changing the solution's code (not only its comments)`, () => {
      const names = Object.keys(exercise.mutants);
      expect(names.length).toBeGreaterThanOrEqual(minMutants);
      const unchanged = names.filter((name) => filesWithChangedCode(exercise.solution, exercise.mutants[name]!).length === 0);
      expect(unchanged, 'mutants whose code is the solution\'s').toEqual([]);
    });

    it("the manifest states the share of the points every mutant must lose (minMutantLoss)", () => {
      expect(exercise.manifest.minMutantLoss, `${id}/exercise.json needs "minMutantLoss"`).toBeGreaterThan(0);
    });

    // One test per mutant: each gets its own time budget on a busy machine, and a report names it.
    for (const name of mutantNames) {
      it(`mutant ${name} is caught by a test (not by a build error) and loses at least minMutantLoss of the points`, async () => {
        const result = await run(exercise.mutants[name]!);
        const erroredSuites = result.suites.filter((suite) => suite.status === 'error').map((suite) => `${suite.id}: ${suite.message}`);
        expect(erroredSuites).toEqual([]);
        expect(result.status, result.message ?? undefined).not.toBe('error');
        const minLoss = exercise.manifest.minMutantLoss ?? 0;
        const lost = lostShare(result);
        expect(
          lost,
          `${name} loses ${(lost * 100).toFixed(1)}% (${result.max_points - result.points} of ${result.max_points} points); at least ${(minLoss * 100).toFixed(1)}% is required`,
        ).toBeGreaterThanOrEqual(minLoss);
        expect(lost).toBeGreaterThan(0);
      });
    }
  });
}
