// One test per mistake students really make in deposit, withdraw and close, each worth a visible
// share of the grade (see the manifest), however many other tests happen to touch the same rule.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '@engine/testing/givenWhenThen';
import { BankAccount } from '@workspace/BankAccount';
import { fixedClock } from '@workspace/clock';
import { AccountError } from '@workspace/errors';
import { accountOpened, commands, deposited, history, NOW, untyped } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('mistakes that cost points', () => {
  it('the status is checked first: withdrawing a bad amount from a closed account is ACCOUNT_CLOSED', () => {
    given(...history.closed()).when(commands.withdraw({ amount: untyped('lots') })).thenFails('ACCOUNT_CLOSED');
  });

  it('a closed account replays with the time it was closed', () => {
    const account = BankAccount.fromEvents(history.closed(), fixedClock(NOW));
    expect({ status: account.status, closedAt: account.closedAt }).toEqual({ status: 'closed', closedAt: '2031-04-01T09:00:00.000Z' });
  });

  it('a deposit that would push the balance past exact integers is refused with INVALID_AMOUNT', () => {
    given(accountOpened(), deposited(Number.MAX_SAFE_INTEGER - 10, 2)).when(commands.deposit({ amount: 11 })).thenFails('INVALID_AMOUNT');
  });

  it('a refusal is an AccountError with a message, not a plain Error with a code stuck on', () => {
    const account = BankAccount.fromEvents(history.closed(), fixedClock(NOW));
    const error = refusalOf(() => account.deposit(commands.deposit()), AccountError, 'deposit() into a closed account', {
      given: history.closed(),
      command: commands.deposit(),
    });
    expect(error.code).toBe('ACCOUNT_CLOSED');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'mistakes that cost points': 'ошибки, которые стоят баллов',
  'the status is checked first: withdrawing a bad amount from a closed account is ACCOUNT_CLOSED': 'сначала проверяется статус: снятие неверной суммы с закрытого счёта — это ACCOUNT_CLOSED',
  'a closed account replays with the time it was closed': 'закрытый счёт восстанавливается из событий вместе со временем закрытия',
  'a deposit that would push the balance past exact integers is refused with INVALID_AMOUNT': 'пополнение, после которого баланс перестал бы быть точным целым, отклоняется с кодом INVALID_AMOUNT',
  'a refusal is an AccountError with a message, not a plain Error with a code stuck on': 'отказ — это AccountError с сообщением, а не простой Error с приклеенным кодом',
};
