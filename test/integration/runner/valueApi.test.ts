// The runner's value-level doors: runSuites (workspace files, test files, suites and limits as
// values, no exercise folder anywhere) and call (one export of the student's module with an input,
// a zod-checked answer or a coded error). The answer travels as its own message, so nothing the
// student prints or throws can stand in for it, and a large answer arrives whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRunner, type Runner } from '../../../electron/engine/runner';

let runner: Runner;
beforeAll(() => {
  runner = createRunner({ warm: 1 });
});
afterAll(() => runner.close());

const COUNTER = `export class Counter {
  private n = 0;
  add(by: number): number {
    if (by < 0) throw Object.assign(new Error('only forward'), { code: 'NEGATIVE' });
    this.n += by;
    return this.n;
  }
}
`;

const suites = [
  { id: 'count', title: { ru: 'Счёт', en: 'Counting' }, file: 'tests/visible/count.test.ts', visibility: 'visible' as const, pointsPerTest: 2 },
  { id: 'secret', title: { ru: 'Секрет', en: 'Secret' }, file: 'tests/hidden/secret.test.ts', visibility: 'hidden' as const, pointsPerTest: 5 },
];
const tests = {
  'tests/support/make.ts': `import { Counter } from '@workspace/Counter';\nexport const make = () => new Counter();\n`,
  'tests/visible/count.test.ts': `import { it, expect } from 'vitest';\nimport { make } from '../support/make';\nit('adds', () => { expect(make().add(2)).toBe(2); });\nit('adds twice', () => { const c = make(); c.add(1); expect(c.add(3)).toBe(4); });\n`,
  'tests/hidden/secret.test.ts': `import { it, expect } from 'vitest';\nimport { make } from '../support/make';\nit('refuses a negative step', () => { expect(() => make().add(-1)).toThrow({ code: 'NEGATIVE' }); });\n`,
};
const base = { id: 'counter-in-memory', readonly: {}, editable: ['Counter.ts'], tests, limits: { timeoutMs: 4000, memoryMb: 128 } };

describe('runSuites: an exercise given as values', () => {
  it('runs suites and support files held in memory, scoring from the suites it was given', async () => {
    const result = await runner.runSuites({ ...base, files: { 'Counter.ts': COUNTER }, suites });
    expect(result).toMatchObject({ status: 'pass', exercise_id: 'counter-in-memory', points: 9, max_points: 9 });
    expect(result.tests.map((t) => [t.name, t.visibility, t.file])).toEqual([
      ['adds', 'visible', 'tests/visible/count.test.ts'],
      ['adds twice', 'visible', 'tests/visible/count.test.ts'],
      ['refuses a negative step', 'hidden', 'tests/hidden/secret.test.ts'],
    ]);
    expect(result.tests[0]!.test_code).toContain('expect(make().add(2)).toBe(2)');
  });

  it('a wrong answer fails the test that checks it, with the line and the compared expression', async () => {
    const wrong = COUNTER.replace('this.n += by;', 'this.n += by + 1;');
    const result = await runner.runSuites({ ...base, files: { 'Counter.ts': wrong }, suites: suites.slice(0, 1) });
    expect(result.status).toBe('fail');
    expect(result.tests[0]).toMatchObject({ status: 'fail', line: 3 });
    expect(result.tests[0]!.message).toContain('make().add(2)');
  });

  it('a suite whose file was not given is reported, never skipped; a missing student file is an input error', async () => {
    const noHidden = { ...tests } as Record<string, string>;
    delete noHidden['tests/hidden/secret.test.ts'];
    const unavailable = await runner.runSuites({ ...base, tests: noHidden, files: { 'Counter.ts': COUNTER }, suites });
    expect(unavailable).toMatchObject({ status: 'error', reason: 'unavailable' });
    const missing = await runner.runSuites({ ...base, files: {}, suites });
    expect(missing).toMatchObject({ status: 'error', reason: 'input' });
  });

  it('test files import only each other: a path out of the given files is a build error naming the rule', async () => {
    const escaping = { ...tests, 'tests/visible/count.test.ts': `import { it } from 'vitest';\nimport x from '../../../package.json';\nit('x', () => void x);\n` };
    const result = await runner.runSuites({ ...base, tests: escaping, files: { 'Counter.ts': COUNTER }, suites: suites.slice(0, 1) });
    expect(result).toMatchObject({ status: 'error', reason: 'build' });
    expect(result.message).toContain("not one of the exercise's test files");
  });
});

