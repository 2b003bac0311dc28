// The similarity report reads only the code, never a run's result, so the grader computes it as soon as
// the last run has started (while the last runs finish in their sandboxes) instead of after every run on
// an idle machine. Shown without any clock: the run that completes last finds the report already made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxGradingRunner, grade, type GradingRunner } from '../../../electron/engine/grading';
import { buildBenchClass, ROOT } from './fixtureClass';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-similarity-overlap-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the similarity report during the last runs', () => {
  it('is computed before the last run completes, and is the same report', async () => {
    const input = path.join(work, 'class');
    buildBenchClass(input, 4, path.join(work, 'ESCAPED'));
    const sandbox = createSandboxGradingRunner({ poolSize: 2 });
    const timings: Record<string, number> = {};
    /** For each run, in the order they completed: whether the similarity report existed then. */
    const reportReady: boolean[] = [];
    const observed: GradingRunner = {
      async run(request) {
        const result = await sandbox.run(request);
        reportReady.push(timings.similarity !== undefined);
        return result;
      },
    };
    try {
      const options = { input, exercisesRoot: path.join(ROOT, 'exercises'), concurrency: 2, similarity: { engineDir: path.join(ROOT, 'electron', 'engine') } };
      const gradebook = await grade({ ...options, runner: observed, timings });
      // The reference run and 4 submissions; the first runs completed before it, the last one after it.
      expect(reportReady).toHaveLength(5);
      expect(reportReady[0]).toBe(false);
      expect(reportReady.at(-1)).toBe(true);
      // The same report as a grading that computes it after every run (concurrency 1: the pool drains with the last run).
      const serial = await grade({ ...options, runner: sandbox, concurrency: 1 });
      expect(gradebook.similarity).toEqual(serial.similarity);
      expect(gradebook.entries.map((e) => e.similarity)).toEqual(serial.entries.map((e) => e.similarity));
      expect(gradebook.similarity?.pairs_over_threshold).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });
});
