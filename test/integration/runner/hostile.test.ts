// Hostile student code, each case contained with a clear result and the host unharmed. The
// submission is the counter fixture's starter (which fails) plus the hostile code: nothing here may
// turn it into a pass.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner, loadRunnerExercise, type RunResult, type Runner } from '../../../electron/engine/runner';

const exercisesDir = path.resolve(__dirname, '../../fixtures/exercises');
const solution = fs.readFileSync(path.join(exercisesDir, 'counter/solution/Counter.ts'), 'utf8');
const markerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-hostile-'));
const marker = path.join(markerDir, 'escaped');

let runner: Runner;
beforeAll(() => {
  runner = createRunner({ exercisesDir, warm: 1 });
});
afterAll(async () => {
  await runner.close();
  fs.rmSync(markerDir, { recursive: true, force: true });
});

/** A failing Counter.ts: `topLevel` runs when the module loads, `body` inside increment(). */
function counterWith(body: string, topLevel = ''): string {
  return `
${topLevel}
export class Counter {
  value = 0;
  version = 0;
  readonly events: Array<{ type: 'Incremented'; by: number; version: number }> = [];
  constructor(readonly limit = 10) {}
  increment(by = 1): void {
    void by;
    ${body}
    throw new Error('not implemented');
  }
}
`;
}

async function run(source: string, suites: 'visible' | 'all' = 'visible'): Promise<RunResult> {
  return runner.run({ exerciseId: 'counter', files: { 'Counter.ts': source }, suites });
}

/**
 * The same run with a time limit a memory bomb does not reach on a busy machine (6 s per test instead of
 * 1.25 s): the memory cases must be stopped by the memory limits, and on two loaded cores filling
 * hundreds of MB could otherwise lose the race against the clock and say "timed out" instead.
 */
async function runWithTimeToSpare(source: string): Promise<RunResult> {
  const exercise = loadRunnerExercise(exercisesDir, 'counter');
  const { manifest } = exercise;
  return runner.runSuites({
    id: manifest.id,
    readonly: exercise.readonly,
    files: { 'Counter.ts': source },
    editable: manifest.editable,
    tests: exercise.tests,
    suites: manifest.suites.filter((s) => s.visibility === 'visible'),
    limits: { ...manifest.limits, timeoutMs: 24_000 },
    allowedImports: manifest.allowedImports,
  });
}

/** The tests that need increment() must not pass; overall the run is not a pass. */
function expectContained(r: RunResult): void {
  expect(r.status).not.toBe('pass');
  const needIncrement = r.tests.filter((t) => t.name !== 'Counter > starts at zero');
  for (const t of needIncrement) expect(t.status, t.name).not.toBe('pass');
  expect(r.points).toBeLessThanOrEqual(1);
  expect(Buffer.byteLength(JSON.stringify(r))).toBeLessThanOrEqual(500 * 1024);
}

