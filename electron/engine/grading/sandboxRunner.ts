// The grader's door to the sandboxed runner: every suite (visible + hidden) of the instructor's copy of
// the exercise. With --hidden-tests, the hidden suites come from that folder: the exercises are copied to
// a temporary overlay with the hidden tests put in place, so the runner reads them like any suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRunner, type Runner } from '../runner';
import type { GradingRunner } from './grader';

export interface SandboxGradingRunnerOptions {
  /** Warm sandbox processes to keep (the grading concurrency). */
  poolSize?: number;
  /** A long-lived runner to reuse for this exercises folder (the app's engine runner); never closed here. */
  shared?: { exercisesDir: string; runner: Runner };
}

export function createSandboxGradingRunner(options: SandboxGradingRunnerOptions = {}): GradingRunner & { close(): Promise<void> } {
  const runners = new Map<string, Runner>();
  const sharedDir = options.shared ? path.resolve(options.shared.exercisesDir) : null;
  const overlays = new Map<string, string>();
  const runnerFor = (exercisesDir: string): Runner => {
    if (options.shared && path.resolve(exercisesDir) === sharedDir) return options.shared.runner;
    let r = runners.get(exercisesDir);
    if (!r) {
      r = createRunner({ exercisesDir, warm: Math.max(1, options.poolSize ?? 1) });
      runners.set(exercisesDir, r);
    }
    return r;
  };
  const overlayFor = (exercisesRoot: string, hiddenDir: string, exerciseId: string): string => {
    const key = `${exercisesRoot}\u0000${hiddenDir}\u0000${exerciseId}`;
    let dir = overlays.get(key);
    if (!dir) {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-grading-'));
      fs.cpSync(exercisesRoot, dir, { recursive: true });
      const target = path.join(dir, exerciseId, 'tests', 'hidden');
      fs.mkdirSync(target, { recursive: true });
      fs.cpSync(hiddenDir, target, { recursive: true });
      overlays.set(key, dir);
    }
    return dir;
  };
  return {
    async run({ exercise, files, hiddenTestsDir }) {
      const root = path.dirname(exercise.dir);
      const exercisesDir = hiddenTestsDir ? overlayFor(root, hiddenTestsDir, exercise.id) : root;
      return runnerFor(exercisesDir).run({ exerciseId: exercise.id, files, suites: 'all' });
    },
    async close() {
      await Promise.all([...runners.values()].map((r) => r.close()));
      runners.clear();
      for (const dir of overlays.values()) fs.rmSync(dir, { recursive: true, force: true });
      overlays.clear();
    },
  };
}
