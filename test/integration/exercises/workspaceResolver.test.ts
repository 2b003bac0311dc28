// The vitest resolve plugin must map imports exactly as the sandbox runner does, or the suites
// would prove something different under vitest than in the app.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { workspaceResolver } from '../../support/workspaceResolver';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const exercise = path.join(root, 'exercises', 'orders-lifecycle');

function resolverFor(variant: string) {
  const plugin = workspaceResolver({ root, variant });
  const hook = plugin.resolveId as (source: string, importer?: string) => string | null;
  return (source: string, importer?: string) => hook.call({}, source, importer);
}

describe('workspaceResolver', () => {
  const testFile = path.join(exercise, 'tests', 'visible', 'pay.test.ts');

  it("maps '@workspace/X' to the variant's file, else to the read-only one", () => {
    const resolve = resolverFor('starter');
    expect(resolve('@workspace/OrderAggregate', testFile)).toBe(path.join(exercise, 'starter', 'OrderAggregate.ts'));
    expect(resolve('@workspace/events', testFile)).toBe(path.join(exercise, 'readonly', 'events.ts'));
  });

  it('writes a mutant (the solution with its patch applied) and lets it import the read-only files as if they sat next to it', () => {
    const resolve = resolverFor('mutants/loose-amount');
    const mutant = resolve('@workspace/OrderAggregate', testFile)!;
    expect(path.basename(mutant)).toBe('OrderAggregate.ts');
    expect(readFileSync(mutant, 'utf8')).toBe(loadExercise(path.join(root, 'exercises'), 'orders-lifecycle').mutants['loose-amount']!['OrderAggregate.ts']);
    expect(readFileSync(mutant, 'utf8')).toContain('command.amount != this.totalAmount');
    expect(resolve('./errors', mutant)).toBe(path.join(exercise, 'readonly', 'errors.ts'));
  });

  it('fails loudly for a mutant that does not exist', () => {
    expect(() => resolverFor('mutants/no-such-mutant')('@workspace/OrderAggregate', testFile)).toThrow(/no mutant no-such-mutant/);
  });

  it("maps '@engine/X' into electron/engine and leaves other imports alone", () => {
    const resolve = resolverFor('solution');
    expect(resolve('@engine/store/memory', testFile)).toBe(path.join(root, 'electron', 'engine', 'store', 'memory.ts'));
    expect(resolve('@engine/domain/orders', testFile)).toBe(path.join(root, 'electron', 'engine', 'domain', 'orders', 'index.ts'));
    expect(resolve('../support/fixtures', testFile)).toBeNull();
    expect(resolve('./events', path.join(root, 'electron', 'engine', 'domain', 'orders', 'decide.ts'))).toBeNull();
  });

  it('fails loudly for a workspace file that exists nowhere', () => {
    expect(() => resolverFor('solution')('@workspace/Missing', testFile)).toThrow(/no workspace file @workspace\/Missing/);
  });
});
