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

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'amounts are whole cents': 'суммы — целые центы',
  'deposit refuses a numeric string with INVALID_AMOUNT': 'пополнение отклоняет число, записанное строкой, с кодом INVALID_AMOUNT',
  'withdraw refuses a numeric string with INVALID_AMOUNT': 'снятие отклоняет число, записанное строкой, с кодом INVALID_AMOUNT',
  'deposit refuses NaN with INVALID_AMOUNT': 'пополнение отклоняет NaN с кодом INVALID_AMOUNT',
  'withdraw refuses NaN with INVALID_AMOUNT': 'снятие отклоняет NaN с кодом INVALID_AMOUNT',
  'deposit refuses Infinity with INVALID_AMOUNT': 'пополнение отклоняет Infinity с кодом INVALID_AMOUNT',
  'withdraw refuses Infinity with INVALID_AMOUNT': 'снятие отклоняет Infinity с кодом INVALID_AMOUNT',
  'deposit refuses null with INVALID_AMOUNT': 'пополнение отклоняет null с кодом INVALID_AMOUNT',
  'withdraw refuses null with INVALID_AMOUNT': 'снятие отклоняет null с кодом INVALID_AMOUNT',
  'deposit refuses a missing amount with INVALID_AMOUNT': 'пополнение без суммы отклоняется с кодом INVALID_AMOUNT',
  'withdraw refuses a missing amount with INVALID_AMOUNT': 'снятие без суммы отклоняется с кодом INVALID_AMOUNT',
  'deposit refuses euros with cents as a float with INVALID_AMOUNT': 'пополнение отклоняет сумму в евро с центами, записанную дробным числом, с кодом INVALID_AMOUNT',
  'withdraw refuses euros with cents as a float with INVALID_AMOUNT': 'снятие отклоняет сумму в евро с центами, записанную дробным числом, с кодом INVALID_AMOUNT',
  'deposit refuses an amount beyond safe integers with INVALID_AMOUNT': 'пополнение отклоняет сумму больше безопасного целого с кодом INVALID_AMOUNT',
  'withdraw refuses an amount beyond safe integers with INVALID_AMOUNT': 'снятие отклоняет сумму больше безопасного целого с кодом INVALID_AMOUNT',
  'deposit refuses an amount that would push the balance past exact integers': 'пополнение отклоняет сумму, после которой баланс перестал бы быть точным целым',
  'deposit accepts an amount that brings the balance exactly to the largest safe integer': 'пополнение принимает сумму, доводящую баланс ровно до наибольшего безопасного целого',
  'the first failing check decides the code': 'код ошибки определяет первая непройденная проверка',
  'deposit on a closed account with a bad amount fails with ACCOUNT_CLOSED': 'пополнение закрытого счёта на неверную сумму отклоняется с кодом ACCOUNT_CLOSED',
  'withdraw on a closed account with a bad amount fails with ACCOUNT_CLOSED': 'снятие неверной суммы с закрытого счёта отклоняется с кодом ACCOUNT_CLOSED',
  'withdraw of a negative amount fails with INVALID_AMOUNT, not INSUFFICIENT_FUNDS': 'снятие отрицательной суммы отклоняется с кодом INVALID_AMOUNT, а не INSUFFICIENT_FUNDS',
  'withdraw of a fractional amount larger than the balance fails with INVALID_AMOUNT': 'снятие дробной суммы больше баланса отклоняется с кодом INVALID_AMOUNT',
  'refusals are AccountErrors': 'отказы — это AccountError',
  'deposit of nothing throws an AccountError with a readable message': 'пополнение на ноль выбрасывает AccountError с понятным сообщением',
  'withdraw from an empty account throws an AccountError with a readable message': 'снятие с пустого счёта выбрасывает AccountError с понятным сообщением',
  'close with money on it throws an AccountError with a readable message': 'закрытие счёта с деньгами выбрасывает AccountError с понятным сообщением',
  'deposit into a closed account throws an AccountError with a readable message': 'пополнение закрытого счёта выбрасывает AccountError с понятным сообщением',
};