const DRIVER = `import { Counter } from './Counter';
export function run(input: { steps: number[] }) {
  const c = new Counter();
  return { totals: input.steps.map((s) => c.add(s)) };
}
export async function later(input: { steps: number[] }) {
  await Promise.resolve();
  return run(input);
}
`;
const Totals = z.object({ totals: z.array(z.number()) });
const callWith = (counter: string, input: unknown, exportName = 'run', output: z.ZodType<unknown> = Totals) =>
  runner.call({ readonly: { 'driver.ts': DRIVER }, files: { 'Counter.ts': counter }, module: 'driver.ts', export: exportName, input, output });

describe('call: one export of the student code, a checked answer', () => {
  it('returns the value the export returned (or its promise resolved to), checked by the schema', async () => {
    expect(await callWith(COUNTER, { steps: [1, 2, 3] })).toMatchObject({ ok: true, value: { totals: [1, 3, 6] } });
    expect(await callWith(COUNTER, { steps: [5] }, 'later')).toMatchObject({ ok: true, value: { totals: [5] } });
  });

  it('an error the code throws comes back coded, with its own code and the place in the student file', async () => {
    const r = await callWith(COUNTER, { steps: [1, -1] });
    expect(r).toMatchObject({ ok: false, error: { code: 'THREW', thrownCode: 'NEGATIVE', location: { file: 'Counter.ts', line: 4 } } });
    expect(r.ok ? '' : r.error.message).toContain('only forward');
  });

  it('an answer of the wrong shape is BAD_OUTPUT; a missing export NOT_A_FUNCTION; broken code BUILD', async () => {
    expect(await callWith(COUNTER.replace('return this.n;', "return String(this.n) as unknown as number;"), { steps: [1] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_OUTPUT' },
    });
    expect(await callWith(COUNTER, { steps: [] }, 'absent')).toMatchObject({ ok: false, error: { code: 'NOT_A_FUNCTION' } });
    const broken = await callWith('export class Counter {', { steps: [] });
    expect(broken).toMatchObject({ ok: false, error: { code: 'BUILD', location: { file: 'Counter.ts' } } });
  });

  it('an endless loop is stopped as TIMEOUT', async () => {
    const r = await callWith(COUNTER.replace('this.n += by;', 'while (by >= 0) {}'), { steps: [1] });
    expect(r).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  }, 30_000);

  it('what the code prints, throws or patches cannot stand in for the answer, and a large answer arrives whole', async () => {
    const noisy = COUNTER.replace(
      'this.n += by;',
      "console.log('{\"totals\":[999]}'); JSON.stringify = () => '{\"totals\":[999]}'; JSON.parse = () => ({ steps: [999] }); this.n += by;",
    );
    const r = await callWith(noisy, { steps: [2, 2] });
    expect(r).toMatchObject({ ok: true, value: { totals: [2, 4] } });
    expect(r.output).toContain('999');
    const many = Array.from({ length: 20_000 }, () => 1);
    const big = await callWith(COUNTER, { steps: many });
    expect(big.ok && big.value).toMatchObject({ totals: expect.any(Array) });
    expect(big.ok ? (big.value as { totals: number[] }).totals.at(-1) : null).toBe(20_000);
  }, 30_000);

  it('student code cannot import the harness or the engine through the call either', async () => {
    const r = await callWith(`import { api } from 'rg:init';\n${COUNTER}\nvoid api;`, { steps: [] });
    expect(r).toMatchObject({ ok: false, error: { code: 'BUILD' } });
    const engine = await callWith(`export { OrderAggregate as Counter } from '@engine/domain/orders/OrderAggregate';`, { steps: [] });
    expect(engine).toMatchObject({ ok: false, error: { code: 'BUILD' } });
  });
});
