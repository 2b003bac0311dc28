// The similarity report's core: renamed identifiers and moved functions still match, the starter's own
// code never counts, unrelated code stays below the threshold, and code copied from the exercise's
// solution or the engine's reference implementation is flagged like a copied classmate.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSimilarity, DEFAULT_THRESHOLD, engineReferences, solutionReference, tokenize, type Gradebook } from '../../../electron/engine/grading';
import { similarityHtml } from '../../../electron/engine/grading/reports/similarity';
import { REPORT_STRINGS } from '../../../electron/engine/grading/reports/strings';

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

describe('similarity.html', () => {
  const result = compareSimilarity(
    { exerciseId: 'bank-account', starter: { [BANK]: bankStarter }, submissions: [{ key: 'a.json', studentId: 'ann', files: { [BANK]: bankSolution } }, { key: 'b.json', studentId: '<b>bob</b>', files: { [BANK]: `${bankSolution}\n// <script>x</script>` } }], references: [] },
    { threshold: DEFAULT_THRESHOLD },
  );
  const gb: Gradebook = {
    format: 'replayground-gradebook', version: 1, generated_at: 'now', input: 'class', problems: [], exercises: [],
    entries: ['a.json', 'b.json'].map((key, i) => ({
      student_id: i ? '<b>bob</b>' : 'ann', student_name: '', exercise_id: 'bank-account', score: 1, max_score: 1, passed: 1, failed: 0, errored: 0,
      status: 'graded' as const, duration_ms: 1, submitted_at: '', checksum_ok: true, notes: '', source: key, kind: 'file' as const, feedback: null,
      run_message: null, visible: null, hidden: null, tests: [], similarity: result.highest.get(key) ?? null,
    })),
    similarity: { threshold: DEFAULT_THRESHOLD, references: ['solution'], pairs_over_threshold: result.pairsOverThreshold, pairs: result.pairs },
  };

  it('shows the pair with its regions side by side, escaped, and stands alone', () => {
    const html = similarityHtml(gb, 'en');
    expect(html).toContain('Similarity report');
    expect(html).toContain('ann ↔ &lt;b&gt;bob&lt;/b&gt;');
    expect(html).toContain('<div class="side">');
    expect(html).not.toMatch(/<script|<b>bob/);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });

  it('is worded in Russian for a Russian instructor, with no English left', () => {
    const html = similarityHtml(gb, 'ru');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Отчёт о схожести');
    const visibleText = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<[^>]+>/g, ' ');
    for (const phrase of Object.values(REPORT_STRINGS.en.similarity)) {
      const fixed = phrase.split(/\{\{\w+\}\}/).find((part) => part.trim().length > 3);
      if (fixed) expect(visibleText, phrase).not.toContain(fixed.trim());
    }
  });
});
