// The results panel's "older code" mark depends on hashing the editor's files exactly as the engine
// hashes a run's code.
import { describe, expect, it } from 'vitest';
import { codeHash } from '../../../renderer/src/features/exercises/results/codeHash';
import { hashFiles } from '../../../electron/engine/progress/exercisesProgress';

describe('codeHash', () => {
  it('equals the engine hash of a run for the same files, whatever their order', async () => {
    const files = { 'b.ts': 'export const b = "ё";\n', 'OrderAggregate.ts': 'class A {}\n' };
    expect(await codeHash(files)).toBe(hashFiles(files));
    expect(await codeHash({ 'OrderAggregate.ts': files['OrderAggregate.ts'], 'b.ts': files['b.ts'] })).toBe(hashFiles(files));
  });

  it('changes when one character or a file name changes', async () => {
    const base = await codeHash({ 'a.ts': 'x' });
    expect(await codeHash({ 'a.ts': 'y' })).not.toBe(base);
    expect(await codeHash({ 'b.ts': 'x' })).not.toBe(base);
    expect(await codeHash({ 'a.ts': 'x', 'c.ts': '' })).not.toBe(base);
  });
});
