// A refused command leaves no trace, and the account still takes a valid command afterwards
// with the very next version.
import { describe, expect, it } from 'vitest';
import { BankAccount } from '@workspace/BankAccount';
import { fixedClock } from '@workspace/clock';
import { ACCOUNT_ID, commands, FUNDED_BALANCE, history, NOW } from '../support/fixtures';
import { stateOf } from '../support/state';

function codeOf(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // Name a code-less error by its message, so a failing test says what was thrown instead.
    return code ?? `an error without a code: ${error instanceof Error ? error.message : String(error)}`;
  }
  return 'no error';
}

describe('after a refused command', () => {
  it('an overdraft attempt leaves balance, version and events as they were', () => {
    const account = BankAccount.fromEvents(history.funded(), fixedClock(NOW));
    const before = stateOf(account);
    expect(codeOf(() => account.withdraw(commands.withdraw({ amount: FUNDED_BALANCE * 2 })))).toBe('INSUFFICIENT_FUNDS');
    expect(stateOf(account)).toEqual(before);
    expect(account.uncommittedEvents).toHaveLength(0);
  });

  it('closing with money on the account keeps it open', () => {
    const account = BankAccount.fromEvents(history.funded(), fixedClock(NOW));
    expect(codeOf(() => account.close(commands.close()))).toBe('BALANCE_NOT_ZERO');
    expect(account.status).toBe('open');
    expect(account.closedAt).toBe(null);
    expect(account.uncommittedEvents).toHaveLength(0);
  });

  it('the next valid command gets the very next version', () => {
    const account = BankAccount.fromEvents(history.funded(), fixedClock(NOW));
    expect(codeOf(() => account.withdraw(commands.withdraw({ amount: FUNDED_BALANCE + 1 })))).toBe('INSUFFICIENT_FUNDS');
    expect(codeOf(() => account.deposit(commands.deposit({ amount: -3 })))).toBe('INVALID_AMOUNT');
    account.withdraw(commands.withdraw({ amount: FUNDED_BALANCE }));
    expect(account.uncommittedEvents).toEqual([
      { type: 'MoneyWithdrawn', accountId: ACCOUNT_ID, version: 5, timestamp: NOW, amount: FUNDED_BALANCE },
    ]);
    expect(account.balance).toBe(0);
  });

  it('a closed account refuses everything and stays closed', () => {
    const account = BankAccount.fromEvents(history.closed(), fixedClock(NOW));
    const before = stateOf(account);
    expect(codeOf(() => account.deposit(commands.deposit()))).toBe('ACCOUNT_CLOSED');
    expect(codeOf(() => account.withdraw(commands.withdraw()))).toBe('ACCOUNT_CLOSED');
    expect(codeOf(() => account.close(commands.close()))).toBe('ACCOUNT_CLOSED');
    expect(stateOf(account)).toEqual(before);
    expect(account.uncommittedEvents).toHaveLength(0);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'after a refused command': 'после отказа в команде',
  'an overdraft attempt leaves balance, version and events as they were': 'попытка уйти в минус оставляет баланс, версию и события как были',
  'closing with money on the account keeps it open': 'попытка закрыть счёт с деньгами оставляет его открытым',
  'the next valid command gets the very next version': 'следующая корректная команда получает ровно следующую версию',
  'a closed account refuses everything and stays closed': 'закрытый счёт отклоняет всё и остаётся закрытым',
};
