// Amounts from untyped callers, balances near the limit of exact numbers, and which check wins.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '@engine/testing/givenWhenThen';
import { BankAccount } from '@workspace/BankAccount';
import { fixedClock } from '@workspace/clock';
import { AccountError } from '@workspace/errors';
import type { AccountEvent } from '@workspace/events';
import { accountOpened, ACCOUNT_ID, commands, deposited, FUNDED_BALANCE, history, NOW, untyped } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('amounts are whole cents', () => {
  const wrong: Array<[string, unknown]> = [
    ['a numeric string', '2000'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['null', null],
    ['a missing amount', undefined],
    ['euros with cents as a float', 19.99],
    ['an amount beyond safe integers', 2 ** 53],
  ];
  for (const [label, amount] of wrong) {
    it(`deposit refuses ${label} with INVALID_AMOUNT`, () => {
      given(...history.funded()).when(commands.deposit({ amount: untyped(amount) })).thenFails('INVALID_AMOUNT');
    });
    it(`withdraw refuses ${label} with INVALID_AMOUNT`, () => {
      given(...history.funded()).when(commands.withdraw({ amount: untyped(amount) })).thenFails('INVALID_AMOUNT');
    });
  }

  it('deposit refuses an amount that would push the balance past exact integers', () => {
    const rich = [accountOpened(), deposited(Number.MAX_SAFE_INTEGER - 10, 2)];
    given(...rich).when(commands.deposit({ amount: 11 })).thenFails('INVALID_AMOUNT');
  });

  it('deposit accepts an amount that brings the balance exactly to the largest safe integer', () => {
    const rich = [accountOpened(), deposited(Number.MAX_SAFE_INTEGER - 10, 2)];
    const account = given(...rich)
      .when(commands.deposit({ amount: 10 }))
      .then({ type: 'MoneyDeposited', accountId: ACCOUNT_ID, version: 3, timestamp: NOW, amount: 10 });
    expect(account.balance).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('the first failing check decides the code', () => {
  it('deposit on a closed account with a bad amount fails with ACCOUNT_CLOSED', () => {
    given(...history.closed()).when(commands.deposit({ amount: -1 })).thenFails('ACCOUNT_CLOSED');
  });

  it('withdraw on a closed account with a bad amount fails with ACCOUNT_CLOSED', () => {
    given(...history.closed()).when(commands.withdraw({ amount: untyped('lots') })).thenFails('ACCOUNT_CLOSED');
  });

  it('withdraw of a negative amount fails with INVALID_AMOUNT, not INSUFFICIENT_FUNDS', () => {
    given(...history.empty()).when(commands.withdraw({ amount: -1 })).thenFails('INVALID_AMOUNT');
  });

  it('withdraw of a fractional amount larger than the balance fails with INVALID_AMOUNT', () => {
    given(...history.funded()).when(commands.withdraw({ amount: FUNDED_BALANCE + 0.5 })).thenFails('INVALID_AMOUNT');
  });
});

describe('refusals are AccountErrors', () => {
  const refusals: Array<[string, () => AccountEvent[], (account: BankAccount) => void]> = [
    ['deposit of nothing', history.empty, (account) => account.deposit(commands.deposit({ amount: 0 }))],
    ['withdraw from an empty account', history.empty, (account) => account.withdraw(commands.withdraw({ amount: 1 }))],
    ['close with money on it', history.funded, (account) => account.close(commands.close())],
    ['deposit into a closed account', history.closed, (account) => account.deposit(commands.deposit())],
  ];
  for (const [label, past, refuse] of refusals) {
    it(`${label} throws an AccountError with a readable message`, () => {
      const account = BankAccount.fromEvents(past(), fixedClock(NOW));
      refusalOf(() => refuse(account), AccountError, label, { given: past() });
    });
  }
});
