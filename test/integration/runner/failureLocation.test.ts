// A failing plain `expect` (#15 item 13): the message names what was compared, and the result points
// at the line of the failing assertion, not at the `it(` that declares the test.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunner, loadRunnerExercise, readEditableFiles } from '../../../electron/engine/runner';
import { applyMutantPatch } from '../../../electron/engine/content/mutantPatches';

const exercisesDir = path.resolve(__dirname, '../../../exercises');
const dir = path.join(exercisesDir, 'orders-lifecycle');
const exercise = loadRunnerExercise(exercisesDir, 'orders-lifecycle');
const runner = createRunner({ exercisesDir, warm: 1 });
afterAll(() => runner.close());

const testFile = 'tests/visible/deliver.test.ts';
const testSource = fs.readFileSync(path.join(dir, testFile), 'utf8').split('\n');
const lineOf = (text: string) => testSource.findIndex((l) => l.includes(text)) + 1;

describe('where a plain expect failed', () => {
  it('names the compared expression and gives the failing line', async () => {
    const files = readEditableFiles(exercise, path.join(dir, 'solution'));
    const [name] = Object.keys(files);
    const wrong = files[name!]!.replace('this.deliveredAt = event.deliveredAt;', "this.deliveredAt = '2001-01-01T00:00:00.000Z';");
    expect(wrong).not.toBe(files[name!]);
    const r = await runner.run({ exerciseId: 'orders-lifecycle', files: { ...files, [name!]: wrong }, suites: 'visible' });
    const failed = r.tests.find((t) => t.name.includes('leaves the order delivered'));
    expect(failed?.status).toBe('fail');
    expect(failed!.message).toMatch(/^expect\(order\.deliveredAt\): expected "2001-01-01T00:00:00\.000Z" to be "/);
    expect(failed!.line).toBe(lineOf("it('leaves the order delivered"));
    expect(failed!.failed_line).toBe(lineOf('expect(order.deliveredAt).toBe(NOW)'));
  });

  it('names the compared expression in a hidden test\'s failure too (the instructor reads it in the gradebook)', async () => {
    const files = readEditableFiles(exercise, path.join(dir, 'solution'));
    const patch = fs.readFileSync(path.join(dir, 'mutants', 'version-not-incremented.patch'), 'utf8');
    const mutant = applyMutantPatch('version-not-incremented', patch, files);
    const r = await runner.run({ exerciseId: 'orders-lifecycle', files: mutant, suites: 'all' });
    // Every failed plain toBe of a hidden test: "expected 1 to be 2" alone would name nothing.
    const hidden = r.tests.filter((t) => t.visibility === 'hidden' && t.status === 'fail' && / to be (?!an instance)/.test(t.message ?? '') && !/differences:/.test(t.message ?? ''));
    expect(hidden.length).toBeGreaterThan(0);
    for (const t of hidden) expect(t.message).toMatch(/^expect\(.+\): expected /);
    expect(hidden.some((t) => t.message!.startsWith('expect(order.version): expected 1 to be 2'))).toBe(true);
    // A hidden test still gives away no line of its file.
    for (const t of r.tests.filter((x) => x.visibility === 'hidden')) expect(t.failed_line).toBeUndefined();
  });
});
