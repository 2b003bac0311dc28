// What the workspace reads from exercise packages: validated manifests, never hidden tests, and one
// broken package does not hide the others.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseSource } from '../../../electron/engine/progress/exercisesContent';

const real = path.resolve(__dirname, '../../../exercises/orders-lifecycle');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-ex-content-'));
fs.cpSync(real, path.join(tmp, 'exercises/orders-lifecycle'), { recursive: true });
fs.mkdirSync(path.join(tmp, 'exercises/broken'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'exercises/broken/exercise.json'), '{"id": "broken"');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('exercise source', () => {
  it('lists the valid exercise and leaves the broken one out', () => {
    expect(exerciseSource(tmp).list().map((e) => e.manifest.id)).toEqual(['orders-lifecycle']);
  });

  it('opening a broken exercise names its file', () => {
    expect(() => exerciseSource(tmp).load('broken')).toThrow(/exercise\.json/);
  });

  it('reads the starter, the readonly files and the visible tests only', () => {
    const ex = exerciseSource(tmp).load('orders-lifecycle')!;
    expect(Object.keys(ex.starter)).toEqual(ex.manifest.editable);
    expect(Object.keys(ex.readonly).sort()).toEqual([...ex.manifest.readonly].sort());
    expect(Object.keys(ex.visibleTests).every((f) => f.startsWith('tests/visible/'))).toBe(true);
    expect(Object.keys(ex.visibleTests).length).toBe(ex.manifest.suites.filter((s) => s.visibility === 'visible').length);
  });

  it('an unknown or malformed id is simply not there', () => {
    expect(exerciseSource(tmp).load('nope')).toBeNull();
    expect(exerciseSource(tmp).load('../etc')).toBeNull();
  });
});
