// Mutants are patches against the solution: written and applied back exactly, and a patch that no
// longer applies, targets a file that is not editable, or changes nothing fails loudly, naming the
// mutant and the file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { applyMutantPatch, createMutantPatch, mutantDescription, MutantPatchError } from '../../../electron/engine/content/mutantPatches';
import { filesWithChangedCode } from '../../integration/exercises/support/codeChange';

const SOLUTION = {
  'Counter.ts': ['export class Counter {', '  count = 0;', '  add(n: number): void {', '    this.count += n;', '  }', '}', ''].join('\n'),
  'other.ts': 'export const other = 1;\n',
};
const WRONG = { ...SOLUTION, 'Counter.ts': SOLUTION['Counter.ts'].replace('this.count += n;', 'this.count = n;') };

function errorOf(action: () => unknown): MutantPatchError {
  try {
    action();
  } catch (error) {
    if (error instanceof MutantPatchError) return error;
    throw error;
  }
  throw new Error('expected a MutantPatchError');
}

describe('mutant patches', () => {
  it('apply back to exactly the mutant, leaving untouched files as in the solution', () => {
    const patch = createMutantPatch('adds-replaces: add replaces the count\ninstead of adding to it', SOLUTION, WRONG);
    expect(patch).toContain('--- a/Counter.ts');
    expect(patch).not.toContain('other.ts');
    expect(mutantDescription(patch)).toBe('adds-replaces: add replaces the count\ninstead of adding to it');
    expect(applyMutantPatch('adds-replaces', patch, SOLUTION)).toEqual(WRONG);
  });

  it('name the mutant, the file and the hunk when the solution changed under the patch', () => {
    const patch = createMutantPatch('adds-replaces', SOLUTION, WRONG);
    const moved = { ...SOLUTION, 'Counter.ts': SOLUTION['Counter.ts'].replace('this.count += n;', 'this.count = this.count + n;') };
    const error = errorOf(() => applyMutantPatch('adds-replaces', patch, moved));
    expect(error.mutant).toBe('adds-replaces');
    expect(error.file).toBe('Counter.ts');
    expect(error.message).toMatch(/^mutant adds-replaces, Counter\.ts: the hunk at line 1 .* no longer matches the solution/);
  });

  it('refuse a patch for a file that is not editable, and a patch without changes', () => {
    const patch = createMutantPatch('x', { 'Other.ts': 'a\n' }, { 'Other.ts': 'b\n' });
    expect(errorOf(() => applyMutantPatch('x', patch, SOLUTION)).message).toMatch(/mutant x, Other\.ts: the patch targets a file that is not editable/);
    expect(errorOf(() => applyMutantPatch('y', 'only a description\n', SOLUTION)).message).toMatch(/mutant y: the patch changes nothing/);
  });
});

describe('a mutant must change code, not only comments', () => {
  it('a comment or a type annotation is no change; an operator is', () => {
    const commented = { ...SOLUTION, 'Counter.ts': `// MUTANT: wrong on purpose\n${SOLUTION['Counter.ts']}` };
    const retyped = { ...SOLUTION, 'Counter.ts': SOLUTION['Counter.ts'].replace('n: number', 'n: number | bigint') };
    expect(filesWithChangedCode(SOLUTION, commented)).toEqual([]);
    expect(filesWithChangedCode(SOLUTION, retyped)).toEqual([]);
    expect(filesWithChangedCode(SOLUTION, WRONG)).toEqual(['Counter.ts']);
  });
});

describe('the loader and mutants/', () => {
  const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));
  const copy = () => {
    root = mkdtempSync(path.join(tmpdir(), 'mutants-'));
    cpSync(path.join(EXERCISES, 'orders-lifecycle'), path.join(root, 'orders-lifecycle'), { recursive: true });
    return path.join(root, 'orders-lifecycle');
  };

  it('fails loudly, naming the patch file, the mutant and the file, when the solution moved', () => {
    const dir = copy();
    const solution = path.join(dir, 'solution', 'OrderAggregate.ts');
    writeFileSync(solution, readFileSync(solution, 'utf8').replace('command.amount !== this.totalAmount', 'this.totalAmount !== command.amount'));
    expect(() => loadExercise(root!, 'orders-lifecycle')).toThrow(/mutants\/([a-z-]+)\.patch: mutant \1, OrderAggregate\.ts: the hunk at line \d+ \(\d+ lines\) no longer matches the solution/);
  });

  it('refuses anything in mutants/ that is not a patch (an old folder of full copies)', () => {
    const dir = copy();
    cpSync(path.join(dir, 'solution'), path.join(dir, 'mutants', 'old-style'), { recursive: true });
    expect(() => loadExercise(root!, 'orders-lifecycle')).toThrow(/mutants\/old-style: mutants\/ holds only <name>\.patch files/);
  });
});
