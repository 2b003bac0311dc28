// The real exercise through the sandboxed runner: the reference solution passes every visible and
// hidden test, the starter earns no points, and every mutant fails at least one test.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { createRunner, loadRunnerExercise, readEditableFiles } from '../../../electron/engine/runner';

const exercisesDir = path.resolve(__dirname, '../../../exercises');
const dir = path.join(exercisesDir, 'orders-lifecycle');
const exercise = loadRunnerExercise(exercisesDir, 'orders-lifecycle');
const runner = createRunner({ exercisesDir, warm: 1 });
afterAll(() => runner.close());

// Mutants are patches against the solution; the content loader applies them.
const mutants = Object.entries(loadExercise(exercisesDir, 'orders-lifecycle').mutants);

describe('orders-lifecycle through the runner', () => {
  it('the reference solution passes every visible and hidden test', async () => {
    const r = await runner.run({ exerciseId: 'orders-lifecycle', files: readEditableFiles(exercise, path.join(dir, 'solution')), suites: 'all' });
    const failed = r.tests.filter((t) => t.status !== 'pass').map((t) => `${t.name}: ${t.message}`);
    expect(failed).toEqual([]);
    expect(r.status).toBe('pass');
    expect(r.suites.every((s) => s.status === 'pass')).toBe(true);
    expect(r.tests.some((t) => t.visibility === 'hidden')).toBe(true);
    expect(r.points).toBe(r.max_points);
  });

  it('the starter fails every test worth points', async () => {
    const r = await runner.run({ exerciseId: 'orders-lifecycle', files: readEditableFiles(exercise, path.join(dir, 'starter')), suites: 'all' });
    expect(r.status).toBe('fail');
    const accidental = r.tests.filter((t) => t.max_points > 0 && t.status === 'pass').map((t) => t.name);
    expect(accidental).toEqual([]);
    expect(r.points).toBe(0);
  });

  it('has mutants to try', () => expect(mutants.length).toBeGreaterThan(0));

  it.each(mutants)('mutant %s fails at least one test', async (_name, files) => {
    const r = await runner.run({ exerciseId: 'orders-lifecycle', files, suites: 'all' });
    expect(r.status).not.toBe('pass');
    expect(r.tests.filter((t) => t.status !== 'pass').length).toBeGreaterThan(0);
  });
});
