import { describe, expect, it } from 'vitest';
import { optionOrder } from '../../../renderer/src/features/quiz/shuffle';

describe('seeded option order', () => {
  it('is a permutation of every option', () => {
    for (let seed = 0; seed < 50; seed++) {
      expect([...optionOrder(5, seed, 'q1')].sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('is the same for the same seed and question, so an attempt can be shown again as it was', () => {
    expect(optionOrder(6, 1234, 'cqrs-when')).toEqual(optionOrder(6, 1234, 'cqrs-when'));
  });

  it('differs between attempts and between questions of one attempt', () => {
    const seeds = new Set(Array.from({ length: 20 }, (_, s) => optionOrder(5, s * 7919, 'q1').join()));
    expect(seeds.size).toBeGreaterThan(10);
    expect(optionOrder(6, 99, 'a').join()).not.toBe(optionOrder(6, 99, 'b').join());
  });
});
