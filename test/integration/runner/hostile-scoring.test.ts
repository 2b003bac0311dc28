// The hostile corpus for scoring without solving (issue #14 items 1–4 and 6): a student's file must not
// reach the harness, the reference answer or the read-only modules' internals. Each case takes the
// untouched starter of a real exercise plus the hostile code, and checks that it scores no more than
// the starter alone (which solves nothing) — and, where a rule stops it, that the message names it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/api/engine';
import { runStatus } from '../../../electron/engine/grading/grader';
import { createRunner, loadRunnerExercise, readEditableFiles, type RunResult, type Runner } from '../../../electron/engine/runner';

const exercisesDir = path.resolve(__dirname, '../../../exercises');
const fixturesDir = path.resolve(__dirname, '../../fixtures/exercises');
const EXERCISES = ['orders-lifecycle', 'order-saga', 'bank-account'] as const;

interface Variant {
  editable: string;
  starter: string;
  solution: string;
  /** The starter's own result with every suite: what solving nothing earns. */
  starterResult: RunResult;
  /** Every test name of the solution's run with every suite. */
  names: string[];
}

let runner: Runner;
const variants = new Map<string, Variant>();

beforeAll(async () => {
  runner = createRunner({ exercisesDir, warm: 1 });
  for (const id of EXERCISES) {
    const exercise = loadRunnerExercise(exercisesDir, id);
    const editable = exercise.manifest.editable[0]!;
    const starter = readEditableFiles(exercise, path.join(exercisesDir, id, 'starter'))[editable]!;
    const solution = readEditableFiles(exercise, path.join(exercisesDir, id, 'solution'))[editable]!;
    const solved = await runner.run({ exerciseId: id, files: { [editable]: solution }, suites: 'all' });
    expect(solved.status, id).toBe('pass');
    const starterResult = await runner.run({ exerciseId: id, files: { [editable]: starter }, suites: 'all' });
    variants.set(id, { editable, starter, solution, starterResult, names: solved.tests.map((t) => t.name) });
  }
}, 120_000);
afterAll(() => runner.close());

async function runAll(id: string, source: string): Promise<RunResult> {
  const v = variants.get(id)!;
  return runner.run({ exerciseId: id, files: { [v.editable]: source }, suites: 'all' });
}

/** Scores no more than the untouched starter, and passes no test the starter fails. */
function expectNoGain(id: string, r: RunResult): void {
  const v = variants.get(id)!;
  expect(r.status, id).not.toBe('pass');
  expect(r.points, id).toBeLessThanOrEqual(v.starterResult.points);
  const starterPassed = new Set(v.starterResult.tests.filter((t) => t.status === 'pass').map((t) => t.name));
  for (const t of r.tests) if (t.status === 'pass') expect(starterPassed.has(t.name), `${id}: ${t.name}`).toBe(true);
}

/** Code that registers an empty test under every real test name, through the given describe/it. */
function registerEverything(names: string[], describeExpr: string, itExpr: string): string {
  return `
const __names: string[] = ${JSON.stringify(names)};
for (const __name of __names) {
  const parts = __name.split(' > ');
  const reg = (i: number): void => {
    if (i === parts.length - 1) (${itExpr})(parts[i], () => {});
    else (${describeExpr})(parts[i], () => reg(i + 1));
  };
  reg(0);
}
`;
}

