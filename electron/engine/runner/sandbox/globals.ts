// The sandbox's global scope for one suite: a fresh vm context holding only the harness's globals
// (console, timers, queueMicrotask, crypto, structuredClone, the one-shot harness hook and the
// read-only modules' freeze hook), the
// console capture with its caps, and a timed way to call into the context.
import vm from 'node:vm';
import { types } from 'node:util';
import { randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { errorMessage, isTimeout } from './errors';
import { formatArgs } from './format';
import { FREEZE_HOOK } from './hooks';
import { snapshotIntrinsics, type IntrinsicsSnapshot } from './integrity';

export const TIMEOUT = Symbol('timeout');

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
    // Ways to have code called back later, outside any test and its time limit: not offered.
    delete globalThis.FinalizationRegistry;
    if (typeof Atomics === 'object' && 'waitAsync' in Atomics) delete Atomics.waitAsync;
  })();`,
  { filename: 'harness-prelude.js' },
);


/** Console output of the running test (or of the suite between tests), under per-test and run caps. */
export class OutputCapture {
  private sink = { text: '', truncated: false };
  private readonly suiteSink = this.sink;

  constructor(
    private readonly testCap: number,
    private readonly budget: { left: number },
  ) {}

  write(args: unknown[]): void {
    const sink = this.sink;
    if (sink.truncated) return;
    const room = Math.min(this.testCap - sink.text.length, this.budget.left);
    if (room <= 0) {
      sink.truncated = true;
      sink.text += '\n… output truncated';
      return;
    }
    const line = formatArgs(args) + '\n';
    const piece = line.length > room ? line.slice(0, room) : line;
    sink.text += piece;
    this.budget.left -= piece.length;
    if (line.length > room) {
      sink.truncated = true;
      sink.text += '\n… output truncated';
    }
  }

  /** Output from now on belongs to a test. */
  startTest(): void {
    this.sink = { text: '', truncated: false };
  }

  /** The test's output; later output belongs to the suite again. */
  endTest(): string | null {
    const text = this.sink.text;
    this.sink = this.suiteSink;
    return text || null;
  }

  /** Back to the suite (before/after hooks). */
  toSuite(): void {
    this.sink = this.suiteSink;
  }

  suiteText(): string | null {
    return this.suiteSink.text || null;
  }
}

export type CallOutcome = { ok: true; value?: unknown } | { ok: false; error: unknown } | typeof TIMEOUT;

/** The functions a suite calls (hooks and tests), one after another: each gets the previous one's outcome. */
export type Steps = Generator<(...args: unknown[]) => unknown, void, CallOutcome>;

/**
 * How long a series of synchronous steps may go on starting new steps under one watchdog (ms). A vm
 * time limit starts a watchdog thread per call, which costs ≈ 0.1–0.5 ms on a quiet machine and several
 * ms on a busy one: a suite's synchronous tests share one instead of one each.
 */
const SERIES_BUDGET_MS = 25;

export interface Sandbox {
  context: vm.Context;
  /** The context's built-ins as recorded before any code ran in it (checked after loading and after the tests). */
  intrinsics: IntrinsicsSnapshot;
  /** Calls fn inside the context with a time limit for its synchronous part and for its promise. */
  call(fn: (...args: unknown[]) => unknown, timeoutMs: number): Promise<CallOutcome>;
  /**
   * Calls every step `steps` yields, handing each outcome back, with the same time limits as `call`
   * per step: consecutive synchronous steps run as a series under one watchdog (a step starts only
   * while the series is younger than its budget, and the watchdog allows the limit on top of it, so
   * every step gets at least `timeoutMs`); a step that returns a promise ends the series and is
   * awaited within what is left of its limit.
   */
  drive(steps: Steps, timeoutMs: number): Promise<void>;
  /** Runs a script's top level, with a time limit when given (without one: as a step of `drive`, under its watchdog). */
  load(code: string, filename: string, timeoutMs?: number): void;
  /**
   * Ends the suite: clears its timers and refuses new ones and new microtasks from then on, so no
   * code of this context can be scheduled to run again (a reused process starts clean).
   */
  close(): void;
}

export interface SandboxOptions {
  filename: string;
  output: OutputCapture;
  /** Handed out once, to the bundle's entry module. */
  api: unknown;
  /** Settles a promise through the harness realm's `then`. */
  settle(value: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  /** A timer callback runs at most this long (synchronously), like a test. */
  timerTimeoutMs: number;
  /** Called when a timer callback ran into its time limit (the process must not be reused). */
  onRunaway(): void;
  /** Freezes a read-only module's exports (the module calls it with its own namespace). */
  freezeModule(namespace: unknown): void;
  /** The suite this context runs (a run's suites share one script, which asks `__rg_suite()`). */
  suiteIndex?: number;
  /** Called before `drive` waits for a step's promise. */
  beforeWait?(): void;
}

// A vm context's global object answers every read through interceptors (C++ calls into the contextify
// layer), which makes `Object.keys`, `Array.isArray`, `JSON`, `Math`… about ten times slower to reach
// than in a plain realm; the tests' and the student's code read them constantly. Each script therefore
// reads the built-ins once, when it starts, into parameters of a wrapper, and its code reads those.
// What it captures is the context's own values at that moment (the pristine ones: scripts start before
// any code of theirs runs); rebinding one inside a script changes only that script's local name.
const CAPTURED = [
  'Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity', 'NaN', 'undefined', 'Boolean', 'String',
  'Symbol', 'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError',
  'SyntaxError', 'TypeError', 'URIError', 'globalThis', 'JSON', 'Math', 'Intl', 'ArrayBuffer', 'Uint8Array', 'Int8Array',
  'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray',
  'BigUint64Array', 'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect',
  'WeakRef', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'isFinite',
  'isNaN', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'console', 'setTimeout', 'setInterval', 'clearTimeout',
  'clearInterval', 'queueMicrotask', 'crypto', 'structuredClone',
];
const CAPTURE_OPEN = `(function (${CAPTURED.join(', ')}) {`;
const CAPTURE_CLOSE = `})(${CAPTURED.map((n) => `globalThis.${n}`).join(', ')})`;

/** A script whose code reads the built-ins as locals (first and last line only are added to, so positions hold). */
export function withCapturedBuiltins(code: string): string {
  return `'use strict';${CAPTURE_OPEN}${code}\n${CAPTURE_CLOSE};`;
}

// Scripts compiled for the current job: a run's suites share one script, compiled once and run in
// each suite's own context (compiled code is context-free; every context gets its own objects).
// Keyed by file name, then by the code itself: the code string is the same object suite after suite,
// so its hash is computed once (a key made by joining name and code would be a new ~100 KB string to
// flatten and hash on every suite).
const compiled = new Map<string, Map<string, vm.Script>>();
// Test bundles (no student code in them) stay compiled between the jobs of this process: the next run
// of the same exercise compiles only the student's modules. The most recently used few are kept.
const kept = new Map<string, Map<string, vm.Script>>();
const KEPT_BUNDLES = 2;
const scriptIn = (cache: Map<string, Map<string, vm.Script>>, filename: string, code: string) => cache.get(filename)?.get(code);
// The student's modules of the current job, by editable file name: compiled on first use, each
// context gets its own instance (see `__rg_module`).
let modules = new Map<string, { code: string; line: number; script?: vm.Script }>();

/** Forgets the current job's scripts and student modules (at the end of each job); kept test bundles stay. */
export function forgetScripts(): void {
  compiled.clear();
  modules = new Map();
}

/** Keeps a test bundle compiled across jobs (it holds no student code). */
export function keepScript(code: string, filename: string): void {
  const byCode = kept.get(filename) ?? new Map<string, vm.Script>();
  kept.set(filename, byCode);
  const script = byCode.get(code) ?? new vm.Script(withCapturedBuiltins(code), { filename });
  byCode.delete(code);
  byCode.set(code, script);
  while (byCode.size > KEPT_BUNDLES) byCode.delete(byCode.keys().next().value as string);
}

/** The student's modules for this job: the test bundle's stubs ask for them by name. */
export function setJobModules(list: ReadonlyArray<{ name: string; code: string; line: number }>): void {
  modules = new Map(list.map((m) => [m.name, { code: m.code, line: m.line }]));
}

let open = 0;

/** Sandbox contexts not yet closed: 0 between runs proves no suite's code can be scheduled again. */
export function openSandboxes(): number {
  return open;
}

/** A context made ahead of its suite (no code of any suite ran in it), bound to exactly one suite. */
interface Prepared {
  bind(opts: SandboxOptions): Sandbox;
}

/**
 * Makes a fresh context with the harness's globals, runs the prelude in it and records its built-ins:
 * everything a suite's context needs that does not depend on the suite. The globals read the suite's
 * options only once it is bound (no code runs in the context before that).
 */
function prepare(): Prepared {
  let o: SandboxOptions | undefined;
  const opts = (): SandboxOptions => {
    if (!o) throw new Error('the sandbox is not ready');
    return o;
  };
  /** Awaits a step's promise (through the harness realm's `then`) for at most `leftMs`. */
  const settleWithin = async (value: unknown, leftMs: number): Promise<CallOutcome> => {
    let timer: NodeJS.Timeout | undefined;
    const raced = await Promise.race([
      opts().settle(value),
      new Promise<typeof TIMEOUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMEOUT), Math.max(1, leftMs));
      }),
    ]);
    clearTimeout(timer);
    if (raced === TIMEOUT) return TIMEOUT;
    return raced.ok ? { ok: true, value: raced.value } : { ok: false, error: raced.error };
  };
  const write = (args: unknown[]) => opts().output.write(args);
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

  // Timers: ids only (never Node's Timeout objects), each callback under a time limit, all cleared
  // when the suite ends; after that none can be set.
  let closed = false;
  const timers = new Map<number, NodeJS.Timeout>();
  let nextTimer = 1;
  const addTimer = (repeat: boolean, fn: unknown, ms: unknown, args: unknown[]) => {
    if (typeof fn !== 'function') throw new TypeError('timer callback must be a function');
    const id = nextTimer++;
    if (closed) return id;
    const delay = Math.max(0, Number(ms) || 0);
    const run = () => {
      if (!repeat) timers.delete(id);
      if (closed) return;
      invoke = () => Reflect.apply(fn, undefined, args);
      try {
        callScript.runInContext(context, { timeout: opts().timerTimeoutMs });
      } catch (err) {
        invoke = null;
        if (isTimeout(err)) {
          opts().onRunaway();
          write([`A timer callback ran longer than ${opts().timerTimeoutMs} ms and was stopped`]);
        } else write([`Uncaught error in timer: ${errorMessage(err)}`]);
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

  let taken = false;
  const sandbox = Object.create(null) as Record<string, unknown>;
  const callName = `__rg_call_${randomBytes(8).toString('hex')}`;
  let invoke: (() => unknown) | null = null;
  const define = (name: string, value: unknown) =>
    Object.defineProperty(sandbox, name, { value, writable: false, configurable: false, enumerable: false });
  define('__rg_take', () => {
    if (taken) throw new Error('the harness is not available here');
    taken = true;
    return opts().api;
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
  define('queueMicrotask', (fn: unknown) => {
    if (typeof fn !== 'function') throw new TypeError('queueMicrotask needs a function');
    if (closed) return;
    queueMicrotask(() => {
      try {
        Reflect.apply(fn, undefined, []);
      } catch (err) {
        write([`Uncaught error in microtask: ${errorMessage(err)}`]);
      }
    });
  });
  define(FREEZE_HOOK, (namespace: unknown) => opts().freezeModule(namespace));
  define('__rg_suite', () => opts().suiteIndex ?? 0);
  // A student's module as a factory made in this context, handed out once per name: the test bundle's
  // stub for that file asks first, before any student code can run.
  const handedOut = new Set<string>();
  const linkStudentModule = (name: unknown) => {
    const m = typeof name === 'string' ? modules.get(name) : undefined;
    if (!m || handedOut.has(name as string)) throw new Error('the module is not available here');
    handedOut.add(name as string);
    // The factory expression, returned from the capturing wrapper (its own lines are unchanged).
    m.script ??= new vm.Script(`${CAPTURE_OPEN}return ${m.code};${CAPTURE_CLOSE}`, { filename: opts().filename, lineOffset: m.line });
    return m.script.runInContext(context);
  };
  define('__rg_module', linkStudentModule);
  define('crypto', Object.freeze({ randomUUID: () => randomUUID(), getRandomValues: (a: unknown) => webcrypto.getRandomValues(a as Uint8Array) }));
  const context = vm.createContext(sandbox, { name: 'sandbox', codeGeneration: { strings: false, wasm: false } });
  PRELUDE.runInContext(context);
  const callScript = new vm.Script(`${callName}()`, { filename: 'harness-call.js' });
  const intrinsics = snapshotIntrinsics(context, new Set());

  const made: Sandbox = {
    context,
    intrinsics,
    async call(fn, timeoutMs) {
      const started = performance.now();
      let result: unknown;
      invoke = () => Reflect.apply(fn, undefined, []);
      try {
        result = callScript.runInContext(context, { timeout: timeoutMs });
      } catch (err) {
        invoke = null;
        return isTimeout(err) ? TIMEOUT : { ok: false, error: err };
      }
      if (result === null || (typeof result !== 'object' && typeof result !== 'function')) return { ok: true, value: result };
      if (!types.isPromise(result) && typeof (result as { then?: unknown }).then !== 'function') return { ok: true, value: result };
      return settleWithin(result, timeoutMs - (performance.now() - started));
    },
    async drive(steps, timeoutMs) {
      const budgetMs = Math.min(SERIES_BUDGET_MS, timeoutMs / 4);
      let next = steps.next();
      while (!next.done) {
        let fn = next.value;
        let outcome: CallOutcome | undefined;
        let pending: { value: unknown; started: number } | undefined;
        let running = false;
        const seriesStarted = performance.now();
        invoke = () => {
          for (;;) {
            const started = performance.now();
            running = true;
            let result: unknown;
            let threw = false;
            try {
              result = Reflect.apply(fn, undefined, []);
            } catch (err) {
              threw = true;
              result = err;
            }
            // Still the step's time: a `then` getter that never returns is stopped like the step.
            const thenable =
              !threw && result !== null && (typeof result === 'object' || typeof result === 'function') && (types.isPromise(result) || typeof (result as { then?: unknown }).then === 'function');
            running = false;
            if (thenable) {
              pending = { value: result, started };
              return;
            }
            const stepOutcome: CallOutcome = threw ? { ok: false, error: result } : { ok: true, value: result };
            // The harness's own bookkeeping runs here only while the series is young: a whole time limit
            // is left before the watchdog, so it is never what the watchdog stops.
            if (performance.now() - seriesStarted > budgetMs) {
              outcome = stepOutcome;
              return;
            }
            next = steps.next(stepOutcome);
            if (next.done) return;
            fn = next.value;
          }
        };
        try {
          callScript.runInContext(context, { timeout: timeoutMs + budgetMs });
        } catch (err) {
          invoke = null;
          // Not inside a step: the harness itself failed (or stalled a whole time limit); nothing to report as a test.
          if (!running) throw err;
          running = false;
          outcome = isTimeout(err) ? TIMEOUT : { ok: false, error: err };
        }
        if (pending) {
          opts().beforeWait?.();
          outcome = await settleWithin(pending.value, timeoutMs - (performance.now() - pending.started));
        }
        if (outcome !== undefined) next = steps.next(outcome);
      }
    },
    load(code, name, timeoutMs) {
      let script = scriptIn(kept, name, code) ?? scriptIn(compiled, name, code);
      if (!script) {
        script = new vm.Script(withCapturedBuiltins(code), { filename: name });
        const byCode = compiled.get(name) ?? new Map<string, vm.Script>();
        compiled.set(name, byCode.set(code, script));
      }
      script.runInContext(context, timeoutMs === undefined ? {} : { timeout: timeoutMs });
    },
    close() {
      if (!closed) open--;
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
  return {
    bind(suite) {
      if (o) throw new Error('a sandbox context serves one suite');
      o = suite;
      open++;
      return made;
    },
  };
}

/** Contexts made ahead, while the process waits for its next job (each is used by one suite, then dropped). */
const spares: Prepared[] = [];
const MAX_SPARES = 16;

/**
 * Makes one spare context if fewer than `want` are ready; false when there are enough. The process
 * calls it while idle, one context per turn of its event loop, so a job that arrives is not held up.
 */
export function prepareSpare(want: number): boolean {
  if (spares.length >= Math.min(want, MAX_SPARES)) return false;
  spares.push(prepare());
  return true;
}

/** Suites that found a context made ahead, and those that had to make one, since the last `takeContextCounts`. */
let contextCounts = { ahead: 0, made: 0 };

/** The counts since the last call (a job reports them with its end: the bench checks spares are used). */
export function takeContextCounts(): { ahead: number; made: number } {
  const counts = contextCounts;
  contextCounts = { ahead: 0, made: 0 };
  return counts;
}

/** A suite's sandbox: a spare context made ahead when there is one, else a new one. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const spare = spares.shift();
  if (spare) contextCounts.ahead++;
  else contextCounts.made++;
  return (spare ?? prepare()).bind(options);
}
