// A vitest-compatible `expect` for the sandbox. Every failed assertion is reported to the harness
// (onFailure) before it throws, so a student's try/catch around a callback cannot hide a failure.
// Everything returned to the sandboxed code is frozen.
import { types } from 'node:util';
import { asymmetric, describeDifferences, differences, type Asymmetric } from './equality';
import { className, formatValue, safeGet } from './format';

export class AssertionError extends Error {
  override name = 'AssertionError';
}
// Its instances reach the sandboxed code: nothing reachable from them may be changed.
Object.freeze(AssertionError.prototype);
Object.freeze(AssertionError);
export const assertionErrors = new WeakSet<object>();

export interface ExpectHooks {
  /** Records a failure against the running test. */
  onFailure(message: string): void;
  /** Counts an assertion (for expect.assertions). */
  onAssertion(): void;
  expectAssertions(n: number | 'some'): void;
  /** Settles a (possibly foreign) promise without trusting its patched `then`. */
  settle(value: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
}

interface Outcome {
  pass: boolean;
  /** Message when the assertion (not negated) fails. */
  msg: () => string;
  /** Message when the negated assertion fails. */
  notMsg: () => string;
}

type Matcher = (actual: unknown, args: unknown[], mode: 'value' | 'rejects') => Outcome;

const f = formatValue;

function describeError(err: unknown): string {
  if (err === null || typeof err !== 'object') return f(err);
  const name = safeGet(err, 'name');
  const message = safeGet(err, 'message');
  const code = safeGet(err, 'code');
  const base = `${typeof name === 'string' ? name : className(err) || 'Error'}: ${typeof message === 'string' ? message : f(message)}`;
  return code !== undefined ? `${base} (code ${f(code)})` : base;
}

function numeric(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function compare(op: string, test: (a: number | bigint, b: number | bigint) => boolean): Matcher {
  return (a, [b]) => {
    if (!numeric(a) || !numeric(b)) {
      return { pass: false, msg: () => `expected two numbers to compare, received ${f(a)} and ${f(b)}`, notMsg: () => `expected two numbers to compare, received ${f(a)} and ${f(b)}` };
    }
    return { pass: test(a, b), msg: () => `expected ${f(a)} to be ${op} ${f(b)}`, notMsg: () => `expected ${f(a)} not to be ${op} ${f(b)}` };
  };
}

function equality(mode: 'equal' | 'strict' | 'match', verb: string): Matcher {
  return (a, [e]) => {
    if (mode === 'match' && (e === null || typeof e !== 'object')) {
      return { pass: false, msg: () => `toMatchObject needs an object, received ${f(e)}`, notMsg: () => `toMatchObject needs an object, received ${f(e)}` };
    }
    const diffs = differences(a, e, mode);
    return {
      pass: diffs.length === 0,
      msg: () => `expected ${f(a)}\n${verb} ${f(e)}\ndifferences:\n${describeDifferences(diffs)}`,
      notMsg: () => `expected ${f(a)}\nnot ${verb} ${f(e)}`,
    };
  };
}

function lengthOf(v: unknown): number | undefined {
  if (typeof v === 'string') return v.length;
  if (v === null || typeof v !== 'object' && typeof v !== 'function') return undefined;
  const len = safeGet(v, 'length');
  return typeof len === 'number' ? len : undefined;
}

const toThrow: Matcher = (actual, [expected], mode) => {
  let thrown: unknown;
  let didThrow = false;
  if (mode === 'rejects') {
    thrown = actual;
    didThrow = true;
  } else {
    if (typeof actual !== 'function') {
      const m = () => `toThrow needs a function to call, received ${f(actual)}`;
      return { pass: false, msg: m, notMsg: m };
    }
    try {
      Reflect.apply(actual, undefined, []);
    } catch (err) {
      thrown = err;
      didThrow = true;
    }
  }
  if (!didThrow) {
    return { pass: false, msg: () => `expected the function to throw${expected === undefined ? '' : ` ${f(expected)}`}, but it returned without throwing`, notMsg: () => '' };
  }
  const got = () => describeError(thrown);
  if (expected === undefined) return { pass: true, msg: () => '', notMsg: () => `expected the function not to throw, but it threw ${got()}` };
  const message = safeGet(thrown, 'message');
  const text = typeof message === 'string' ? message : typeof thrown === 'string' ? thrown : '';
  if (typeof expected === 'string') {
    return { pass: text.includes(expected), msg: () => `expected an error whose message contains ${f(expected)}, but it threw ${got()}`, notMsg: () => `expected no error whose message contains ${f(expected)}, but it threw ${got()}` };
  }
  if (types.isRegExp(expected)) {
    const ok = RegExp.prototype.test.call(expected, text);
    return { pass: ok, msg: () => `expected an error whose message matches ${f(expected)}, but it threw ${got()}`, notMsg: () => `expected no error matching ${f(expected)}, but it threw ${got()}` };
  }
  if (typeof expected === 'function') {
    let ok = false;
    try {
      ok = thrown instanceof (expected as new () => unknown);
    } catch {
      ok = false;
    }
    const name = safeGet(expected, 'name');
    return { pass: ok, msg: () => `expected a ${String(name)} to be thrown, but it threw ${got()}`, notMsg: () => `expected no ${String(name)} to be thrown, but it threw ${got()}` };
  }
  if (expected !== null && typeof expected === 'object') {
    if (asymmetric.has(expected)) {
      const a = asymmetric.get(expected)!;
      return { pass: a.test(thrown), msg: () => `expected a thrown error matching ${a.describe()}, but it threw ${got()}`, notMsg: () => `expected no error matching ${a.describe()}, but it threw ${got()}` };
    }
    if (types.isNativeError(expected) || expected instanceof Error) {
      const em = safeGet(expected, 'message');
      return { pass: text === em, msg: () => `expected an error with message ${f(em)}, but it threw ${got()}`, notMsg: () => `expected no error with message ${f(em)}, but it threw ${got()}` };
    }
    const diffs = differences(thrown, expected, 'match');
    return {
      pass: diffs.length === 0,
      msg: () => `expected a thrown error matching ${f(expected)}, but it threw ${got()}\ndifferences:\n${describeDifferences(diffs)}`,
      notMsg: () => `expected no error matching ${f(expected)}, but it threw ${got()}`,
    };
  }
  const m = () => `toThrow cannot use ${f(expected)} as the expected error`;
  return { pass: false, msg: m, notMsg: m };
};

const matchers: Record<string, Matcher> = {
  toBe: (a, [e]) => ({
    pass: Object.is(a, e),
    msg: () => {
      const base = `expected ${f(a)} to be ${f(e)}`;
      return typeof a === 'object' && a !== null && differences(a, e, 'strict').length === 0 ? `${base} (same content, but not the same object: use toEqual)` : base;
    },
    notMsg: () => `expected ${f(a)} not to be ${f(e)}`,
  }),
  toEqual: equality('equal', 'to equal'),
  toStrictEqual: equality('strict', 'to strictly equal'),
  toMatchObject: equality('match', 'to match'),
  toThrow,
  toThrowError: toThrow,
  toHaveLength: (a, [n]) => {
    const len = lengthOf(a);
    return { pass: len === n, msg: () => `expected ${f(a)} to have length ${f(n)}, but its length is ${f(len)}`, notMsg: () => `expected ${f(a)} not to have length ${f(n)}` };
  },
  toContain: (a, [item]) => {
    let pass = false;
    if (typeof a === 'string') pass = typeof item === 'string' && a.includes(item);
    else if (Array.isArray(a)) pass = Array.prototype.some.call(a, (x: unknown) => Object.is(x, item));
    else if (types.isSet(a)) pass = Set.prototype.has.call(a, item);
    return { pass, msg: () => `expected ${f(a)} to contain ${f(item)}`, notMsg: () => `expected ${f(a)} not to contain ${f(item)}` };
  },
  toContainEqual: (a, [item]) => {
    const pass = Array.isArray(a) && Array.prototype.some.call(a, (x: unknown) => differences(x, item, 'equal').length === 0);
    return { pass, msg: () => `expected ${f(a)} to contain an item equal to ${f(item)}`, notMsg: () => `expected ${f(a)} not to contain an item equal to ${f(item)}` };
  },
  toBeDefined: (a) => ({ pass: a !== undefined, msg: () => `expected a defined value, received undefined`, notMsg: () => `expected undefined, received ${f(a)}` }),
  toBeUndefined: (a) => ({ pass: a === undefined, msg: () => `expected undefined, received ${f(a)}`, notMsg: () => `expected a defined value, received undefined` }),
  toBeNull: (a) => ({ pass: a === null, msg: () => `expected null, received ${f(a)}`, notMsg: () => `expected a value other than null` }),
  toBeTruthy: (a) => ({ pass: Boolean(a), msg: () => `expected ${f(a)} to be truthy`, notMsg: () => `expected ${f(a)} to be falsy` }),
  toBeFalsy: (a) => ({ pass: !a, msg: () => `expected ${f(a)} to be falsy`, notMsg: () => `expected ${f(a)} to be truthy` }),
  toBeNaN: (a) => ({ pass: Number.isNaN(a), msg: () => `expected NaN, received ${f(a)}`, notMsg: () => `expected a value other than NaN` }),
  toBeGreaterThan: compare('greater than', (a, b) => a > b),
  toBeGreaterThanOrEqual: compare('greater than or equal to', (a, b) => a >= b),
  toBeLessThan: compare('less than', (a, b) => a < b),
  toBeLessThanOrEqual: compare('less than or equal to', (a, b) => a <= b),
  toBeCloseTo: (a, [b, digits]) => {
    const d = typeof digits === 'number' ? digits : 2;
    const pass = typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < Math.pow(10, -d) / 2;
    return { pass, msg: () => `expected ${f(a)} to be close to ${f(b)} (${d} digits)`, notMsg: () => `expected ${f(a)} not to be close to ${f(b)}` };
  },
  toBeInstanceOf: (a, [C]) => {
    let pass = false;
    try {
      pass = typeof C === 'function' && a instanceof (C as new () => unknown);
    } catch {
      pass = false;
    }
    const name = typeof C === 'function' ? String(safeGet(C, 'name')) : f(C);
    return { pass, msg: () => `expected ${f(a)} to be an instance of ${name}`, notMsg: () => `expected ${f(a)} not to be an instance of ${name}` };
  },
  toBeTypeOf: (a, [t]) => ({ pass: typeof a === t, msg: () => `expected ${f(a)} to be of type ${f(t)}, but it is ${typeof a}`, notMsg: () => `expected ${f(a)} not to be of type ${f(t)}` }),
  toMatch: (a, [p]) => {
    const pass = typeof a === 'string' && (typeof p === 'string' ? a.includes(p) : types.isRegExp(p) && RegExp.prototype.test.call(p, a));
    return { pass, msg: () => `expected ${f(a)} to match ${f(p)}`, notMsg: () => `expected ${f(a)} not to match ${f(p)}` };
  },
  toHaveProperty: (a, args) => {
    const [p, value] = args;
    const parts = Array.isArray(p) ? (p as unknown[]).map(String) : String(p).split('.');
    let cur: unknown = a;
    let found = true;
    for (const part of parts) {
      if (cur === null || cur === undefined || !(typeof cur === 'object' || typeof cur === 'function') || !(part in (cur as object))) {
        found = false;
        break;
      }
      cur = safeGet(cur, part);
    }
    const pass = found && (args.length < 2 || differences(cur, value, 'equal').length === 0);
    return {
      pass,
      msg: () => (found ? `expected property ${f(p)} to equal ${f(value)}, received ${f(cur)}` : `expected ${f(a)} to have property ${f(p)}`),
      notMsg: () => `expected ${f(a)} not to have property ${f(p)}${args.length >= 2 ? ` equal to ${f(value)}` : ''}`,
    };
  },
};

export function createExpect(hooks: ExpectHooks): (actual: unknown) => unknown {
  function fail(message: string): never {
    hooks.onFailure(message);
    const err = new AssertionError(message);
    assertionErrors.add(err);
    throw err;
  }

  function check(name: string, outcome: Outcome, negated: boolean): void {
    hooks.onAssertion();
    if (outcome.pass === negated) fail(negated ? outcome.notMsg() : outcome.msg());
  }

  function syncMatchers(actual: unknown, negated: boolean): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const [name, m] of Object.entries(matchers)) {
      o[name] = (...args: unknown[]) => {
        check(name, m(actual, args, 'value'), negated);
      };
    }
    return o;
  }

