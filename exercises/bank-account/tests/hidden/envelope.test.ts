// Every new event: this account's id, the next version, the time from the injected clock,
// and only the fields of its type.
import { describe, expect, it } from 'vitest';
import { BankAccount } from '@workspace/BankAccount';
import { fixedClock, steppingClock } from '@workspace/clock';
import { ACCOUNT_ID, commands, history } from '../support/fixtures';

describe('event envelopes', () => {
  it('each command takes the next clock reading and the next version', () => {
    const account = BankAccount.fromEvents(history.empty(), steppingClock('2032-01-01T00:00:00.000Z', 1000));
    account.deposit(commands.deposit({ amount: 700 }));
    account.withdraw(commands.withdraw({ amount: 700 }));
    account.close(commands.close());
    expect(account.uncommittedEvents.map(({ type, accountId, version, timestamp }) => ({ type, accountId, version, timestamp }))).toEqual([
      { type: 'MoneyDeposited', accountId: ACCOUNT_ID, version: 2, timestamp: '2032-01-01T00:00:00.000Z' },
      { type: 'MoneyWithdrawn', accountId: ACCOUNT_ID, version: 3, timestamp: '2032-01-01T00:00:01.000Z' },
      { type: 'AccountClosed', accountId: ACCOUNT_ID, version: 4, timestamp: '2032-01-01T00:00:02.000Z' },
    ]);
    expect(account.version).toBe(4);
    expect(account.closedAt).toBe('2032-01-01T00:00:02.000Z');
  });

  it('timestamps come from the clock, never from the system time', () => {
    const account = BankAccount.fromEvents(history.funded(), fixedClock('1998-07-07T07:07:07.000Z'));
    account.deposit(commands.deposit());
    account.withdraw(commands.withdraw());
    expect(account.uncommittedEvents.map((event) => event.timestamp)).toEqual(['1998-07-07T07:07:07.000Z', '1998-07-07T07:07:07.000Z']);
  });

  it('events hold only their own fields', () => {
    const account = BankAccount.fromEvents(history.funded(), fixedClock('2032-01-01T00:00:00.000Z'));
    account.withdraw(commands.withdraw({ amount: 10 }));
    account.deposit(commands.deposit({ amount: 10 }));
    expect(account.uncommittedEvents.map((event) => Object.keys(event).sort())).toEqual([
      ['accountId', 'amount', 'timestamp', 'type', 'version'],
      ['accountId', 'amount', 'timestamp', 'type', 'version'],
    ]);
    const empty = BankAccount.fromEvents(history.empty(), fixedClock('2032-01-01T00:00:00.000Z'));
    empty.close(commands.close());
    expect(Object.keys(empty.uncommittedEvents[0]!).sort()).toEqual(['accountId', 'timestamp', 'type', 'version']);
  });

  it('markCommitted empties the list but keeps the state', () => {
    const account = BankAccount.fromEvents(history.empty(), fixedClock('2032-01-01T00:00:00.000Z'));
    account.deposit(commands.deposit({ amount: 40 }));
    account.markCommitted();
    account.deposit(commands.deposit({ amount: 2 }));
    expect(account.uncommittedEvents.map((event) => event.version)).toEqual([3]);
    expect(account.balance).toBe(42);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'event envelopes': 'конверты событий',
  'each command takes the next clock reading and the next version': 'каждая команда берёт следующее показание часов и следующую версию',
  'timestamps come from the clock, never from the system time': 'метки времени берутся из часов, а не из системного времени',
  'events hold only their own fields': 'в событиях только их собственные поля',
  'markCommitted empties the list but keeps the state': 'markCommitted очищает список, но сохраняет состояние',
};
