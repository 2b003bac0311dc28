// The harness inside the sandbox, through the real runner: hooks, async tests, console capture,
// skip/only/each, given/when/then details, build errors with locations, and the result's shape.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunner, RunResult } from '../../../electron/engine/runner';
import { writeTempExercise } from '../../fixtures/runner/tempExercise';

const cleanups: Array<() => void> = [];
const runners: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
  for (const c of cleanups) c();
});

async function runTests(tests: Record<string, string>, opts: { editable?: Record<string, string>; hidden?: string[]; all?: boolean } = {}) {
  const ex = writeTempExercise({ tests, editable: opts.editable, hidden: opts.hidden });
  cleanups.push(ex.cleanup);
  const runner = createRunner({ exercisesDir: ex.exercisesDir, warm: 0 });
  runners.push(runner);
  const files = opts.editable ?? { 'Thing.ts': 'export const thing = 1;\n' };
  return runner.run({ exerciseId: ex.id, files, suites: opts.all ? 'all' : 'visible' });
}

describe('the sandbox harness', () => {
  it('runs hooks in vitest order around each test', async () => {
    const r = await runTests({
      'tests/visible/hooks.test.ts': `
        import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
        const log: string[] = [];
        describe('outer', () => {
          beforeAll(() => { log.push('beforeAll'); });
          beforeEach(() => { log.push('outer.beforeEach'); });
          afterEach(() => { log.push('outer.afterEach'); });
          describe('inner', () => {
            beforeEach(() => { log.push('inner.beforeEach'); });
            it('first', () => { log.push('first'); });
          });
          it('checks the order', () => {
            expect(log).toEqual(['beforeAll', 'outer.beforeEach', 'inner.beforeEach', 'first', 'outer.afterEach', 'outer.beforeEach']);
          });
        });
      `,
    });
    expect(r.status).toBe('pass');
    expect(r.tests.map((t) => t.name)).toEqual(['outer > inner > first', 'outer > checks the order']);
  });

  it('awaits async tests, times them, and reports failures after an await', async () => {
    const r = await runTests({
      'tests/visible/async.test.ts': `
        import { expect, it } from 'vitest';
        it('waits', async () => { await new Promise((r) => setTimeout(r, 20)); expect(1).toBe(1); });
        it('fails late', async () => { await Promise.resolve(); expect(1).toBe(2); });
      `,
    });
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'fail']);
    expect(r.tests[0]!.duration_ms).toBeGreaterThanOrEqual(15);
    expect(r.tests[1]!.message).toBe('expected 1 to be 2');
  });

  it('captures console output per test, and caps it', async () => {
    const r = await runTests({
      'tests/visible/console.test.ts': `
        import { it } from 'vitest';
        console.log('loading');
        it('talks', () => { console.log('hello', { a: 1 }); console.error('oops'); });
        it('is quiet', () => {});
        it('floods', () => { for (let i = 0; i < 10000; i++) console.log('line ' + i); });
      `,
    });
    expect(r.tests[0]!.output).toBe('hello { a: 1 }\noops\n');
    expect(r.suites[0]!.output).toBe('loading\n');
    expect(r.tests[1]!.output).toBeNull();
    expect(r.tests[2]!.output!.length).toBeLessThan(9000);
    expect(r.tests[2]!.output).toContain('output truncated');
  });

  it('supports skip, todo, only-free each, and test as an alias of it', async () => {
    const r = await runTests({
      'tests/visible/variants.test.ts': `
        import { describe, expect, it, test } from 'vitest';
        it.skip('skipped', () => { throw new Error('no'); });
        it.todo('later');
        it.each([[1, 2, 3], [2, 2, 4]])('adds %i + %i', (a, b, sum) => { expect(a + b).toBe(sum); });
        test.each([{ s: 'x' }])('row $s', ({ s }) => { expect(s).toBe('x'); });
        describe.skip('not now', () => { it('hidden', () => { throw new Error('no'); }); });
      `,
    });
    expect(r.tests.map((t) => t.name)).toEqual(['adds 1 + 2', 'adds 2 + 2', 'row "x"']);
    expect(r.status).toBe('pass');
  });

  it('copies a failing error`s details (given/when/then) into the result', async () => {
    const r = await runTests({
      'tests/visible/details.test.ts': `
        import { it } from 'vitest';
        it('scenario', () => {
          throw Object.assign(new Error('Expected OrderPaid, but PayOrder threw'), {
            details: { given: [{ type: 'OrderCreated' }], command: { type: 'PayOrder' }, expected_events: [{ type: 'OrderPaid' }], actual_events: [] },
          });
        });
        it('codes', () => {
          throw Object.assign(new Error('wrong code'), { details: { given: [], command: { type: 'ShipOrder' }, expected_error_code: 'INVALID_STATE', actual_error_code: null } });
        });
      `,
    });
    expect(r.tests[0]).toMatchObject({
      status: 'fail',
      message: 'Expected OrderPaid, but PayOrder threw',
      given: [{ type: 'OrderCreated' }],
      command: { type: 'PayOrder' },
      expected_events: [{ type: 'OrderPaid' }],
      actual_events: [],
    });
    expect(r.tests[1]).toMatchObject({ expected_error_code: 'INVALID_STATE', actual_error_code: null });
  });

  it('returns a syntax error in the student`s file as an error result with file, line and column', async () => {
    const r = await runTests(
      { 'tests/visible/a.test.ts': `import { it, expect } from 'vitest';\nimport { thing } from '@workspace/Thing';\nit('x', () => { expect(thing).toBe(1); });\n` },
      { editable: { 'Thing.ts': 'export const thing = 1;\nexport const broken = ;\n' } },
    );
    expect(r.status).toBe('error');
    expect(r.location).toEqual({ file: 'Thing.ts', line: 2, column: 23 });
    expect(r.message).toContain('Thing.ts:2:');
    expect(r.tests).toEqual([]);
  });

  it('reports an error thrown by the student`s code with the line in the student`s file', async () => {
    const r = await runTests(
      { 'tests/visible/a.test.ts': `import { it } from 'vitest';\nimport { go } from '@workspace/Thing';\nit('x', () => { go(); });\n` },
      { editable: { 'Thing.ts': 'export function go(): void {\n  const x = 1;\n  throw new Error(`not implemented ${x}`);\n}\n' } },
    );
    expect(r.tests[0]!.message).toBe('Error: not implemented 1\n    at Thing.ts:3:9');
    expect(r.tests[0]!.error_location).toEqual({ file: 'Thing.ts', line: 3, column: 9 });
  });

  it('produces a valid results.json v3 with points, suite, visibility, test code and line', async () => {
    const r = await runTests(
      {
        'tests/visible/v.test.ts': `import { expect, it } from 'vitest';\n\nit('passes', () => {\n  expect(1 + 1).toBe(2);\n});\nit('fails', () => { console.log('dbg'); expect(1).toBe(2); });\n`,
        'tests/hidden/h.test.ts': `import { expect, it } from 'vitest';\nit('secret', () => { console.log('secret output'); expect(1).toBe(2); });\n`,
      },
      { hidden: ['tests/hidden/h.test.ts'], all: true },
    );
    expect(() => RunResult.parse(r)).not.toThrow();
    expect(r).toMatchObject({ version: 3, status: 'fail', message: null, points: 1, max_points: 3 });
    expect(r.tests[0]).toMatchObject({ name: 'passes', status: 'pass', message: null, test_code: 'expect(1 + 1).toBe(2);', line: 3, suite: 'v', visibility: 'visible', points: 1, max_points: 1, file: 'tests/visible/v.test.ts' });
    expect(r.tests[1]).toMatchObject({ status: 'fail', output: 'dbg\n', points: 0 });
    expect(r.tests[2]).toMatchObject({ name: 'secret', visibility: 'hidden', test_code: '', output: null, status: 'fail' });
    expect(r.suites.map((s) => [s.id, s.status, s.passed, s.tests])).toEqual([
      ['v', 'fail', 1, 2],
      ['h', 'fail', 0, 1],
    ]);
  });

  it('fails the tests of a block whose beforeAll fails, and a test whose afterEach fails', async () => {
    const r = await runTests({
      'tests/visible/hooks-fail.test.ts': `
        import { afterEach, beforeAll, describe, it } from 'vitest';
        describe('broken setup', () => {
          beforeAll(() => { throw new Error('no database'); });
          it('a', () => {});
          it('b', () => {});
        });
        describe('broken teardown', () => {
          afterEach(() => { throw new Error('cleanup failed'); });
          it('c', () => {});
        });
      `,
    });
    expect(r.tests.map((t) => [t.name, t.status, t.message])).toEqual([
      ['broken setup > a', 'fail', 'beforeAll hook failed: Error: no database'],
      ['broken setup > b', 'fail', 'beforeAll hook failed: Error: no database'],
      ['broken teardown > c', 'fail', 'Error: cleanup failed'],
    ]);
  });

  it('times out a promise that never settles, and goes on with the next test', async () => {
    const r = await runTests({
      'tests/visible/hang.test.ts': `
        import { expect, it } from 'vitest';
        it('hangs', () => new Promise(() => {}));
        it('runs after', () => { expect(1).toBe(1); });
      `,
    });
    expect(r.tests.map((t) => t.status)).toEqual(['error', 'pass']);
    expect(r.tests[0]!.message).toMatch(/timed out after 500 ms/);
  });

  it('honours .only and expect.assertions', async () => {
    const r = await runTests({
      'tests/visible/only.test.ts': `
        import { expect, it } from 'vitest';
        it('ignored', () => { throw new Error('should not run'); });
        it.only('counted', () => { expect.assertions(2); expect(1).toBe(1); });
      `,
    });
    expect(r.tests.map((t) => [t.name, t.status, t.message])).toEqual([['counted', 'fail', 'expected 2 assertions, but 1 ran']]);
  });

  it('offers structuredClone made of the sandbox`s own realm', async () => {
    const r = await runTests({
      'tests/visible/clone.test.ts': `
        import { expect, it } from 'vitest';
        it('clones deeply', () => {
          const items = [{ id: 'a', when: new Date(0) }];
          const copy = structuredClone(items);
          copy[0].id = 'b';
          expect(items[0].id).toBe('a');
          expect(copy instanceof Array).toBe(true);
          expect(copy[0].when instanceof Date).toBe(true);
          expect(copy).toEqual([{ id: 'b', when: new Date(0) }]);
        });
      `,
    });
    expect(r.tests[0]!.message).toBeNull();
  });

  it('refuses to run "all" when the hidden suites are not there (the student build), instead of skipping them', async () => {
    const ex = writeTempExercise({
      tests: { 'tests/visible/v.test.ts': `import { it } from 'vitest';\nit('v', () => {});\n`, 'tests/hidden/h.test.ts': `import { it } from 'vitest';\nit('h', () => {});\n` },
      hidden: ['tests/hidden/h.test.ts'],
    });
    cleanups.push(ex.cleanup);
    fs.rmSync(path.join(ex.exercisesDir, ex.id, 'tests/hidden'), { recursive: true });
    const runner = createRunner({ exercisesDir: ex.exercisesDir, warm: 0 });
    runners.push(runner);
    const files = { 'Thing.ts': 'export const thing = 1;\n' };
    expect((await runner.run({ exerciseId: ex.id, files })).status).toBe('pass');
    const all = await runner.run({ exerciseId: ex.id, files, suites: 'all' });
    expect(all.status).toBe('error');
    expect(all.message).toContain('hidden suites are not available');
  });

  it('runs only the visible suites unless asked for all', async () => {
    const r = await runTests(
      { 'tests/visible/v.test.ts': `import { it } from 'vitest';\nit('v', () => {});\n`, 'tests/hidden/h.test.ts': `import { it } from 'vitest';\nit('h', () => {});\n` },
      { hidden: ['tests/hidden/h.test.ts'] },
    );
    expect(r.tests.map((t) => t.name)).toEqual(['v']);
  });
});
