import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, commands, FUNDED_BALANCE, history, NOW } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('deposit', () => {
  it('records MoneyDeposited on a new account', () => {
    given(...history.empty())
      .when(commands.deposit({ amount: 2500 }))
      .then({ type: 'MoneyDeposited', accountId: ACCOUNT_ID, version: 2, timestamp: NOW, amount: 2500 });
  });

  it('adds the amount to the balance', () => {
    const account = given(...history.funded())
      .when(commands.deposit({ amount: 1 }))
      .then({ type: 'MoneyDeposited', accountId: ACCOUNT_ID, version: 5, timestamp: NOW, amount: 1 });
    expect(account.balance).toBe(FUNDED_BALANCE + 1);
    expect(account.version).toBe(5);
  });

  it('refuses a closed account with ACCOUNT_CLOSED', () => {
    given(...history.closed()).when(commands.deposit()).thenFails('ACCOUNT_CLOSED');
  });

  it('refuses a zero amount with INVALID_AMOUNT', () => {
    given(...history.empty()).when(commands.deposit({ amount: 0 })).thenFails('INVALID_AMOUNT');
  });

  it('refuses a negative amount with INVALID_AMOUNT', () => {
    given(...history.funded()).when(commands.deposit({ amount: -500 })).thenFails('INVALID_AMOUNT');
  });

  it('refuses a fraction of a cent with INVALID_AMOUNT', () => {
    given(...history.empty()).when(commands.deposit({ amount: 10.5 })).thenFails('INVALID_AMOUNT');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'deposit': 'пополнение (deposit)',
  'records MoneyDeposited on a new account': 'записывает MoneyDeposited на новом счёте',
  'adds the amount to the balance': 'прибавляет сумму к балансу',
  'refuses a closed account with ACCOUNT_CLOSED': 'отклоняется для закрытого счёта с кодом ACCOUNT_CLOSED',
  'refuses a zero amount with INVALID_AMOUNT': 'отклоняет нулевую сумму с кодом INVALID_AMOUNT',
  'refuses a negative amount with INVALID_AMOUNT': 'отклоняет отрицательную сумму с кодом INVALID_AMOUNT',
  'refuses a fraction of a cent with INVALID_AMOUNT': 'отклоняет доли цента с кодом INVALID_AMOUNT',
};
