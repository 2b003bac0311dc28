// A vitest-compatible `expect` for the sandbox. Every failed assertion is reported to the harness
// (onFailure) before it throws, so a student's try/catch around a callback cannot hide a failure.
// Every message is a phrase (common/testWords.ts: worded in the reader's language), with its English
// wording as the error's message. A label (`expect(x, 'what')`, or `say('what', 'что')` for both
// languages) leads the message. Everything returned to the sandboxed code is frozen.
import { types } from 'node:util';
import { asymmetric, describeDifferences, differences, type Asymmetric } from './equality';
import { className, formatValue, safeGet } from './format';
import { phrase, textPhrase, type Phrase, type PhraseArg } from '../../common/phrase';
import { wordPhrase, type TestWordKey } from '../../common/testWords';

export class AssertionError extends Error {
  override name = 'AssertionError';
  /** The message as a phrase (frozen), for whoever words it in another language. */
  declare readonly phrase: Phrase;
}
// Its instances reach the sandboxed code: nothing reachable from them may be changed.
Object.freeze(AssertionError.prototype);
Object.freeze(AssertionError);
export const assertionErrors = new WeakSet<object>();

export interface ExpectHooks {
  /** Records a failure against the running test. */
  onFailure(message: string, phrase: Phrase): void;
  /** Counts an assertion (for expect.assertions). */
  onAssertion(): void;
  expectAssertions(n: number | 'some'): void;
  /** Settles a (possibly foreign) promise without trusting its patched `then`. */
  settle(value: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
}

interface Outcome {
  pass: boolean;
  /** Message when the assertion (not negated) fails. */
  msg: () => Phrase;
  /** Message when the negated assertion fails. */
  notMsg: () => Phrase;
}

type Matcher = (actual: unknown, args: unknown[], mode: 'value' | 'rejects') => Outcome;

const f = formatValue;
const p = phrase;

/** "TypeError: x is undefined (code "E_X")": what was thrown, its message being its author's text. */
function describeError(err: unknown): PhraseArg {
  if (err === null || typeof err !== 'object') return f(err);
  const name = safeGet(err, 'name');
  const message = safeGet(err, 'message');
  const code = safeGet(err, 'code');
  // A thrown message is the author's text, shown as it is, but never more of it than a person reads.
  const text = typeof message === 'string' && message.length > 8000 ? `${message.slice(0, 8000)}… (truncated)` : message;
  const base = p('errorText', { name: typeof name === 'string' ? name : className(err) || 'Error', message: typeof text === 'string' ? textPhrase(text) : f(text) });
  return code !== undefined ? p('thrownCode', { error: base, code: f(code) }) : base;
}

function numeric(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function compare(key: 'greaterThan' | 'greaterOrEqual' | 'lessThan' | 'lessOrEqual', notKey: TestWordKey, test: (a: number | bigint, b: number | bigint) => boolean): Matcher {
  return (a, [b]) => {
    if (!numeric(a) || !numeric(b)) {
      const m = () => p('needNumbers', { actual: f(a), expected: f(b) });
      return { pass: false, msg: m, notMsg: m };
    }
    return { pass: test(a, b), msg: () => p(key, { actual: f(a), expected: f(b) }), notMsg: () => p(notKey, { actual: f(a), expected: f(b) }) };
  };
}

function equality(mode: 'equal' | 'strict' | 'match', key: 'toEqual' | 'toStrictEqual' | 'toMatchObject', notKey: TestWordKey): Matcher {
  return (a, [e]) => {
    if (mode === 'match' && (e === null || typeof e !== 'object')) {
      const m = () => p('matchNeedsObject', { expected: f(e) });
      return { pass: false, msg: m, notMsg: m };
    }
    const diffs = differences(a, e, mode);
    return {
      pass: diffs.length === 0,
      msg: () => p(key, { actual: f(a), expected: f(e), differences: describeDifferences(diffs) }),
      notMsg: () => p(notKey, { actual: f(a), expected: f(e) }),
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
      const m = () => p('throwNeedsFunction', { actual: f(actual) });
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
    return { pass: false, msg: () => (expected === undefined ? p('didNotThrow') : p('didNotThrowExpected', { expected: f(expected) })), notMsg: () => p('text', { text: '' }) };
  }
  const got = () => describeError(thrown);
  if (expected === undefined) return { pass: true, msg: () => p('text', { text: '' }), notMsg: () => p('threw', { thrown: got() }) };
  const message = safeGet(thrown, 'message');
  const text = typeof message === 'string' ? message : typeof thrown === 'string' ? thrown : '';
  if (typeof expected === 'string') {
    return { pass: text.includes(expected), msg: () => p('throwContains', { expected: f(expected), thrown: got() }), notMsg: () => p('notThrowContains', { expected: f(expected), thrown: got() }) };
  }
  if (types.isRegExp(expected)) {
    const ok = RegExp.prototype.test.call(expected, text);
    return { pass: ok, msg: () => p('throwMatches', { expected: f(expected), thrown: got() }), notMsg: () => p('notThrowMatches', { expected: f(expected), thrown: got() }) };
  }
  if (typeof expected === 'function') {
    let ok = false;
    try {
      ok = thrown instanceof (expected as new () => unknown);
    } catch {
      ok = false;
    }
    const name = String(safeGet(expected, 'name'));
    return { pass: ok, msg: () => p('throwClass', { name, thrown: got() }), notMsg: () => p('notThrowClass', { name, thrown: got() }) };
  }
  if (expected !== null && typeof expected === 'object') {
    if (asymmetric.has(expected)) {
      const a = asymmetric.get(expected)!;
      return { pass: a.test(thrown), msg: () => p('throwAsymmetric', { expected: a.describe(), thrown: got() }), notMsg: () => p('notThrowAsymmetric', { expected: a.describe(), thrown: got() }) };
    }
    if (types.isNativeError(expected) || expected instanceof Error) {
      const em = safeGet(expected, 'message');
      return { pass: text === em, msg: () => p('throwMessage', { expected: f(em), thrown: got() }), notMsg: () => p('notThrowMessage', { expected: f(em), thrown: got() }) };
    }
    const diffs = differences(thrown, expected, 'match');
    return {
      pass: diffs.length === 0,
      msg: () => p('throwObject', { expected: f(expected), thrown: got(), differences: describeDifferences(diffs) }),
      notMsg: () => p('notThrowObject', { expected: f(expected), thrown: got() }),
    };
  }
  const m = () => p('throwBadExpected', { expected: f(expected) });
  return { pass: false, msg: m, notMsg: m };
};

const matchers: Record<string, Matcher> = {
  toBe: (a, [e]) => ({
    pass: Object.is(a, e),
    msg: () =>
      p(typeof a === 'object' && a !== null && differences(a, e, 'strict').length === 0 ? 'toBeSameContent' : 'toBe', { actual: f(a), expected: f(e) }),
    notMsg: () => p('notToBe', { actual: f(a), expected: f(e) }),
  }),
  toEqual: equality('equal', 'toEqual', 'notToEqual'),
  toStrictEqual: equality('strict', 'toStrictEqual', 'notToStrictEqual'),
  toMatchObject: equality('match', 'toMatchObject', 'notToMatchObject'),
  toThrow,
  toThrowError: toThrow,
  toHaveLength: (a, [n]) => {
    const len = lengthOf(a);
    return { pass: len === n, msg: () => p('toHaveLength', { actual: f(a), expected: f(n), length: f(len) }), notMsg: () => p('notToHaveLength', { actual: f(a), expected: f(n) }) };
  },
  toContain: (a, [item]) => {
    let pass = false;
    if (typeof a === 'string') pass = typeof item === 'string' && a.includes(item);
    else if (Array.isArray(a)) pass = Array.prototype.some.call(a, (x: unknown) => Object.is(x, item));
    else if (types.isSet(a)) pass = Set.prototype.has.call(a, item);
    return { pass, msg: () => p('toContain', { actual: f(a), expected: f(item) }), notMsg: () => p('notToContain', { actual: f(a), expected: f(item) }) };
  },
  toContainEqual: (a, [item]) => {
    const pass = Array.isArray(a) && Array.prototype.some.call(a, (x: unknown) => differences(x, item, 'equal').length === 0);
    return { pass, msg: () => p('toContainEqual', { actual: f(a), expected: f(item) }), notMsg: () => p('notToContainEqual', { actual: f(a), expected: f(item) }) };
  },
  toBeDefined: (a) => ({ pass: a !== undefined, msg: () => p('toBeDefined'), notMsg: () => p('notToBeDefined', { actual: f(a) }) }),
  toBeUndefined: (a) => ({ pass: a === undefined, msg: () => p('notToBeDefined', { actual: f(a) }), notMsg: () => p('toBeDefined') }),
  toBeNull: (a) => ({ pass: a === null, msg: () => p('toBeNull', { actual: f(a) }), notMsg: () => p('notToBeNull') }),
  toBeTruthy: (a) => ({ pass: Boolean(a), msg: () => p('toBeTruthy', { actual: f(a) }), notMsg: () => p('toBeFalsy', { actual: f(a) }) }),
  toBeFalsy: (a) => ({ pass: !a, msg: () => p('toBeFalsy', { actual: f(a) }), notMsg: () => p('toBeTruthy', { actual: f(a) }) }),
  toBeNaN: (a) => ({ pass: Number.isNaN(a), msg: () => p('toBeNaN', { actual: f(a) }), notMsg: () => p('notToBeNaN') }),
  toBeGreaterThan: compare('greaterThan', 'notGreaterThan', (a, b) => a > b),
  toBeGreaterThanOrEqual: compare('greaterOrEqual', 'notGreaterOrEqual', (a, b) => a >= b),
  toBeLessThan: compare('lessThan', 'notLessThan', (a, b) => a < b),
  toBeLessThanOrEqual: compare('lessOrEqual', 'notLessOrEqual', (a, b) => a <= b),
  toBeCloseTo: (a, [b, digits]) => {
    const d = typeof digits === 'number' ? digits : 2;
    const pass = typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < Math.pow(10, -d) / 2;
    return { pass, msg: () => p('toBeCloseTo', { actual: f(a), expected: f(b), digits: d }), notMsg: () => p('notToBeCloseTo', { actual: f(a), expected: f(b) }) };
  },
  toBeInstanceOf: (a, [C]) => {
    let pass = false;
    try {
      pass = typeof C === 'function' && a instanceof (C as new () => unknown);
    } catch {
      pass = false;
    }
    const name = typeof C === 'function' ? String(safeGet(C, 'name')) : f(C);
    // An error is shown as "Error: <its message>", the message worded like any thrown one ("not implemented", say()).
    const actual = () => (types.isNativeError(a) ? describeError(a) : f(a));
    return { pass, msg: () => p('toBeInstanceOf', { actual: actual(), name }), notMsg: () => p('notToBeInstanceOf', { actual: actual(), name }) };
  },
  toBeTypeOf: (a, [t]) => ({ pass: typeof a === t, msg: () => p('toBeTypeOf', { actual: f(a), expected: f(t), type: typeof a }), notMsg: () => p('notToBeTypeOf', { actual: f(a), expected: f(t) }) }),
  toMatch: (a, [pattern]) => {
    const pass = typeof a === 'string' && (typeof pattern === 'string' ? a.includes(pattern) : types.isRegExp(pattern) && RegExp.prototype.test.call(pattern, a));
    return { pass, msg: () => p('toMatch', { actual: f(a), expected: f(pattern) }), notMsg: () => p('notToMatch', { actual: f(a), expected: f(pattern) }) };
  },
  toHaveProperty: (a, args) => {
    const [path, value] = args;
    const parts = Array.isArray(path) ? (path as unknown[]).map(String) : String(path).split('.');
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
      msg: () => (found ? p('toHavePropertyValue', { path: f(path), expected: f(value), actual: f(cur) }) : p('toHaveProperty', { actual: f(a), path: f(path) })),
      notMsg: () => (args.length >= 2 ? p('notToHavePropertyValue', { actual: f(a), path: f(path), expected: f(value) }) : p('notToHaveProperty', { actual: f(a), path: f(path) })),
    };
  },
};

/** Freezes a phrase and everything in it (it reaches the sandboxed code on an AssertionError). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The English wording of a phrase (the error's message, for the CLI and logs). */
export function english(message: Phrase): string {
  return wordPhrase(message, 'en') ?? message.key;
}

export function createExpect(hooks: ExpectHooks): (actual: unknown, label?: unknown) => unknown {
  function fail(bare: Phrase, label: unknown): never {
    const message = deepFreeze(typeof label === 'string' && label !== '' ? p('labelled', { label: textPhrase(label), message: bare }) : bare);
    const text = english(message);
    hooks.onFailure(text, message);
    const err = new AssertionError(text);
    Object.defineProperty(err, 'phrase', { value: message, enumerable: false, writable: false, configurable: false });
    assertionErrors.add(err);
    throw err;
  }

  function check(outcome: Outcome, negated: boolean, label: unknown): void {
    hooks.onAssertion();
    if (outcome.pass === negated) fail(negated ? outcome.notMsg() : outcome.msg(), label);
  }

  // The matcher table as a list, read once: every expect() call builds its matchers from it.
  const matcherList = Object.entries(matchers);

  function syncMatchers(actual: unknown, negated: boolean, label: unknown): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const [name, m] of matcherList) {
      o[name] = (...args: unknown[]) => {
        check(m(actual, args, 'value'), negated, label);
      };
    }
    return o;
  }