  function asyncMatchers(promise: unknown, kind: 'resolves' | 'rejects', negated: boolean): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const [name, m] of Object.entries(matchers)) {
      o[name] = async (...args: unknown[]) => {
        const settled = await hooks.settle(promise);
        if (kind === 'resolves' && !settled.ok) fail(`expected the promise to resolve, but it rejected with ${describeError(settled.error)}`);
        if (kind === 'rejects' && settled.ok) fail(`expected the promise to reject, but it resolved to ${f(settled.value)}`);
        const value = settled.ok ? settled.value : settled.error;
        check(name, m(value, args, kind === 'rejects' ? 'rejects' : 'value'), negated);
      };
    }
    return o;
  }

  function expect(actual: unknown): unknown {
    const positive = syncMatchers(actual, false);
    positive.not = Object.freeze(syncMatchers(actual, true));
    const resolves = asyncMatchers(actual, 'resolves', false);
    resolves.not = Object.freeze(asyncMatchers(actual, 'resolves', true));
    const rejects = asyncMatchers(actual, 'rejects', false);
    rejects.not = Object.freeze(asyncMatchers(actual, 'rejects', true));
    positive.resolves = Object.freeze(resolves);
    positive.rejects = Object.freeze(rejects);
    return Object.freeze(positive);
  }

  function marker(a: Asymmetric): object {
    const m = Object.freeze(Object.create(null) as object);
    asymmetric.set(m, a);
    return m;
  }
  const primitiveOf: Record<string, string> = { String: 'string', Number: 'number', Boolean: 'boolean', BigInt: 'bigint', Symbol: 'symbol', Function: 'function' };
  const statics = {
    any: (C: unknown) =>
      marker({
        test: (a: unknown) => {
          const name = typeof C === 'function' ? safeGet(C, 'name') : undefined;
          if (typeof name === 'string' && primitiveOf[name] && typeof a === primitiveOf[name]) return true;
          try {
            return typeof C === 'function' && a instanceof (C as new () => unknown);
          } catch {
            return false;
          }
        },
        describe: () => `any ${typeof C === 'function' ? String(safeGet(C, 'name')) : f(C)}`,
      }),
    anything: () => marker({ test: (a: unknown) => a !== null && a !== undefined, describe: () => 'anything' }),
    objectContaining: (o: unknown) => marker({ test: (a: unknown) => differences(a, o, 'match').length === 0, describe: () => `an object containing ${f(o)}` }),
    arrayContaining: (arr: unknown) =>
      marker({
        test: (a: unknown) => Array.isArray(a) && Array.isArray(arr) && arr.every((x: unknown) => a.some((y: unknown) => differences(y, x, 'equal').length === 0)),
        describe: () => `an array containing ${f(arr)}`,
      }),
    stringContaining: (s: unknown) => marker({ test: (a: unknown) => typeof a === 'string' && typeof s === 'string' && a.includes(s), describe: () => `a string containing ${f(s)}` }),
    stringMatching: (re: unknown) =>
      marker({
        test: (a: unknown) => typeof a === 'string' && (types.isRegExp(re) ? RegExp.prototype.test.call(re, a) : typeof re === 'string' && a.includes(re)),
        describe: () => `a string matching ${f(re)}`,
      }),
    assertions: (n: unknown) => hooks.expectAssertions(typeof n === 'number' ? n : 0),
    hasAssertions: () => hooks.expectAssertions('some'),
  };
  return Object.freeze(Object.assign(expect, statics));
}