describe('#14.1 the harness is out of reach of student files', () => {
  for (const id of EXERCISES) {
    it(`${id}: importing the harness module (rg:init, vitest) in any form is a build error, and nothing scores`, async () => {
      const v = variants.get(id)!;
      const attempts = [
        `import { api as __api } from 'rg:init';\n${registerEverything(v.names, '(__api as any).describe', '(__api as any).it')}`,
        `import * as __v from 'rg:init';\n${registerEverything(v.names, '(__v as any).api.describe', '(__v as any).api.it.only')}`,
        `const __api = require('rg:init').api;\n${registerEverything(v.names, '__api.describe', '__api.it')}`,
        `import { it as __it, describe as __d } from 'vitest';\n${registerEverything(v.names, '__d', '__it')}`,
        `void import('rg:init').then((m: any) => { ${registerEverything(v.names, 'm.api.describe', 'm.api.it')} });`,
        `import * as __x from '@workspace/../../tests/support/givenWhenThen';\nvoid __x;`,
      ];
      for (const attempt of attempts) {
        const r = await runAll(id, `${v.starter}\n${attempt}\n`);
        expectNoGain(id, r);
        expect(r.status, attempt.slice(0, 60)).toBe('error');
        expect(r.tests.filter((t) => t.status === 'pass'), attempt.slice(0, 60)).toEqual([]);
        expect(r.location?.file, attempt.slice(0, 60)).toBe(v.editable);
        expect(r.message, attempt.slice(0, 60)).toMatch(/may only import/);
      }
    });
  }

  it('a test registered outside the suite file (the suite leaked `it` to the student) fails the whole run, and so does a duplicate', async () => {
    const leaky = createRunner({ exercisesDir: fixturesDir, warm: 1 });
    try {
      // The starter answers 0; it registers the real test's name itself, through the leaked `it`.
      const starter = fs.readFileSync(path.join(fixturesDir, 'leaky/starter/Probe.ts'), 'utf8');
      const honest = await leaky.run({ exerciseId: 'leaky', files: { 'Probe.ts': starter } });
      expect(honest.status).toBe('fail');
      const forged = starter.replace('/* FORGE */', "it('Probe > answers 42', () => {}); it('extra credit', () => {});");
      expect(forged).not.toBe(starter);
      for (const suites of ['visible', 'all'] as const) {
        const r = await leaky.run({ exerciseId: 'leaky', files: { 'Probe.ts': forged }, suites });
        expect(r.status).toBe('error');
        expect(r.points).toBe(0);
        expect(r.tests.filter((t) => t.status === 'pass')).toEqual([]);
        expect(r.message).toMatch(/registered outside the suite's test file/);
        expect(r.message).toContain('Probe.ts');
      }
      // One name registered twice by the suite itself: an error, never a pass, even for a correct answer.
      const solution = fs.readFileSync(path.join(fixturesDir, 'leaky/solution/Probe.ts'), 'utf8');
      expect((await leaky.run({ exerciseId: 'leaky', files: { 'Probe.ts': solution } })).status).toBe('pass');
      const dup = await leaky.run({ exerciseId: 'leaky', files: { 'Probe.ts': solution }, suites: 'all' });
      expect(dup.status).toBe('error');
      expect(dup.tests.filter((t) => t.status === 'pass')).toEqual([]);
      expect(dup.message).toMatch(/registered twice/);
    } finally {
      await leaky.close();
    }
  });
});

describe('#14.2 student files import only what their manifest allows', () => {
  const answers: Record<(typeof EXERCISES)[number], string[]> = {
    'orders-lifecycle': [
      `export { OrderAggregate } from '@engine/domain/orders/OrderAggregate';`,
      `export { OrderAggregate } from '@engine/domain/orders';`,
    ],
    'bank-account': [`import * as bank from '@engine/playground/bank';\nexport const __bank = bank;`],
    'order-saga': [`import * as saga from '@engine/playground/saga';\nexport const __saga = saga;`],
  };
  for (const id of EXERCISES) {
    it(`${id}: re-exporting or wrapping an engine module is a build error that names the rule`, async () => {
      const v = variants.get(id)!;
      for (const attempt of answers[id]) {
        // Replace the starter's class with the engine's where the names line up; otherwise wrap it.
        const r = await runAll(id, `${attempt}\n${id === 'orders-lifecycle' ? '' : v.starter}`);
        expectNoGain(id, r);
        expect(r.status, attempt).toBe('error');
        expect(r.location?.file, attempt).toBe(v.editable);
        expect(r.message, attempt).toMatch(/may only import/);
        expect(r.message, attempt).toContain('allowedImports');
      }
    });
  }
});

describe('#14.3 read-only modules cannot be patched', () => {
  const patches: Record<(typeof EXERCISES)[number], string[]> = {
    'orders-lifecycle': [
      `import { OrderError as __E } from './errors';\nObject.defineProperty(__E, Symbol.hasInstance, { value: () => true });`,
      `import { OrderError as __E } from './errors';\ntry { Object.defineProperty(__E, Symbol.hasInstance, { value: () => true }); } catch {}`,
      // A local of the hook's name must not shadow the global the read-only modules call.
      `const __rg_freeze = (_: unknown) => undefined;\nvoid __rg_freeze;\nimport { OrderError as __E } from './errors';\nObject.defineProperty(__E, Symbol.hasInstance, { value: () => true });`,
      `import { OrderError as __E } from './errors';\ntry { Object.setPrototypeOf(__E.prototype, null); } catch {}\ntry { (__E.prototype as any).code = 'INVALID_STATE'; } catch {}`,
    ],
    'bank-account': [
      `import { AccountError as __E } from './errors';\nObject.defineProperty(__E, Symbol.hasInstance, { value: () => true });`,
      `import { AccountError as __E } from './errors';\ntry { Object.defineProperty(__E, Symbol.hasInstance, { value: () => true }); } catch {}`,
    ],
    'order-saga': [`import { STEPS as __S } from './saga';\ntry { (__S as unknown as string[]).length = 0; } catch {}`],
  };
  for (const id of EXERCISES) {
    it(`${id}: patching a read-only export (Symbol.hasInstance, prototypes, arrays) earns nothing`, async () => {
      const v = variants.get(id)!;
      for (const patch of patches[id]) {
        const r = await runAll(id, `${v.starter}\n${patch}\n`);
        expectNoGain(id, r);
      }
    });
  }

  it('the read-only exports are frozen before the student code runs', async () => {
    const v = variants.get('orders-lifecycle')!;
    const probe = `import { OrderError as __E } from './errors';\nimport * as __events from './events';\nconsole.log('FROZEN', Object.isFrozen(__E), Object.isFrozen(__E.prototype), Object.isExtensible(__E));\nvoid __events;`;
    const r = await runner.run({ exerciseId: 'orders-lifecycle', files: { [v.editable]: `${v.solution}\n${probe}\n` } });
    expect(r.status).toBe('pass');
    expect(r.suites.map((s) => s.output ?? '').join('\n')).toContain('FROZEN true true false');
  });
});

describe('#14.4 a status comes from the runner\'s structured outcome, never from message text', () => {
  it('a failure that says "timed out" stays a graded failure; a real timeout is a timeout', async () => {
    const counter = createRunner({ exercisesDir: fixturesDir, warm: 1 });
    try {
      const starter = fs.readFileSync(path.join(fixturesDir, 'counter/starter/Counter.ts'), 'utf8');
      const lying = starter.replace(/throw new Error\([^)]*\);/, "throw new Error('the test timed out: stopped after 10 ms (time limit), took too long');");
      expect(lying).not.toBe(starter);
      const fake = await counter.run({ exerciseId: 'counter', files: { 'Counter.ts': lying }, suites: 'all' });
      expect(fake.tests.some((t) => t.status === 'fail' && /timed out/.test(t.message ?? ''))).toBe(true);
      expect(fake.tests.every((t) => t.reason === undefined)).toBe(true);
      expect(runStatus(fake)).toBe('graded');

      const looping = starter.replace(/throw new Error\([^)]*\);/, 'for (;;) {}');
      const real = await counter.run({ exerciseId: 'counter', files: { 'Counter.ts': looping }, suites: 'all' });
      expect(real.tests.some((t) => t.reason === 'timeout') || real.reason === 'timeout').toBe(true);
      expect(runStatus(real)).toBe('timeout');

      const broken = await counter.run({ exerciseId: 'counter', files: { 'Counter.ts': 'export class Counter {' } });
      expect(broken.reason).toBe('build');
      expect(runStatus(broken)).toBe('compile_error');
    } finally {
      await counter.close();
    }
  });
});

describe('#14.6 hidden tests never reach the API (only the grading path runs them)', () => {
  it("runner.run with suites 'all' is refused and returns nothing of the hidden suites", async () => {
    const root = path.resolve(__dirname, '../../..');
    const engine = createEngine({ dataDir: ':memory:', shell: 'test', resourcesDir: root });
    try {
      for (const id of EXERCISES) {
        const v = variants.get(id)!;
        const hiddenNames = v.starterResult.tests.filter((t) => t.visibility === 'hidden').map((t) => t.name);
        expect(hiddenNames.length, id).toBeGreaterThan(0);
        const res = await engine.dispatch('runner.run', { exerciseId: id, files: { [v.editable]: v.solution }, suites: 'all' });
        expect(res, id).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        const text = JSON.stringify(res);
        for (const name of hiddenNames) expect(text, id).not.toContain(name.split(' > ').pop()!);
        const visible = await engine.dispatch('runner.run', { exerciseId: id, files: { [v.editable]: v.solution } });
        expect(visible.ok, id).toBe(true);
        const result = (visible as { value: RunResult }).value;
        expect(result.tests.every((t) => t.visibility === 'visible'), id).toBe(true);
      }
    } finally {
      engine.close();
    }
  });
});
