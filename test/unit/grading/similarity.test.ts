// The similarity report's core: renamed identifiers and moved functions still match, the starter's own
// code never counts, unrelated code stays below the threshold, and code copied from the exercise's
// solution or the engine's reference implementation is flagged like a copied classmate.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSimilarity, DEFAULT_THRESHOLD, engineReferences, solutionReference, tokenize } from '../../../electron/engine/grading';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const FILE = 'OrderAggregate.ts';
const solution = read('exercises/orders-lifecycle/solution/OrderAggregate.ts');
const starter = read('exercises/orders-lifecycle/starter/OrderAggregate.ts');

const BANK = 'BankAccount.ts';
const bankSolution = read('exercises/bank-account/solution/BankAccount.ts');
const bankStarter = read('exercises/bank-account/starter/BankAccount.ts');

/**
 * A copy as a student who hides it would hand it in: other names, comments gone, and the method that
 * starts with `first` (up to the one starting with `next`) moved to just before `markCommitted()`.
 */
function disguised(code: string, first = '  pay(command: PayOrder)', next = '  ship(command: ShipOrder)'): string {
  const lines = code.split('\n');
  const from = lines.findIndex((l) => l.startsWith(first));
  const to = lines.findIndex((l) => l.startsWith(next));
  const moved = lines.splice(from, to - from);
  const at = lines.findIndex((l) => l.startsWith('  markCommitted()'));
  lines.splice(at, 0, ...moved);
  return lines
    .join('\n')
    .replace(/\/\/.*$/gm, '')
    .replace(/\bcommand\b/g, 'cmd')
    .replace(/\bevent\b/g, 'happened')
    .replace(/\bitems\b/g, 'lines')
    .replace(/\bstate\b/g, 'current')
    .replace(/\bexisting\b/g, 'found');
}

const sub = (key: string, code: string) => ({ key, studentId: key, files: { [FILE]: code } });

describe('similarity', () => {
  it('tokenises without comments or layout, with every identifier and literal normalised', () => {
    const a = tokenize('const total = price * 2; // tax\nconsole.log(`sum ${total}`, "x");');
    const b = tokenize('/* renamed */ const   sum=cost*7;\n\nconsole.log(`s ${sum}`,\n  \'y\');');
    expect(a.map((t) => t.kind)).toEqual(b.map((t) => t.kind));
    expect(a.map((t) => t.kind).join(' ')).toBe('const I = I * N ; I . I ( I T , S ) ;');
  });

  it('matches a copy with renamed identifiers and moved methods, and finds the regions', () => {
    const copy = disguised(bankSolution, '  deposit(command: DepositMoney)', '  withdraw(command: WithdrawMoney)');
    expect(copy).not.toContain('deposit(command');
    const r = compareSimilarity(
      {
        exerciseId: 'bank-account',
        starter: { [BANK]: bankStarter },
        submissions: [{ key: 'ann', studentId: 'ann', files: { [BANK]: bankSolution } }, { key: 'bob', studentId: 'bob', files: { [BANK]: copy } }],
        references: [],
      },
      { threshold: DEFAULT_THRESHOLD },
    );
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0].score).toBeGreaterThan(0.85);
    expect(r.highest.get('bob')).toMatchObject({ with: 'ann', reference: false });
    const regions = r.pairs[0].regions;
    expect(regions.length).toBeGreaterThan(1);
    // The moved deposit() is found at its old place on one side and its new place on the other.
    const lines = bankSolution.split('\n');
    const start = lines.findIndex((l) => l.startsWith('  deposit(')) + 1;
    const end = lines.findIndex((l) => l.startsWith('  withdraw('));
    const deposit = regions.find((g) => g.a_from >= start && g.a_to < end);
    expect(deposit, JSON.stringify(regions.map((g) => [g.a_from, g.a_to, g.b_from, g.b_to]))).toBeDefined();
    expect(deposit!.b_text).toContain('cmd.');
    expect(deposit!.b_from).toBeGreaterThan(end);
  });

  it("never counts the starter's own code: two untouched starters are not similar", () => {
    const r = compareSimilarity(
      { exerciseId: 'orders-lifecycle', starter: { [FILE]: starter }, submissions: [sub('ann', starter), sub('bob', starter)], references: [] },
      { threshold: DEFAULT_THRESHOLD },
    );
    expect(r.pairs).toEqual([]);
    expect(r.highest.get('ann')).toBeNull();
  });

  it('keeps unrelated code below the threshold', () => {
    const other = read('exercises/bank-account/solution/BankAccount.ts');
    const r = compareSimilarity(
      { exerciseId: 'orders-lifecycle', starter: { [FILE]: starter }, submissions: [sub('ann', solution), sub('eve', other)], references: [] },
      { threshold: DEFAULT_THRESHOLD },
    );
    expect(r.pairs).toEqual([]);
    expect(r.highest.get('eve')!.score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it("flags code copied from the exercise's solution or from the engine's reference implementation", () => {
    const engine = engineReferences(path.join(ROOT, 'electron/engine'));
    expect(engine.map((x) => x.label)).toContain('engine: domain/orders');
    const copiedFromEngine = read('electron/engine/domain/orders/OrderAggregate.ts');
    const r = compareSimilarity(
      {
        exerciseId: 'orders-lifecycle',
        starter: { [FILE]: starter },
        submissions: [sub('sol', disguised(solution)), sub('eng', copiedFromEngine)],
        references: [solutionReference('orders-lifecycle', { [FILE]: solution }), ...engine],
      },
      { threshold: DEFAULT_THRESHOLD },
    );
    const refPairs = r.pairs.filter((p) => p.b.reference);
    expect(refPairs.find((p) => p.a.key === 'sol' && p.b.label === 'solution')!.score).toBeGreaterThan(0.85);
    expect(refPairs.find((p) => p.a.key === 'eng' && p.b.label === 'engine: domain/orders')!.score).toBeGreaterThan(0.85);
    expect(r.highest.get('eng')).toMatchObject({ reference: true, with: 'engine: domain/orders' });
  });
});
