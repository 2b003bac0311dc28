// The test harness inside the sandbox process: runs one bundled suite in a fresh vm context that
// holds only the harness's globals, collects describe/it, runs hooks and tests, and reports each
// test as plain data. The authoritative pass/fail state lives here, in the harness's realm, never
// in the sandboxed realm the student's code can reach.
import vm from 'node:vm';
import { types } from 'node:util';
import { randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { assertionErrors, createExpect } from './expect';
import { formatArgs, formatValue, safeGet } from './format';
import { snapshotIntrinsics } from './integrity';

export interface Frame {
  line: number;
  column: number;
}

export interface TestReport {
  name: string;
  status: 'pass' | 'fail' | 'error';
  message: string | null;
  output: string | null;
  duration_ms: number;
  /** Bundle positions of the `it(...)` call (first frames of the stack at registration). */
  frames: Frame[];
  /** Bundle positions from the stack of the error that failed the test. */
  errorFrames: Frame[];
  details?: unknown;
}

export interface SuiteReport {
  status: 'ok' | 'error';
  message: string | null;
  output: string | null;
  errorFrames: Frame[];
  /** A test or hook hit a timeout: the process should not be reused. */
  dirty: boolean;
}

export interface SuiteOptions {
  code: string;
  filename: string;
  testTimeoutMs: number;
  /** Per-test cap on captured console output (characters). */
  testOutputCap: number;
  /** Remaining budget of captured output for the whole run (characters), shared across suites. */
  outputBudget: { left: number };
  onTest(report: TestReport): void;
}

type Fn = (...args: unknown[]) => unknown;

interface Block {
  name: string;
  parent: Block | null;
  items: Array<Block | TestCase>;
  beforeAll: Fn[];
  afterAll: Fn[];
  beforeEach: Fn[];
  afterEach: Fn[];
  skip: boolean;
  only: boolean;
}

interface TestCase {
  kind: 'test';
  name: string;
  fn: Fn | undefined;
  block: Block;
  frames: Frame[];
  skip: boolean;
  only: boolean;
}

const TIMEOUT = Symbol('timeout');

// Runs in each fresh context before any test or student code: globals students commonly expect that
// must be made of the sandbox's own realm (not handed in from the harness's).
const PRELUDE = new vm.Script(
  `(() => {
    const clone = (v, seen) => {
      if (v === null || typeof v !== 'object') {
        if (typeof v === 'function' || typeof v === 'symbol') throw new DOMException_('could not be cloned');
        return v;
      }
      if (seen.has(v)) return seen.get(v);
      let out;
      if (v instanceof Date) out = new Date(v.getTime());
      else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
      else if (v instanceof Map) { out = new Map(); seen.set(v, out); for (const [k, x] of v) out.set(clone(k, seen), clone(x, seen)); return out; }
      else if (v instanceof Set) { out = new Set(); seen.set(v, out); for (const x of v) out.add(clone(x, seen)); return out; }
      else if (Array.isArray(v)) { out = []; seen.set(v, out); for (let i = 0; i < v.length; i++) out[i] = clone(v[i], seen); return out; }
      else if (v instanceof Error) { out = new Error(v.message); out.name = v.name; }
      else { out = {}; seen.set(v, out); for (const k of Object.keys(v)) out[k] = clone(v[k], seen); return out; }
      seen.set(v, out);
      return out;
    };
    class DOMException_ extends Error { constructor(m) { super(m); this.name = 'DataCloneError'; } }
    Object.defineProperty(globalThis, 'structuredClone', { value: (v) => clone(v, new Map()), writable: true, configurable: true });
  })();`,
  { filename: 'harness-prelude.js' },
);

/** Positions in the bundle (our vm filename) found in a stack trace. */
export function framesOf(stack: unknown, filename: string): Frame[] {
  if (typeof stack !== 'string') return [];
  const out: Frame[] = [];
  const esc = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${esc}:(\\d+):(\\d+)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(stack)) && out.length < 12) out.push({ line: Number(m[1]), column: Number(m[2]) });
  return out;
}

/** vm's timeout error (created in the sandbox's realm, so not an instance of this realm's Error). */
function isTimeout(err: unknown): boolean {
  if (err === null || typeof err !== 'object' || assertionErrors.has(err)) return false;
  const message = safeGet(err, 'message');
  return typeof message === 'string' && message.startsWith('Script execution timed out');
}

