// The manifest's `hiddenTests` summary (what the student's results panel announces: "the instructor
// will also run N hidden tests worth P points") must match the hidden suites the grader really runs.
// When a hidden suite gains or loses a test or its points change, this fails with the numbers to write.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { createRunner } from '../../../electron/engine/runner';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));
const ids = fs.readdirSync(EXERCISES).filter((id) => fs.existsSync(`${EXERCISES}/${id}/exercise.json`)).sort();
const runner = createRunner({ exercisesDir: EXERCISES });
afterAll(() => runner.close());

describe('hidden tests announced to the student', () => {
  it.each(ids)('%s: the manifest says how many hidden tests and points there are', async (id) => {
    const exercise = loadExercise(EXERCISES, id);
    const hiddenSuites = exercise.manifest.suites.filter((s) => s.visibility === 'hidden');
    const result = await runner.run({ exerciseId: id, files: exercise.solution, suites: 'all' });
    const hidden = result.suites.filter((s) => s.visibility === 'hidden');
    expect(hidden.map((s) => s.id).sort()).toEqual(hiddenSuites.map((s) => s.id).sort());
    const actual = { count: hidden.reduce((n, s) => n + s.tests, 0), points: hidden.reduce((n, s) => n + s.max_points, 0) };
    const declared = exercise.manifest.hiddenTests ?? { count: 0, points: 0 };
    expect(declared, `write "hiddenTests": ${JSON.stringify(actual)} into exercises/${id}/exercise.json`).toEqual(actual);
  }, 120_000);
});
