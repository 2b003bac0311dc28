// expectSubject finds what a failing `expect(…)` compared, from the failing call's place in the test source.
import { describe, expect, it } from 'vitest';
import { expectSubject } from '../../../electron/engine/runner/testCode';

const src = [
  "it('x', () => {", // 1
  '  expect(order.paidAt).toBe(NOW);', // 2
  '  expect(', // 3
  '    stream.events.map((e) => e.type),', // 4
  "  ).toEqual(['OrderCreated']);", // 5
  '  throw new Error("no expect here");', // 6
  '});',
].join('\n');

describe('expectSubject', () => {
  it('returns the argument of the expect whose matcher is at the given place', () => {
    expect(expectSubject(src, 2, src.split('\n')[1]!.indexOf('toBe'))).toBe('order.paidAt');
    expect(expectSubject(src, 5, 4)).toBe('stream.events.map((e) => e.type)');
  });

  it('is null where no expect call ends before the place', () => {
    expect(expectSubject(src, 2, 2)).toBeNull();
    expect(expectSubject('throw new Error()', 1, 3)).toBeNull();
    // A literal subject names nothing: `expect(1).toBe(2)` keeps its plain message.
    expect(expectSubject('expect(1).toBe(2)', 1, 10)).toBeNull();
    expect(expectSubject("expect('a').toBe('b')", 1, 12)).toBeNull();
  });
});