  function asyncMatchers(promise: unknown, kind: 'resolves' | 'rejects', negated: boolean, label: unknown): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const [name, m] of matcherList) {
      o[name] = async (...args: unknown[]) => {
        const settled = await hooks.settle(promise);
        if (kind === 'resolves' && !settled.ok) fail(p('shouldResolve', { thrown: describeError(settled.error) }), label);
        if (kind === 'rejects' && settled.ok) fail(p('shouldReject', { actual: f(settled.value) }), label);
        const value = settled.ok ? settled.value : settled.error;
        check(m(value, args, kind === 'rejects' ? 'rejects' : 'value'), negated, label);
      };
    }
    return o;
  }

  /** A frozen, enumerable property built on first read (most expect() calls use only the plain matchers). */
  function lazy(target: object, name: string, make: () => object): void {
    let made: object | undefined;
    Object.defineProperty(target, name, { enumerable: true, configurable: false, get: () => (made ??= Object.freeze(make())) });
  }

  function asyncSide(actual: unknown, kind: 'resolves' | 'rejects', label: unknown): object {
    const side = asyncMatchers(actual, kind, false, label);
    lazy(side, 'not', () => asyncMatchers(actual, kind, true, label));
    return side;
  }

  // Building all six matcher sets per call cost a sandboxed run ~8% of its CPU (a grading run makes
  // thousands of expect() calls); `.not`, `.resolves` and `.rejects` are built when first read.
  function expect(actual: unknown, label?: unknown): unknown {
    const positive = syncMatchers(actual, false, label);
    lazy(positive, 'not', () => syncMatchers(actual, true, label));
    lazy(positive, 'resolves', () => asyncSide(actual, 'resolves', label));
    lazy(positive, 'rejects', () => asyncSide(actual, 'rejects', label));
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
        describe: () => p('asymAny', { name: typeof C === 'function' ? String(safeGet(C, 'name')) : f(C) }),
      }),
    anything: () => marker({ test: (a: unknown) => a !== null && a !== undefined, describe: () => p('asymAnything') }),
    objectContaining: (o: unknown) => marker({ test: (a: unknown) => differences(a, o, 'match').length === 0, describe: () => p('asymObjectContaining', { value: f(o) }) }),
    arrayContaining: (arr: unknown) =>
      marker({
        test: (a: unknown) => Array.isArray(a) && Array.isArray(arr) && arr.every((x: unknown) => a.some((y: unknown) => differences(y, x, 'equal').length === 0)),
        describe: () => p('asymArrayContaining', { value: f(arr) }),
      }),
    stringContaining: (s: unknown) => marker({ test: (a: unknown) => typeof a === 'string' && typeof s === 'string' && a.includes(s), describe: () => p('asymStringContaining', { value: f(s) }) }),
    stringMatching: (re: unknown) =>
      marker({
        test: (a: unknown) => typeof a === 'string' && (types.isRegExp(re) ? RegExp.prototype.test.call(re, a) : typeof re === 'string' && a.includes(re)),
        describe: () => p('asymStringMatching', { value: f(re) }),
      }),
    /** `expect.fail(message)`: fails the test with this message (a `say()` text is worded in the reader's language). */
    fail: (message?: unknown) => {
      hooks.onAssertion();
      fail(typeof message === 'string' && message !== '' ? textPhrase(message) : p('text', { text: 'expect.fail()' }), undefined);
    },
    assertions: (n: unknown) => hooks.expectAssertions(typeof n === 'number' ? n : 0),
    hasAssertions: () => hooks.expectAssertions('some'),
  };
  return Object.freeze(Object.assign(expect, statics));
}
