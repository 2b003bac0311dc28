// The wait between tries: it doubles after every failure, from the base, and never passes the cap.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '@workspace/ReceiptConsumer';
import { DEFAULT_POLICY } from '@workspace/services';

describe('backoffDelay', () => {
  it('waits the base delay after the first failure', () => {
    expect(backoffDelay(1, DEFAULT_POLICY)).toBe(100);
  });

  it('doubles the wait after each next failure', () => {
    expect([2, 3, 4].map((n) => backoffDelay(n, DEFAULT_POLICY))).toEqual([200, 400, 800]);
  });

  it('never waits longer than maxDelayMs', () => {
    expect([5, 6, 20].map((n) => backoffDelay(n, DEFAULT_POLICY))).toEqual([1000, 1000, 1000]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'backoffDelay': 'задержка перед повтором (backoffDelay)',
  'waits the base delay after the first failure': 'после первой неудачи ждёт базовую задержку',
  'doubles the wait after each next failure': 'удваивает паузу после каждой следующей неудачи',
  'never waits longer than maxDelayMs': 'никогда не ждёт дольше maxDelayMs',
};
