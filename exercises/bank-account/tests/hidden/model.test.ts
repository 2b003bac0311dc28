// A long, varied run of commands checked against a tiny model of the rules: after every step
// the live balance, the replayed balance and the model agree.
import { describe, expect, it } from 'vitest';
import { BankAccount } from '@workspace/BankAccount';
import { steppingClock } from '@workspace/clock';
import { ACCOUNT_ID, OWNER } from '../support/fixtures';
import { stateOf } from '../support/state';

/** A small deterministic generator, so every run sees the same "random" commands. */
function numbers(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
}

function codeOf(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return null;
}

describe('against a model of the rules', () => {
  for (const seed of [7, 1234, 99991]) {
    it(`300 mixed deposits and withdrawals agree with the model (seed ${seed})`, () => {
      const next = numbers(seed);
      const account = BankAccount.open(ACCOUNT_ID, { ownerName: OWNER }, steppingClock('2033-01-01T00:00:00.000Z', 1000));
      let model = 0;
      for (let step = 0; step < 300; step++) {
        const amount = (next() % 5000) + 1;
        if (next() % 2 === 0) {
          account.deposit({ accountId: ACCOUNT_ID, amount });
          model += amount;
        } else {
          const code = codeOf(() => account.withdraw({ accountId: ACCOUNT_ID, amount }));
          if (amount <= model) {
            expect(code).toBe(null);
            model -= amount;
          } else {
            expect(code).toBe('INSUFFICIENT_FUNDS');
          }
        }
        expect(account.balance).toBe(model);
      }
      const replayed = BankAccount.fromEvents(account.uncommittedEvents);
      expect(stateOf(replayed)).toEqual(stateOf(account));
      expect(account.version).toBe(account.uncommittedEvents.length);
    });
  }
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'against a model of the rules': 'сверка с моделью правил',
  '300 mixed deposits and withdrawals agree with the model (seed 7)': '300 пополнений и снятий вперемешку дают то же, что и модель (seed 7)',
  '300 mixed deposits and withdrawals agree with the model (seed 1234)': '300 пополнений и снятий вперемешку дают то же, что и модель (seed 1234)',
  '300 mixed deposits and withdrawals agree with the model (seed 99991)': '300 пополнений и снятий вперемешку дают то же, что и модель (seed 99991)',
};
