// Values in assertion messages and console output: short, readable, never throwing.
import { describe, expect, it } from 'vitest';
import { formatArgs, formatValue } from '../../../electron/engine/runner/sandbox/format';
import { extractTestCode } from '../../../electron/engine/runner/testCode';
import { SourceMap } from '../../../electron/engine/runner/sourcemap';

describe('formatValue', () => {
  it('renders primitives, arrays, objects, classes, errors and dates', () => {
    expect(formatValue('a')).toBe('"a"');
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue(10n)).toBe('10n');
    expect(formatValue([1, 'x', null, undefined])).toBe('[1, "x", null, undefined]');
    expect(formatValue({ a: 1, 'b-c': [2] })).toBe('{ a: 1, "b-c": [2] }');
    class Order {
      status = 'paid';
    }
    expect(formatValue(new Order())).toBe('Order { status: "paid" }');
    expect(formatValue(new TypeError('bad'))).toBe('TypeError: bad');
    expect(formatValue(new Date('2030-01-01T00:00:00.000Z'))).toBe('2030-01-01T00:00:00.000Z');
  });

  it('survives cycles, throwing getters and proxies', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe('{ a: 1, self: [Circular] }');
    const hostile = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(formatValue(hostile)).toBe('{ x: undefined }');
    expect(formatValue(new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }))).toBe('[Proxy]');
  });

  it('caps long output', () => {
    expect(formatValue('x'.repeat(10_000)).length).toBeLessThan(400);
    expect(formatValue(Array.from({ length: 100 }, (_, i) => i))).toContain('… 75 more');
    expect(formatArgs(['a', 1, { b: 2 }])).toBe('a 1 { b: 2 }');
  });
});

describe('extractTestCode', () => {
  const src = [
    "import { it } from 'vitest';",
    '',
    "it('adds (a => b) `x`', () => {",
    '  const s = "}";',
    '  expect(add(1, 2)).toBe(3); // }',
    '});',
    "it('short', () => expect(1).toBe(1));",
    "test('fn', async function () {",
    '  await go();',
    '});',
  ].join('\n');

  it('returns the dedented body of the test callback', () => {
    expect(extractTestCode(src, 3, 0)).toBe('const s = "}";\nexpect(add(1, 2)).toBe(3); // }');
    expect(extractTestCode(src, 7, 0)).toBe('expect(1).toBe(1)');
    expect(extractTestCode(src, 8, 0)).toBe('await go();');
  });
});

describe('SourceMap', () => {
  it('maps generated positions back to sources', () => {
    // "AAAA" = [0,0,0,0]; ";AACA" = next line maps to original line 2.
    const map = new SourceMap(JSON.stringify({ version: 3, sources: ['a.ts'], mappings: 'AAAA;AACA,IAAI' }));
    expect(map.lookup(1, 1)).toEqual({ source: 'a.ts', line: 1, column: 0 });
    expect(map.lookup(2, 6)).toEqual({ source: 'a.ts', line: 2, column: 4 });
    expect(map.lookup(9, 1)).toBeNull();
  });
});
