import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, commands, FUNDED_BALANCE, history, NOW } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('withdraw', () => {
  it('records MoneyWithdrawn when the balance covers the amount', () => {
    given(...history.funded())
      .when(commands.withdraw({ amount: 4000 }))
      .then({ type: 'MoneyWithdrawn', accountId: ACCOUNT_ID, version: 5, timestamp: NOW, amount: 4000 });
  });

  it('takes the amount off the balance', () => {
    const account = given(...history.funded())
      .when(commands.withdraw({ amount: 4000 }))
      .then({ type: 'MoneyWithdrawn', accountId: ACCOUNT_ID, version: 5, timestamp: NOW, amount: 4000 });
    expect(account.balance).toBe(FUNDED_BALANCE - 4000);
  });

  it('may take out the whole balance, down to exactly zero', () => {
    const account = given(...history.funded())
      .when(commands.withdraw({ amount: FUNDED_BALANCE }))
      .then({ type: 'MoneyWithdrawn', accountId: ACCOUNT_ID, version: 5, timestamp: NOW, amount: FUNDED_BALANCE });
    expect(account.balance).toBe(0);
  });

  it('refuses one cent more than the balance with INSUFFICIENT_FUNDS', () => {
    given(...history.funded()).when(commands.withdraw({ amount: FUNDED_BALANCE + 1 })).thenFails('INSUFFICIENT_FUNDS');
  });

  it('refuses any withdrawal from an empty account with INSUFFICIENT_FUNDS', () => {
    given(...history.empty()).when(commands.withdraw({ amount: 1 })).thenFails('INSUFFICIENT_FUNDS');
  });

  it('refuses a closed account with ACCOUNT_CLOSED', () => {
    given(...history.closed()).when(commands.withdraw({ amount: 1 })).thenFails('ACCOUNT_CLOSED');
  });

  it('refuses a zero amount with INVALID_AMOUNT', () => {
    given(...history.funded()).when(commands.withdraw({ amount: 0 })).thenFails('INVALID_AMOUNT');
  });

  it('refuses a negative amount (that would be a deposit) with INVALID_AMOUNT', () => {
    given(...history.funded()).when(commands.withdraw({ amount: -100 })).thenFails('INVALID_AMOUNT');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'withdraw': 'снятие (withdraw)',
  'records MoneyWithdrawn when the balance covers the amount': 'записывает MoneyWithdrawn, когда баланса хватает на сумму',
  'takes the amount off the balance': 'вычитает сумму из баланса',
  'may take out the whole balance, down to exactly zero': 'позволяет снять весь баланс, ровно до нуля',
  'refuses one cent more than the balance with INSUFFICIENT_FUNDS': 'отклоняет сумму на цент больше баланса с кодом INSUFFICIENT_FUNDS',
  'refuses any withdrawal from an empty account with INSUFFICIENT_FUNDS': 'отклоняет любое снятие с пустого счёта с кодом INSUFFICIENT_FUNDS',
  'refuses a closed account with ACCOUNT_CLOSED': 'отклоняется для закрытого счёта с кодом ACCOUNT_CLOSED',
  'refuses a zero amount with INVALID_AMOUNT': 'отклоняет нулевую сумму с кодом INVALID_AMOUNT',
  'refuses a negative amount (that would be a deposit) with INVALID_AMOUNT': 'отклоняет отрицательную сумму (это было бы пополнение) с кодом INVALID_AMOUNT',
};
