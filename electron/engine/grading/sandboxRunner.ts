// The grader's door to the sandboxed runner: every suite (visible + hidden) of the instructor's copy of
// the exercise, through the runner's value API. The exercise comes from the grading catalog as values;
// with --hidden-tests, the hidden test files are read once and put under tests/hidden/ in memory (no
// copy of the exercises folder), so the runner bundles the same test set for every submission.
import fs from 'node:fs';
import path from 'node:path';
import { createRunner, type Runner, type RunnerStats } from '../runner';
import type { CatalogExercise } from './exerciseCatalog';
import type { GradingRunner } from './grader';

export interface SandboxGradingRunnerOptions {
  /** Warm sandbox processes to keep (the grading concurrency), when this door starts its own runner. */
  poolSize?: number;
  /** A long-lived runner to use (the app's engine runner, its one sandbox pool); never closed here. */
  runner?: Runner;
}

/** Every file below `dir`, relative to it with forward slashes. */
function filesBelow(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return filesBelow(dir, child);
    return entry.isFile() ? [child] : [];
  });
}

export function createSandboxGradingRunner(options: SandboxGradingRunnerOptions = {}): GradingRunner & { prepare(): void; close(): Promise<void>; stats(): RunnerStats } {
  // Its own runner serves grading only: a fresh process per submission, so processes are tuned for one run.
  const own = options.runner ? undefined : createRunner({ warm: Math.max(1, options.poolSize ?? 1), compilerTier: 'baseline' });
  const runner = options.runner ?? own!;
  /** The test set per exercise copy and hidden-tests folder: one Map object, so the runner keys its bundles once. */
  const testSets = new Map<string, ReadonlyMap<string, string>>();
  const testsFor = (exercise: CatalogExercise, hiddenTestsDir: string | undefined): ReadonlyMap<string, string> => {
    const key = `${exercise.dir}\u0000${hiddenTestsDir ?? ''}`;
    let tests = testSets.get(key);
    if (!tests) {
      const map = new Map(Object.entries(exercise.testFiles));
      if (hiddenTestsDir) {
        for (const rel of filesBelow(hiddenTestsDir)) map.set(`tests/hidden/${rel}`, fs.readFileSync(path.join(hiddenTestsDir, rel), 'utf8'));
      }
      tests = map;
      testSets.set(key, tests);
    }
    return tests;
  };
  return {
    async run({ exercise, files, hiddenTestsDir }) {
      const { manifest } = exercise;
      return runner.runSuites({
        id: exercise.id,
        readonly: exercise.readonly,
        files,
        editable: manifest.editable,
        tests: testsFor(exercise, hiddenTestsDir),
        suites: manifest.suites,
        limits: manifest.limits,
        allowedImports: manifest.allowedImports,
      });
    },
    prepare() {
      // Builds the harness and starts fresh processes ahead of the first run; a failure shows again at that run.
      runner.warmUp().catch(() => undefined);
    },
    stats: () => runner.stats(),
    async close() {
      testSets.clear();
      await own?.close();
    },
  };
}
