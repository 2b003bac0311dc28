// The completeness check of the Russian test names: every exercise's reference solution and starter
// run with all suites (visible and hidden), and each suite's `ruNames` table must name every describe
// and it segment produced at run time (template literals and each() rows expanded) and hold no key
// that names nothing. A Russian class must never meet an English test name.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { createRunner, type Runner, type RunResult } from '../../../electron/engine/runner';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));

/**
 * Exercises whose tables are still being written. Remove an id from this list in the same commit
 * that completes its tables: this test fails for an exercise on the list that is in fact complete,
 * so the list can only shrink, and fails with the full list of gaps for every exercise not on it.
 */
const NOT_YET_TRANSLATED = new Set<string>([]);

const ids = fs
  .readdirSync(EXERCISES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(`${EXERCISES}/${d.name}/exercise.json`))
  .map((d) => d.name)
  .sort();

/** Every gap of one run, as lines naming the suite file and the name. */
function gaps(result: RunResult): string[] {
  const out: string[] = [];
  for (const s of result.suites) {
    if (!s.ru_names) {
      out.push(`${s.file}: did not load (${s.message ?? 'no report'}), so its names could not be checked`);
      continue;
    }
    if (!s.ru_names.table) out.push(`${s.file}: exports no ruNames table`);
    for (const name of s.ru_names.missing) out.push(`${s.file}: no Russian name for ${JSON.stringify(name)}`);
    for (const key of s.ru_names.unused) out.push(`${s.file}: ruNames key names no describe/it: ${JSON.stringify(key)}`);
  }
  return out;
}

describe('Russian names of every exercise test (ruNames)', () => {
  let runner: Runner;
  beforeAll(() => {
    runner = createRunner({ exercisesDir: EXERCISES, warm: 0 });
  });
  afterAll(async () => {
    await runner?.close();
  });

  it('lists only exercises that exist', () => {
    expect([...NOT_YET_TRANSLATED].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it.each(ids)('%s: every describe/it name has a Russian name and every table key is used', async (id) => {
    const exercise = loadExercise(EXERCISES, id);
    const found = new Set<string>();
    for (const files of [exercise.solution, exercise.starter]) {
      const result = await runner.run({ exerciseId: id, files, suites: 'all' });
      for (const line of gaps(result)) found.add(line);
    }
    if (NOT_YET_TRANSLATED.has(id)) {
      expect(found.size, `${id} is complete: remove it from NOT_YET_TRANSLATED in test/integration/exercises/ruNames.test.ts`).toBeGreaterThan(0);
    } else {
      expect([...found]).toEqual([]);
    }
  });
});