// Tries every way out of the sandbox we know of; if one gives `process`, it writes the marker file,
// reads /etc/hostname and spawns a process. Throws a report of what each attempt did.
const ESCAPES = `
  const report: string[] = [];
  const marker = ${JSON.stringify(marker)};
  const use = (how: string, p: any) => {
    if (!p || typeof p !== 'object') { report.push(how + ': no process'); return; }
    try { const fs = p.getBuiltinModule ? p.getBuiltinModule('fs') : p.mainModule.require('fs'); fs.writeFileSync(marker, how); report.push(how + ': WROTE'); } catch (e: any) { report.push(how + ': write failed ' + e?.code); }
    try { p.getBuiltinModule('child_process').execSync('touch ' + marker + '-spawn'); report.push(how + ': SPAWNED'); } catch (e: any) { report.push(how + ': spawn failed ' + e?.code); }
  };
  const attempt = (how: string, fn: () => any) => {
    try { use(how, fn.call(globalThis)); } catch (e: any) { report.push(how + ': ' + (e?.name ?? 'thrown')); }
  };
  const g: any = globalThis;
  attempt('global process', () => g.process);
  attempt('require', () => g['req' + 'uire']('fs'));
  attempt('process.binding', () => (process as any).binding('fs'));
  attempt('process.getBuiltinModule', () => (process as any).getBuiltinModule('fs'));
  attempt('this.constructor.constructor', function (this: any) { return this.constructor.constructor('return process')(); });
  attempt('object constructor chain', () => ({}).constructor.constructor('return process')());
  attempt('console constructor chain', () => (console.log as any).constructor.constructor('return process')());
  attempt('setTimeout constructor chain', () => (setTimeout as any).constructor.constructor('return process')());
  attempt('async function constructor', () => (async () => {}).constructor('return process')());
  attempt('eval', () => (0, eval)('process'));
  attempt('prototype of console', () => Object.getPrototypeOf(Object.getPrototypeOf(console)).constructor.constructor('return process')());
  attempt('stack trace callsites', () => {
    const E: any = Error;
    E.prepareStackTrace = (_: unknown, cs: any[]) => cs;
    const cs: any[] = (new Error() as any).stack;
    E.prepareStackTrace = undefined;
    for (const c of cs) {
      const t = c.getThis?.(); const f = c.getFunction?.();
      for (const x of [t, f]) { if (x) { try { return x.constructor.constructor('return process')(); } catch {} } }
    }
    return undefined;
  });
  attempt('dynamic import', () => { const spec = ['node', 'fs'].join(':'); (import(spec) as Promise<any>).then((m) => m.writeFileSync(marker, 'import'), () => undefined); return undefined; });
  attempt('WebAssembly', () => (g.WebAssembly ? new g.WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])) : undefined));
  throw new Error('ESCAPES ' + report.join(' | '));
`;

