// Russian test names through the real runner: a suite's `ruNames` export names its describe/it
// blocks in Russian, each result carries the Russian full name beside the English one (which stays
// the identity), `each` names count as produced at run time, and the suite reports which names lack
// a translation and which table keys name nothing. Workspace code cannot reach the table.
import { afterAll, describe, expect, it } from 'vitest';
import { createRunner } from '../../../electron/engine/runner';
import { writeTempExercise } from '../../fixtures/runner/tempExercise';

const cleanups: Array<() => void> = [];
const runners: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
  for (const c of cleanups) c();
});

async function run(tests: Record<string, string>, editable?: Record<string, string>) {
  const ex = writeTempExercise({ tests, editable });
  cleanups.push(ex.cleanup);
  const runner = createRunner({ exercisesDir: ex.exercisesDir, warm: 0 });
  runners.push(runner);
  return runner.run({ exerciseId: ex.id, files: editable ?? { 'Thing.ts': 'export const thing = 1;\n' }, suites: 'all' });
}

describe('Russian test names (ruNames)', () => {
  it('gives every test whose segments are all translated a Russian full name, keeping the English name', async () => {
    const r = await run({
      'tests/visible/a.test.ts': `
        import { describe, expect, it } from 'vitest';
        describe('pay', () => {
          it('records OrderPaid', () => { expect(1).toBe(1); });
          it.each([1, 2])('refuses %s', (n) => { expect(n).toBe(3); });
          it('has no translation', () => { expect(1).toBe(1); });
        });
        /** Russian names of this file's describe and it blocks. */
        export const ruNames: Record<string, string> = {
          pay: 'оплата',
          'records OrderPaid': 'записывает OrderPaid',
          'refuses 1': 'отказывает 1',
          'refuses 2': 'отказывает 2',
          'names nothing': 'ничего не называет',
        };
      `,
    });
    expect(r.tests.map((t) => [t.name, t.name_ru])).toEqual([
      ['pay > records OrderPaid', 'оплата > записывает OrderPaid'],
      ['pay > refuses 1', 'оплата > отказывает 1'],
      ['pay > refuses 2', 'оплата > отказывает 2'],
      ['pay > has no translation', undefined],
    ]);
    expect(r.suites[0]!.ru_names).toEqual({ table: true, missing: ['has no translation'], unused: ['names nothing'] });
  });

  it('reports every name as missing when the suite has no table, and ignores what is not a string', async () => {
    const r = await run({
      'tests/visible/a.test.ts': `
        import { it, expect } from 'vitest';
        it('one', () => { expect(1).toBe(1); });
      `,
      'tests/visible/b.test.ts': `
        import { it, expect } from 'vitest';
        it('two', () => { expect(1).toBe(1); });
        it('three', () => { expect(1).toBe(1); });
        export const ruNames = { two: 42, three: 'три', get one() { return 'один'; } } as unknown as Record<string, string>;
      `,
    });
    expect(r.suites.map((s) => s.ru_names)).toEqual([
      { table: false, missing: ['one'], unused: [] },
      { table: true, missing: ['two'], unused: [] },
    ]);
    expect(r.tests.map((t) => t.name_ru)).toEqual([undefined, undefined, 'три']);
  });

  it('cannot be changed by the code under test', async () => {
    const r = await run(
      {
        'tests/visible/a.test.ts': `
          import { it, expect } from 'vitest';
          import { meddle } from '@workspace/Thing';
          it('one', () => { meddle(); expect(1).toBe(1); });
          export const ruNames: Record<string, string> = { one: 'один' };
        `,
      },
      {
        'Thing.ts': `
          export function meddle(): void {
            const g = globalThis as Record<string, unknown>;
            for (const k of Object.getOwnPropertyNames(g)) if (/rg/.test(k)) { try { (g[k] as (x: unknown) => void)({ ruNames: { one: 'взлом' } }); } catch {} }
          }
          // Before the test file runs, and again inside the test.
          meddle();
        `,
      },
    );
    expect(r.tests.map((t) => [t.status, t.name_ru])).toEqual([['pass', 'один']]);
  });

  it('heads every suite of a result with its manifest title in both languages', async () => {
    const r = await run({
      'tests/visible/alpha.test.ts': `import { it, expect } from 'vitest';\nit('one', () => { expect(1).toBe(1); });\n`,
      'tests/visible/beta.test.ts': `import { it, expect } from 'vitest';\nit('two', () => { expect(1).toBe(2); });\n`,
    });
    // writeTempExercise titles each suite "Suite <id>" / "Набор <id>".
    expect(r.suites.map((s) => [s.id, s.title])).toEqual([
      ['alpha', { en: 'Suite alpha', ru: 'Набор alpha' }],
      ['beta', { en: 'Suite beta', ru: 'Набор beta' }],
    ]);
  });
});
