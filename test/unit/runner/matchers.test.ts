// The sandbox's expect, exercised directly (it is plain TypeScript): every matcher passes and fails
// as vitest's does, .not flips it, and failures are recorded even when the thrown error is swallowed.
import { describe, expect, it } from 'vitest';
import { createExpect } from '../../../electron/engine/runner/sandbox/expect';

function harness() {
  const failures: string[] = [];
  let count = 0;
  const ex = createExpect({
    onFailure: (m) => failures.push(m),
    onAssertion: () => {
      count++;
    },
    expectAssertions: () => undefined,
    settle: (v) =>
      Promise.resolve(v).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
  }) as unknown as (a: unknown) => Record<string, (...args: unknown[]) => unknown> & {
    not: Record<string, (...args: unknown[]) => unknown>;
    resolves: Record<string, (...args: unknown[]) => Promise<unknown>>;
    rejects: Record<string, (...args: unknown[]) => Promise<unknown>>;
  };
  return { ex, failures, count: () => count };
}

function failsWith(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

class CodedError extends Error {
  constructor(readonly code: string) {
    super(`failed with ${code}`);
    this.name = 'CodedError';
  }
}

describe('sandbox expect', () => {
  it('toBe compares with Object.is and hints at toEqual for equal objects', () => {
    const { ex } = harness();
    ex(1).toBe(1);
    ex(NaN).toBe(NaN);
    expect(failsWith(() => ex(0).toBe(-0))).toContain('expected 0 to be -0');
    expect(failsWith(() => ex({ a: 1 }).toBe({ a: 1 }))).toContain('use toEqual');
  });

  it('toEqual ignores undefined properties and lists the differing paths', () => {
    const { ex } = harness();
    ex({ a: 1, b: undefined }).toEqual({ a: 1 });
    ex([{ x: [1, 2] }]).toEqual([{ x: [1, 2] }]);
    const msg = failsWith(() => ex({ items: [{ quantity: 3 }], status: 'paid' }).toEqual({ items: [{ quantity: 2 }], status: 'paid' }));
    expect(msg).toContain('items[0].quantity: expected 2, received 3');
    expect(failsWith(() => ex([1, 2]).toEqual([1, 2, 3]))).toContain('arrays differ in length');
    expect(failsWith(() => ex({ a: 1 }).toEqual({ a: 1, b: 2 }))).toContain('b: expected 2, received nothing');
  });

  it('toStrictEqual checks undefined properties and classes', () => {
    const { ex } = harness();
    ex({ a: 1 }).toStrictEqual({ a: 1 });
    expect(failsWith(() => ex({ a: 1, b: undefined }).toStrictEqual({ a: 1 }))).toContain('b:');
    class Point {
      constructor(readonly x: number) {}
    }
    expect(failsWith(() => ex(new Point(1)).toStrictEqual({ x: 1 }))).toContain('expected type Object, received Point');
  });

  it('toMatchObject checks a subset, recursively', () => {
    const { ex } = harness();
    ex({ type: 'OrderPaid', amount: 5, extra: true }).toMatchObject({ type: 'OrderPaid' });
    ex({ nested: { a: 1, b: 2 } }).toMatchObject({ nested: { a: 1 } });
    expect(failsWith(() => ex({ type: 'OrderPaid' }).toMatchObject({ amount: 5 }))).toContain('amount: expected 5, received nothing');
  });

  it('toThrow accepts nothing, a class, a message, a regex or an object like {code}', () => {
    const { ex } = harness();
    const boom = () => {
      throw new CodedError('INVALID_STATE');
    };
    ex(boom).toThrow();
    ex(boom).toThrow(CodedError);
    ex(boom).toThrow('INVALID_STATE');
    ex(boom).toThrow(/invalid_state/i);
    ex(boom).toThrow({ code: 'INVALID_STATE' });
    ex(() => undefined).not.toThrow();
    expect(failsWith(() => ex(boom).toThrow({ code: 'VALIDATION' }))).toMatch(/code: expected "VALIDATION", received "INVALID_STATE"/);
    expect(failsWith(() => ex(() => 1).toThrow())).toContain('returned without throwing');
    expect(failsWith(() => ex(boom).toThrow(TypeError))).toContain('expected a TypeError to be thrown, but it threw CodedError: failed with INVALID_STATE (code "INVALID_STATE")');
    expect(failsWith(() => ex(boom).not.toThrow())).toContain('not to throw');
  });

  it('has the collection, definedness, truthiness and number matchers', () => {
    const { ex } = harness();
    ex([1, 2, 3]).toHaveLength(3);
    ex('abc').toHaveLength(3);
    ex([1, 2]).toContain(2);
    ex('hello').toContain('ell');
    ex([{ a: 1 }]).toContainEqual({ a: 1 });
    ex(1).toBeDefined();
    ex(undefined).toBeUndefined();
    ex(null).toBeNull();
    ex('x').toBeTruthy();
    ex(0).toBeFalsy();
    ex(3).toBeGreaterThan(2);
    ex(3).toBeGreaterThanOrEqual(3);
    ex(1).toBeLessThan(2);
    ex(2).toBeLessThanOrEqual(2);
    ex(0.1 + 0.2).toBeCloseTo(0.3);
    ex(new CodedError('X')).toBeInstanceOf(Error);
    ex('abc').toMatch(/b/);
    ex({ a: { b: 1 } }).toHaveProperty('a.b', 1);
    ex([1]).not.toContain(2);
    expect(failsWith(() => ex([1, 2]).toHaveLength(3))).toContain('its length is 2');
    expect(failsWith(() => ex(1).toBeGreaterThan(2))).toContain('expected 1 to be greater than 2');
    expect(failsWith(() => ex(undefined).toBeDefined())).toContain('received undefined');
  });

  it('supports asymmetric matchers inside toEqual', () => {
    const { ex } = harness();
    const any = ex as unknown as { any(c: unknown): unknown; objectContaining(o: unknown): unknown; stringMatching(r: RegExp): unknown };
    ex({ id: 'abc', at: 5, meta: { a: 1, b: 2 } }).toEqual({ id: any.stringMatching(/^a/), at: any.any(Number), meta: any.objectContaining({ a: 1 }) });
    expect(failsWith(() => ex({ at: 'x' }).toEqual({ at: any.any(Number) }))).toContain('expected any Number');
  });

  it('supports resolves and rejects', async () => {
    const { ex } = harness();
    await ex(Promise.resolve(3)).resolves.toBe(3);
    await ex(Promise.reject(new CodedError('NOT_FOUND'))).rejects.toThrow({ code: 'NOT_FOUND' });
    await ex(Promise.reject(new CodedError('NOT_FOUND'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ex(Promise.resolve(1)).rejects.toBe(1)).rejects.toThrow('expected the promise to reject');
    const negated = ex(Promise.resolve(3)) as unknown as { resolves: { not: Record<string, (v: unknown) => Promise<unknown>> } };
    await negated.resolves.not.toBe(4);
    await expect(negated.resolves.not.toBe(3)).rejects.toThrow('not to be 3');
    const rejected = ex(Promise.reject(new CodedError('GONE'))) as unknown as { rejects: { not: Record<string, (v: unknown) => Promise<unknown>> } };
    await rejected.rejects.not.toMatchObject({ code: 'HERE' });
  });

  it('records every failure, so a swallowed assertion error still counts', () => {
    const { ex, failures, count } = harness();
    try {
      ex(1).toBe(2);
    } catch {
      // a student's try/catch
    }
    expect(failures).toEqual(['expected 1 to be 2']);
    expect(count()).toBe(1);
  });

  it('returns frozen objects', () => {
    const { ex } = harness();
    const a = ex(1);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.not)).toBe(true);
    expect(Object.isFrozen(a.resolves)).toBe(true);
    expect(Object.isFrozen((a.rejects as unknown as { not: object }).not)).toBe(true);
    // Built once per expect() call: reading .not again gives the same object.
    expect(a.not).toBe(a.not);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['toBe', 'not', 'resolves', 'rejects']));
    expect(Object.isFrozen(ex)).toBe(true);
  });
});
