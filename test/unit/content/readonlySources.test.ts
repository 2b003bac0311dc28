// Every exercise's read-only copy of an engine module keeps that module's code (manifest field
// readonlySources), so the student's code, the playground and the engine speak the same language;
// and the check itself catches a copy whose code drifted while letting its comments differ.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { codeWithoutComments, readonlySourceProblems } from '../../../electron/engine/content/readonlySources';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));
const ENGINE = fileURLToPath(new URL('../../../electron/engine', import.meta.url));
const ids = readdirSync(EXERCISES).sort();

describe('read-only copies of engine modules', () => {
  it.each(ids)('%s: each declared copy has its engine source\'s code', (id) => {
    expect(readonlySourceProblems(loadExercise(EXERCISES, id), ENGINE)).toEqual([]);
  });

  it('the order exercises declare the domain files they copy', () => {
    const declared = (id: string) => Object.keys(loadExercise(EXERCISES, id).manifest.readonlySources ?? {}).sort();
    expect(declared('orders-lifecycle')).toEqual(['checks.ts', 'clock.ts', 'commands.ts', 'errors.ts', 'events.ts', 'items.ts']);
    expect(declared('orders-read-model')).toEqual(['events.ts', 'items.ts']);
    expect(declared('orders-consumer')).toEqual(['events.ts']);
  });

  it('reports a copy whose code drifted, and the copy of a missing source; comments alone are no drift', () => {
    const exercise = loadExercise(EXERCISES, 'bank-account');
    const drifted = { ...exercise, readonly: { ...exercise.readonly, 'checks.ts': exercise.readonly['checks.ts']!.replace('length > 0', 'length >= 0') } };
    expect(readonlySourceProblems(drifted, ENGINE)).toEqual([expect.stringMatching(/^readonly\/checks\.ts no longer has the code of electron\/engine\/domain\/orders\/checks\.ts/)]);
    const recommented = { ...exercise, readonly: { ...exercise.readonly, 'checks.ts': `// worded for this exercise\n${exercise.readonly['checks.ts']!}` } };
    expect(readonlySourceProblems(recommented, ENGINE)).toEqual([]);
    const moved = { ...exercise, manifest: { ...exercise.manifest, readonlySources: { 'clock.ts': 'domain/orders/gone.ts' } } };
    expect(readonlySourceProblems(moved, ENGINE)).toEqual(['readonly/clock.ts: its source electron/engine/domain/orders/gone.ts does not exist']);
  });

  it('keeps types: a changed type annotation is a difference', () => {
    expect(codeWithoutComments('export const a: number = 1;')).not.toBe(codeWithoutComments('export const a: string = 1;'));
  });
});