function isBlock(x: Block | TestCase): x is Block {
  return (x as TestCase).kind !== 'test';
}

function errorMessage(err: unknown): string {
  if (err !== null && typeof err === 'object') {
    const name = safeGet(err, 'name');
    const message = safeGet(err, 'message');
    if (typeof message === 'string') return `${typeof name === 'string' && name ? name : 'Error'}: ${message}`;
  }
  return `thrown: ${formatValue(err)}`;
}

function copyDetails(err: unknown): unknown {
  if (err === null || typeof err !== 'object') return undefined;
  const details = safeGet(err, 'details');
  if (details === undefined || details === null) return undefined;
  try {
    const text = JSON.stringify(details);
    if (typeof text !== 'string' || text.length > 64 * 1024) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteReport> {
  const { filename } = opts;
  const root: Block = { name: '', parent: null, items: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], skip: false, only: false };
  let current = root;
  let collecting = true;
  let dirty = false;
  let anyOnly = false;

  // Console capture: text goes to the running test, or to the suite while collecting.
  let sink: { text: string; cap: number; truncated: boolean } = { text: '', cap: opts.testOutputCap, truncated: false };
  const suiteSink = sink;
  const write = (args: unknown[]) => {
    if (sink.truncated) return;
    const room = Math.min(sink.cap - sink.text.length, opts.outputBudget.left);
    if (room <= 0) {
      sink.truncated = true;
      sink.text += '\n… output truncated';
      return;
    }
    const line = formatArgs(args) + '\n';
    const piece = line.length > room ? line.slice(0, room) : line;
    sink.text += piece;
    opts.outputBudget.left -= piece.length;
    if (line.length > room) {
      sink.truncated = true;
      sink.text += '\n… output truncated';
    }
  };
  const consoleObj = Object.freeze({
    log: (...a: unknown[]) => write(a),
    info: (...a: unknown[]) => write(a),
    debug: (...a: unknown[]) => write(a),
    warn: (...a: unknown[]) => write(a),
    error: (...a: unknown[]) => write(a),
    trace: (...a: unknown[]) => write(a),
    table: (...a: unknown[]) => write(a),
    dir: (...a: unknown[]) => write(a),
  });

  // Timers: ids only (never Node's Timeout objects), all cleared when the suite ends.
  const timers = new Map<number, NodeJS.Timeout>();
  let nextTimer = 1;
  const addTimer = (repeat: boolean, fn: unknown, ms: unknown, args: unknown[]) => {
    if (typeof fn !== 'function') throw new TypeError('timer callback must be a function');
    const id = nextTimer++;
    const delay = Math.max(0, Number(ms) || 0);
    const run = () => {
      if (!repeat) timers.delete(id);
      try {
        Reflect.apply(fn, undefined, args);
      } catch (err) {
        write([`Uncaught error in timer: ${errorMessage(err)}`]);
      }
    };
    timers.set(id, repeat ? setInterval(run, delay) : setTimeout(run, delay));
    return id;
  };
  const clearTimer = (id: unknown) => {
    const t = timers.get(Number(id));
    if (t) {
      clearTimeout(t);
      timers.delete(Number(id));
    }
  };

  // The running test's failures: recorded by expect even if the exception is swallowed.
  let failures: string[] | null = null;
  let assertions = 0;
  let expectedAssertions: number | 'some' | null = null;

  const settle = (value: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> =>
    new Promise((resolve) => {
      const ok = (v: unknown) => resolve({ ok: true, value: v });
      const bad = (e: unknown) => resolve({ ok: false, error: e });
      try {
        // For a genuine promise, use this realm's `then`: a patched Promise.prototype.then in the
        // sandbox cannot report completion early.
        if (types.isPromise(value)) Reflect.apply(Promise.prototype.then, value, [ok, bad]);
        else Promise.resolve(value).then(ok, bad);
      } catch (err) {
        bad(err);
      }
    });

  const expect = createExpect({
    onFailure: (m) => {
      if (failures && failures.length < 20) failures.push(m);
    },
    onAssertion: () => {
      assertions++;
    },
    expectAssertions: (n) => {
      expectedAssertions = n;
    },
    settle,
  });

  const newBlock = (name: string, skip: boolean, only: boolean): Block => ({
    name,
    parent: current,
    items: [],
    beforeAll: [],
    afterAll: [],
    beforeEach: [],
    afterEach: [],
    skip,
    only,
  });

  const guardCollecting = (what: string) => {
    if (!collecting) throw new Error(`${what}() can only be called while the test file is loading`);
  };

  const describeImpl = (skip: boolean, only: boolean) => (name: unknown, fn?: unknown) => {
    guardCollecting('describe');
    const block = newBlock(String(name), skip || current.skip, only);
    if (only) anyOnly = true;
    current.items.push(block);
    if (typeof fn === 'function') {
      const prev = current;
      current = block;
      try {
        const r = Reflect.apply(fn, undefined, []);
        if (types.isPromise(r)) throw new Error(`describe('${String(name)}') callback must not be async`);
      } finally {
        current = prev;
      }
    }
  };

  const testImpl = (skip: boolean, only: boolean) => (name: unknown, fn?: unknown) => {
    guardCollecting('it');
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder);
    if (only) anyOnly = true;
    current.items.push({
      kind: 'test',
      name: String(name),
      fn: typeof fn === 'function' ? (fn as Fn) : undefined,
      block: current,
      frames: framesOf(holder.stack, filename),
      skip: skip || current.skip || typeof fn !== 'function',
      only,
    });
  };

  const formatName = (template: string, row: unknown[], index: number) => {
    let i = 0;
    let name = template.replace(/%[sdifjo#%]/g, (tok) => {
      if (tok === '%%') return '%';
      if (tok === '%#') return String(index);
      const v = row[i++];
      return typeof v === 'string' && tok === '%s' ? v : formatValue(v);
    });
    const first = row[0];
    if (row.length === 1 && first !== null && typeof first === 'object') {
      name = name.replace(/\$([A-Za-z_][\w.]*)/g, (_, key: string) => formatValue(safeGet(first, key)));
    }
    return name;
  };
  const eachImpl = (register: (name: unknown, fn?: unknown) => void) => (table: unknown) => (name: unknown, fn: unknown) => {
    if (!Array.isArray(table)) throw new TypeError('each() needs an array');
    table.forEach((row: unknown, index: number) => {
      const args = Array.isArray(row) ? [...row] : [row];
      register(formatName(String(name), args, index), typeof fn === 'function' ? () => Reflect.apply(fn, undefined, args) : undefined);
    });
  };

  const withVariants = (make: (skip: boolean, only: boolean) => (name: unknown, fn?: unknown) => void) => {
    const base = make(false, false);
    return Object.freeze(
      Object.assign((name: unknown, fn?: unknown) => base(name, fn), {
        skip: make(true, false),
        only: make(false, true),
        todo: (name: unknown) => make(true, false)(name),
        each: eachImpl(base),
        skipIf: (cond: unknown) => (cond ? make(true, false) : base),
        runIf: (cond: unknown) => (cond ? base : make(true, false)),
      }),
    );
  };

  const hook = (kind: 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach') => (fn: unknown) => {
    guardCollecting(kind);
    if (typeof fn !== 'function') throw new TypeError(`${kind} needs a function`);
    current[kind].push(fn as Fn);
  };

  const describe = withVariants(describeImpl);
  const it = withVariants(testImpl);
  const api = Object.freeze({
    describe,
    suite: describe,
    it,
    test: it,
    expect,
    beforeAll: hook('beforeAll'),
    afterAll: hook('afterAll'),
    beforeEach: hook('beforeEach'),
    afterEach: hook('afterEach'),
  });

  // The context: only these globals. The harness API is handed out once, to the first caller,
  // which is the bundle's entry module before any workspace code runs.
  let taken = false;
  const sandbox = Object.create(null) as Record<string, unknown>;
  const callName = `__rg_call_${randomBytes(8).toString('hex')}`;
  let invoke: (() => unknown) | null = null;
  const define = (name: string, value: unknown) =>
    Object.defineProperty(sandbox, name, { value, writable: false, configurable: false, enumerable: false });
  define('__rg_take', () => {
    if (taken) throw new Error('the harness is not available here');
    taken = true;
    return api;
  });
  Object.defineProperty(sandbox, callName, {
    get: () => {
      const fn = invoke;
      invoke = null; // one call per invocation: student code cannot re-enter a test
      return fn ?? (() => undefined);
    },
    configurable: false,
    enumerable: false,
  });
  define('console', consoleObj);
  define('setTimeout', (fn: unknown, ms?: unknown, ...args: unknown[]) => addTimer(false, fn, ms, args));
  define('setInterval', (fn: unknown, ms?: unknown, ...args: unknown[]) => addTimer(true, fn, ms, args));
  define('clearTimeout', clearTimer);
  define('clearInterval', clearTimer);
  define(
    'queueMicrotask',
    (fn: unknown) => {
      if (typeof fn !== 'function') throw new TypeError('queueMicrotask needs a function');
      queueMicrotask(() => {
        try {
          Reflect.apply(fn, undefined, []);
        } catch (err) {
          write([`Uncaught error in microtask: ${errorMessage(err)}`]);
        }
      });
    },
  );
  define('crypto', Object.freeze({ randomUUID: () => randomUUID(), getRandomValues: (a: unknown) => webcrypto.getRandomValues(a as Uint8Array) }));
  const context = vm.createContext(sandbox, { name: filename, codeGeneration: { strings: false, wasm: false } });
  PRELUDE.runInContext(context);
  const intrinsics = snapshotIntrinsics(context, new Set());
  const tampered = (c: string) => `the code changed a built-in (${c}); changing built-ins is not allowed, as the tests could no longer be trusted`;
  let poisoned: string | null = null;
  const callScript = new vm.Script(`${callName}()`, { filename: 'harness-call.js' });

  // Runs fn with a synchronous time limit, then waits for it (if it returned a promise) with the same limit.
  const call = async (fn: Fn, timeoutMs: number): Promise<{ ok: true } | { ok: false; error: unknown } | typeof TIMEOUT> => {
    const started = performance.now();
    let result: unknown;
    invoke = () => Reflect.apply(fn, undefined, []);
    try {
      result = callScript.runInContext(context, { timeout: timeoutMs });
    } catch (err) {
      invoke = null;
      if (isTimeout(err)) {
        dirty = true;
        return TIMEOUT;
      }
      return { ok: false, error: err };
    }
    if (result === null || (typeof result !== 'object' && typeof result !== 'function')) return { ok: true };
    const left = Math.max(1, timeoutMs - (performance.now() - started));
    let timer: NodeJS.Timeout | undefined;
    const raced = await Promise.race([
      settle(result),
      new Promise<typeof TIMEOUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMEOUT), left);
      }),
    ]);
    clearTimeout(timer);
    if (raced === TIMEOUT) {
      dirty = true;
      return TIMEOUT;
    }
    return raced.ok ? { ok: true } : { ok: false, error: raced.error };
  };

  // 1. Load the file: the bundle's top level runs the test file's describe/it calls.
  try {
    const script = new vm.Script(`'use strict';${opts.code}`, { filename });
    const r = script.runInContext(context, { timeout: opts.testTimeoutMs });
    void r;
  } catch (err) {
    const timedOut = isTimeout(err);
    if (timedOut) dirty = true;
    for (const t of timers.values()) clearTimeout(t);
    return {
      status: 'error',
      message: timedOut
        ? `loading the code took longer than ${opts.testTimeoutMs} ms (an infinite loop at the top level?)`
        : `the test file could not be loaded: ${errorMessage(err)}`,
      output: suiteSink.text || null,
      errorFrames: framesOf(safeGet(err, 'stack'), filename),
      dirty,
    };
  }
  collecting = false;
  // Built-ins changed while loading: every test fails (none is run in a realm that cannot be trusted).
  const poisonedAtLoad = intrinsics.changed();
  poisoned = poisonedAtLoad;
  if (poisoned) dirty = true;

  // 2. Run the tests in order, with hooks.
  const chain = (b: Block): Block[] => {
    const out: Block[] = [];
    for (let x: Block | null = b; x; x = x.parent) out.unshift(x);
    return out;
  };
  const fullName = (t: TestCase) =>
    [...chain(t.block).map((b) => b.name).filter((n) => n !== ''), t.name].join(' > ');
  const selected = (t: TestCase): boolean => {
    if (t.skip) return false;
    if (!anyOnly) return true;
    if (t.only) return true;
    return chain(t.block).some((b) => b.only);
  };
  const hasSelected = (b: Block): boolean => b.items.some((x) => (isBlock(x) ? hasSelected(x) : selected(x)));

  const runBlock = async (b: Block, inheritedFailure: string | null): Promise<void> => {
    if (!hasSelected(b)) return;
    let blockFailure = inheritedFailure;
    if (!blockFailure) {
      for (const h of b.beforeAll) {
        sink = suiteSink;
        const r = await call(h, opts.testTimeoutMs);
        if (r === TIMEOUT) blockFailure = `beforeAll hook timed out after ${opts.testTimeoutMs} ms`;
        else if (!r.ok) blockFailure = `beforeAll hook failed: ${errorMessage(r.error)}`;
        if (blockFailure) break;
      }
    }
    for (const item of b.items) {
      if (isBlock(item)) await runBlock(item, blockFailure);
      else if (selected(item)) await runTest(item, blockFailure);
    }
    if (!blockFailure) {
      for (const h of b.afterAll) {
        sink = suiteSink;
        await call(h, opts.testTimeoutMs);
      }
    }
  };

  const runTest = async (t: TestCase, blockFailure: string | null): Promise<void> => {
    const name = fullName(t);
    if (blockFailure || poisoned) {
      const message = poisonedAtLoad
        ? tampered(poisonedAtLoad)
        : poisoned
          ? `not run: an earlier test left a built-in changed (${poisoned})`
          : blockFailure;
      opts.onTest({ name, status: 'fail', message, output: null, duration_ms: 0, frames: t.frames, errorFrames: [], details: undefined });
      return;
    }
    const blocks = chain(t.block);
    sink = { text: '', cap: opts.testOutputCap, truncated: false };
    failures = [];
    assertions = 0;
    expectedAssertions = null;
    const started = performance.now();
    let status: TestReport['status'] = 'pass';
    let message: string | null = null;
    let thrown: unknown;
    let threw = false;
    let timedOut = false;

    const runFn = async (fn: Fn, label: string): Promise<boolean> => {
      const r = await call(fn, opts.testTimeoutMs);
      if (r === TIMEOUT) {
        timedOut = true;
        status = 'error';
        message = `${label} timed out after ${opts.testTimeoutMs} ms (an infinite loop, or a promise that never settles?)`;
        return false;
      }
      if (!r.ok) {
        threw = true;
        thrown = r.error;
        return false;
      }
      return true;
    };

    let ok = true;
    for (const b of blocks) {
      for (const h of b.beforeEach) {
        if (ok) ok = await runFn(h, 'beforeEach hook');
      }
    }
    if (ok && t.fn) ok = await runFn(t.fn, 'the test');
    if (!timedOut) {
      for (const b of [...blocks].reverse()) {
        for (const h of b.afterEach) {
          if (!timedOut) {
            const wasThrown = threw;
            const r = await runFn(h, 'afterEach hook');
            if (!r && wasThrown) threw = true;
          }
        }
      }
    }
    const duration = performance.now() - started;
    const recorded = failures;
    failures = null;
    let details: unknown;
    if (!timedOut) {
      if (threw) {
        status = 'fail';
        const isAssertion = thrown !== null && typeof thrown === 'object' && assertionErrors.has(thrown);
        details = copyDetails(thrown);
        const own = safeGet(thrown, 'message');
        if (isAssertion && recorded.length) message = recorded[0]!;
        else if (details !== undefined && typeof own === 'string') message = own;
        else message = errorMessage(thrown);
      } else if (recorded.length) {
        status = 'fail';
        message = `${recorded[0]!}\n(this assertion failed even though its error was caught)`;
      } else if (expectedAssertions === 'some' && assertions === 0) {
        status = 'fail';
        message = 'expected at least one assertion, but none ran';
      } else if (typeof expectedAssertions === 'number' && assertions !== expectedAssertions) {
        status = 'fail';
        message = `expected ${expectedAssertions} assertions, but ${assertions} ran`;
      }
    }
    poisoned = intrinsics.changed();
    if (poisoned) {
      dirty = true;
      if ((status as TestReport['status']) !== 'error') status = 'fail';
      message = message ? `${tampered(poisoned)}\n${message}` : tampered(poisoned);
    }
    opts.onTest({
      name,
      status,
      message,
      output: sink.text || null,
      duration_ms: Math.round(duration * 1000) / 1000,
      frames: t.frames,
      errorFrames: threw ? framesOf(safeGet(thrown, 'stack'), filename) : [],
      details,
    });
    sink = suiteSink;
  };

  try {
    await runBlock(root, null);
  } finally {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  }
  return { status: 'ok', message: null, output: suiteSink.text || null, errorFrames: [], dirty };
}