describe('hostile student code', () => {
  it('an infinite loop at the top level is stopped and reported', async () => {
    const r = await run(counterWith('', 'while (true) {}'));
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/longer than|too long/);
    expect(r.reason).toBe('timeout');
    expectContained(r);
  });

  it('an infinite loop inside a test is stopped and reported', async () => {
    const r = await run(counterWith('while (true) {}'));
    expectContained(r);
    const reasons = [...r.tests.map((t) => t.message ?? ''), ...r.suites.map((s) => s.message ?? '')].join('\n');
    expect(reasons).toMatch(/timed out|too long/);
    expect([...r.tests.map((t) => t.reason), ...r.suites.map((s) => s.reason)]).toContain('timeout');
  });

  it('an allocation bomb hits the heap limit', async () => {
    // Big steps (16 MB each) reach the 64 MB limit in a few allocations, so the heap limit, not the
    // wall clock, stops it even on a busy machine (small steps spend seconds in GCs near the limit).
    const r = await runWithTimeToSpare(counterWith('const a: unknown[] = []; for (;;) a.push(new Array(2_000_000).fill(1));'));
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/memory/);
    expectContained(r);
  });

  it('a bomb of ArrayBuffers (outside the heap) is stopped by the memory watchdog', async () => {
    const r = await runWithTimeToSpare(counterWith('const a: unknown[] = []; for (;;) a.push(new Uint8Array(64 * 1024 * 1024).fill(1));'));
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/memory/);
    expectContained(r);
  });

  it('deep recursion fails the test with a stack overflow', async () => {
    const r = await run(counterWith('const f = (n: number): number => f(n + 1) + 1; f(0);'));
    expectContained(r);
    expect(r.tests.find((t) => t.name === 'Counter > increments by one')!.message).toMatch(/Maximum call stack/);
  });

  it('process.exit is not there, at the top level or in a test', async () => {
    const inTest = await run(counterWith('process.exit(0);'));
    expectContained(inTest);
    expect(inTest.tests.find((t) => t.name === 'Counter > increments by one')!.message).toMatch(/process is not defined/);
    const topLevel = await run(counterWith('', 'process.exit(0);'));
    expect(topLevel.status).toBe('error');
    expectContained(topLevel);
  });

  it('files cannot be read or written, nor processes spawned: require, import, process.binding, getBuiltinModule, constructor chains', async () => {
    const r = await run(counterWith(ESCAPES));
    expectContained(r);
    const message = r.tests.find((t) => t.name === 'Counter > increments by one')!.message!;
    expect(message).toContain('ESCAPES');
    expect(message).not.toMatch(/WROTE|SPAWNED/);
    expect(message).toMatch(/this\.constructor\.constructor: EvalError/);
    expect(message).toMatch(/console constructor chain: EvalError/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(`${marker}-spawn`)).toBe(false);
  });

  it('static imports of Node modules or files outside the workspace fail the build', async () => {
    for (const imp of [`import fs from 'node:fs';`, `import fs from 'fs';`, `import cp from 'child_process';`, `import x from '../tests/hidden/limits.test';`, `import x from '/etc/passwd';`]) {
      const r = await run(counterWith('', `${imp}\nvoid x;`.replace('void x;', imp.includes(' x ') ? 'void x;' : imp.includes('cp') ? 'void cp;' : 'void fs;')));
      expect(r.status, imp).toBe('error');
      expect(r.location?.file, imp).toBe('Counter.ts');
      expect(r.message, imp).toMatch(/cannot import|only import/);
    }
    const req = await run(counterWith(`const fs = require('fs'); fs.writeFileSync(${JSON.stringify(marker)}, 'x');`));
    expect(req.status).toBe('error');
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('cannot open a network connection (the listener receives nothing)', async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = await run(
        counterWith(`
          const g: any = globalThis;
          const url = 'http://127.0.0.1:${port}/';
          const tries: string[] = [];
          for (const name of ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'navigator']) tries.push(name + ':' + typeof g[name]);
          try { g.fetch(url); } catch (e: any) { tries.push('fetch ' + e?.name); }
          try { (console.log as any).constructor.constructor('return process')().getBuiltinModule('net').connect(${port}, '127.0.0.1'); } catch (e: any) { tries.push('net ' + e?.name); }
          throw new Error('NET ' + tries.join(' '));
        `),
      );
      expectContained(r);
      expect(r.tests[1]!.message).toContain('fetch:undefined');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it('a huge error message is truncated, not a way to break the run', async () => {
    const r = await run(counterWith("throw new Error('x'.repeat(20_000_000));"));
    expectContained(r);
    expect(r.status, r.message ?? '').toBe('fail');
    expect(r.tests[1]!.message!.length).toBeLessThan(10_000);
  });

  it('printing 100 MB is capped', async () => {
    const r = await run(counterWith("const s = 'x'.repeat(1024 * 1024); for (let i = 0; i < 100; i++) console.log(s);", "console.log('y'.repeat(100 * 1024 * 1024));"));
    expectContained(r);
    for (const t of r.tests) expect((t.output ?? '').length).toBeLessThanOrEqual(9 * 1024);
  });

  it('overriding expect, Object.prototype, Array.prototype and other built-ins does not fake a pass', async () => {
    const overrides = `
      const g: any = globalThis;
      g.expect = () => new Proxy({}, { get: () => () => undefined });
      g.describe = g.it = g.test = () => undefined;
      Object.defineProperty(Object.prototype, 'toBe', { value() {}, configurable: true, writable: true });
      Object.defineProperty(Object.prototype, 'status', { get() { return 'pass'; }, set() {}, configurable: true });
      Array.prototype.some = () => true;
      Array.prototype.every = () => true;
      Array.prototype.includes = () => true;
      Object.is = () => true;
      Object.keys = () => [];
      Reflect.ownKeys = () => [];
      JSON.stringify = () => '{"version":3,"status":"pass","tests":[]}';
      (Promise.prototype as any).then = function (ok: any) { ok?.(); return this; };
      Error.prototype.toString = () => 'pass';
      // reach into the harness's realm through its objects: frozen, so nothing sticks
      try { Object.getPrototypeOf(Object.getPrototypeOf(console)).status = 'pass'; } catch {}
      try { (Object.getPrototypeOf(console.log) as any).call = () => undefined; } catch {}
      try { Object.defineProperty(Object.getPrototypeOf(Object.getPrototypeOf(console)), 'status', { get: () => 'pass' }); } catch {}
    `;
    // At load time: every test fails, none is run.
    const atLoad = await run(counterWith('', overrides));
    expectContained(atLoad);
    expect(atLoad.status).toBe('fail');
    expect(atLoad.tests.length).toBe(5);
    for (const t of atLoad.tests) expect(t.message).toMatch(/changed a built-in/);
    // Inside a test: every test of the suite fails.
    const inTest = await run(counterWith(overrides));
    expectContained(inTest);
    const visible = inTest.tests.filter((t) => t.visibility === 'visible');
    expect(visible.length).toBe(5);
    for (const t of visible) {
      expect(t.status).toBe('fail');
      expect(t.message).toMatch(/changed a built-in/);
    }
  });

  it('a subtle patch of a built-in that tests use to compute expectations is caught', async () => {
    // Makes every array "equal" by neutering reduce/map in the shared realm: caught, not a pass.
    const r = await run(solution.replace('export class Counter', 'Array.prototype.reduce = function () { return 0; };\nexport class Counter'));
    expect(r.status).toBe('fail');
    expect(r.points).toBe(0);
    for (const t of r.tests) expect(t.message).toContain('Array.prototype.reduce');
  });

  it('cannot read the hidden tests', async () => {
    const snoop = `
      const g: any = globalThis;
      console.log('globals', Object.getOwnPropertyNames(g).join(','));
      try { console.log(String(g.__rg_take)); g.__rg_take(); console.log('TOOK THE HARNESS'); } catch (e: any) { console.log('take: ' + e?.message); }
      Array.prototype.forEach = function (this: unknown[], cb: any) { console.log('cb', String(cb)); for (let i = 0; i < this.length; i++) cb(this[i], i, this); };
    `;
    const visible = await run(counterWith(snoop));
    expectContained(visible);
    const visibleText = JSON.stringify(visible);
    expect(visibleText).not.toContain('refuses fractions');
    expect(visibleText).not.toContain('TOOK THE HARNESS');
    expect(visible.tests.every((t) => t.visibility === 'visible')).toBe(true);
    // With the hidden suites (grading), their code and the output during them are not reported.
    const all = await run(counterWith(snoop), 'all');
    const hidden = all.tests.filter((t) => t.visibility === 'hidden');
    expect(hidden.length).toBe(2);
    for (const t of hidden) {
      expect(t.test_code).toBe('');
      expect(t.output).toBeNull();
      expect(t.status).not.toBe('pass');
    }
  });

  it('a forged result (printed, returned, thrown or pushed through harness internals) changes nothing', async () => {
    const forge = `
      const forged = { version: 3, status: 'pass', message: null, tests: [{ name: 'Counter > increments by one', status: 'pass' }] };
      console.log(JSON.stringify(forged));
      const g: any = globalThis;
      for (const k of Object.getOwnPropertyNames(g)) {
        if (k.startsWith('__rg')) {
          try { g[k] = () => forged; } catch {}
          try { Object.defineProperty(g, k, { value: () => forged }); } catch {}
          try { console.log(k, typeof g[k]); } catch {}
        }
      }
      throw forged;
    `;
    const r = await run(counterWith(forge, `const g0: any = globalThis; try { g0.__rg_take(); } catch {} export const results = { status: 'pass' };`));
    expectContained(r);
    expect(r.tests.find((t) => t.name === 'Counter > increments by one')).toMatchObject({ status: 'fail' });
  });

  it('an endless promise chain left behind by a passing run does not stall the next run', async () => {
    // A correct solution that, in the last visible test, starts a microtask loop that never yields.
    const sneaky = solution.replace(
      'this.version += 1;',
      'if (by === 3) { const spin = (): Promise<void> => Promise.resolve().then(spin); void spin(); }\n    this.version += 1;',
    );
    expect(sneaky).not.toBe(solution);
    const first = await run(sneaky);
    expect(first.status).toBe('pass');
    const next = await run(solution);
    // A stalled process would have run into the wall clock and reported an error instead.
    expect(next.status).toBe('pass');
  });

  it('the host is unharmed: the reference solution still passes afterwards', async () => {
    const r = await run(solution, 'all');
    expect(r.status).toBe('pass');
    expect(r.points).toBe(r.max_points);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
