// The door the split build opens: the test bundle is built once and the student's module is linked
// into it in the sandbox (a factory handed out by `__rg_module`, imports answered by the bundle's
// registry). A student's file must get nothing more through it than through the old single build:
// no second copy of a module, no harness or test module by a computed name, no renamed stack frames,
// and a bundle kept compiled in a reused process must give the next run a clean start.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRunner } from '../../../electron/engine/runner';
import { exercisesDir, solution, starter, useCounterRunner } from './support/counterRunner';

const run = useCounterRunner();

/** What the starter earns: a linked file may never earn more. */
let starterPoints = 0;
beforeAll(async () => {
  const r = await run(starter);
  expect(r.status).toBe('fail');
  starterPoints = r.points;
});

describe('linking the student module into the prebuilt test bundle', () => {
  it('the module factory is handed out once: the student cannot get it again, nor any other name', async () => {
    const probe = `
${starter}
const __hook = (globalThis as any).__rg_module;
const __tries: string[] = [];
for (const name of ['Counter.ts', 'errors.ts', 'events.ts', 'tests/visible/counter.test.ts', 'vitest', 'rg:init']) {
  try { __hook(name); __tries.push(name + ':GOT'); } catch { __tries.push(name + ':refused'); }
}
console.log('HOOK', __tries.join(','));
`;
    const r = await run(probe);
    expect(r.points).toBeLessThanOrEqual(starterPoints);
    const printed = [...r.suites.map((s) => s.output ?? ''), ...r.tests.map((t) => t.output ?? '')].join('\n');
    expect(printed).toContain('HOOK');
    expect(printed).not.toContain(':GOT');
  });

  it("the module's require answers only workspace files and allowed modules, by any computed name", async () => {
    const names = ['vitest', 'rg:init', 'rg:registry', '@workspace/../tests/support/scenario', 'tests/support/scenario.ts', 'fs', 'node:fs', '@engine/domain/orders/OrderAggregate'];
    const probe = `
${solution}
declare const require: (name: string) => unknown;
const __seen: string[] = [];
for (const name of ${JSON.stringify([...names, '@workspace/errors.ts'])}) {
  try { const m = require(name) as Record<string, unknown>; __seen.push(name + ':' + Object.keys(m).join('|')); } catch { __seen.push(name + ':refused'); }
}
console.log('REQUIRE', __seen.join(','));
`;
    const r = await run(probe);
    const printed = [...r.suites.map((s) => s.output ?? ''), ...r.tests.map((t) => t.output ?? '')].join('\n');
    const line = printed.split('\n').find((l) => l.startsWith('REQUIRE'));
    expect(line).toBeDefined();
    for (const name of names) {
      expect(line).toContain(`${name}:refused`);
    }
    // A workspace file by its canonical name is the same read-only module the tests use.
    expect(line).toMatch(/@workspace\/errors\.ts:[^,]*CounterError/);
    // The solution still passes: its own module and the tests share that module instance.
    expect(r.status).toBe('pass');
  });

  it("a sourceURL comment does not move the student's frames out of the bundle's file (registration stays attributed)", async () => {
    const leaky = createRunner({ exercisesDir, warm: 1 });
    try {
      const probe = fs.readFileSync(path.join(exercisesDir, 'leaky/starter/Probe.ts'), 'utf8');
      const forged = probe.replace('/* FORGE */', "it('Probe > answers 42', () => {});\n//# sourceURL=suites.js\n/*# sourceURL=elsewhere.js */");
      expect(forged).not.toBe(probe);
      const r = await leaky.run({ exerciseId: 'leaky', files: { 'Probe.ts': forged } });
      expect(r.status).toBe('error');
      expect(r.points).toBe(0);
      expect(r.message).toMatch(/registered outside the suite's test file/);
      expect(r.message).toContain('Probe.ts');
    } finally {
      await leaky.close();
    }
  });

  it("a reused process keeps the test bundle compiled, and one run's tampering never reaches the next run", async () => {
    const owner = 'linking-owner';
    const first = await run(solution, owner);
    expect(first.status).toBe('pass');
    // Tries to change what the kept bundle's next instance sees: the registry's module objects, the
    // read-only classes, a built-in the tests use. Each fails or fails this run only.
    const tamper = `
${starter}
declare const require: (name: string) => any;
declare const module: { exports: unknown };
try { const e = require('@workspace/errors.ts'); e.CounterError = class {}; } catch {}
try { Object.defineProperty(require('@workspace/errors.ts').CounterError, Symbol.hasInstance, { value: () => true }); } catch {}
try { (require as any).cache = {}; } catch {}
`;
    const bad = await run(tamper, owner);
    expect(bad.status).not.toBe('pass');
    expect(bad.points).toBeLessThanOrEqual(starterPoints);
    const again = await run(solution, owner);
    expect(again.status).toBe('pass');
    const starterAgain = await run(starter, owner);
    expect(starterAgain.points).toBe(starterPoints);
  });

  it("a build error in the student's file names the file and the rule, as before", async () => {
    const r = await run(`${starter}\nimport { api } from 'rg:init';\nvoid api;\n`);
    expect(r.status).toBe('error');
    expect(r.reason).toBe('build');
    expect(r.location?.file).toBe('Counter.ts');
    expect(r.message).toMatch(/may only import/);
  });

  it("an error thrown in the student's file points into that file (the layered source map)", async () => {
    const source = solution.replace(/increment\(by = 1\): void \{/, "increment(by = 1): void {\n    if (by === 1) throw new Error('boom from the student');");
    expect(source).not.toBe(solution);
    const r = await run(source);
    const failed = r.tests.find((t) => t.message?.includes('boom from the student'));
    expect(failed).toBeDefined();
    expect(failed!.error_location?.file).toBe('Counter.ts');
    const line = source.split('\n').findIndex((l) => l.includes('boom from the student')) + 1;
    expect(failed!.error_location?.line).toBe(line);
  });
});
