// The state comes only from the events: load the past, or replay what a live account recorded,
// and you get the same account.
import { describe, expect, it } from 'vitest';
import { BankAccount } from '@workspace/BankAccount';
import { steppingClock } from '@workspace/clock';
import { ACCOUNT_ID, FUNDED_BALANCE, history, OWNER } from '../support/fixtures';
import { stateOf } from '../support/state';

describe('state from events', () => {
  it('an account loaded from its events has the balance they add up to', () => {
    const account = BankAccount.fromEvents(history.funded());
    expect(account.balance).toBe(FUNDED_BALANCE);
    expect(account.version).toBe(4);
    expect(account.status).toBe('open');
    expect(account.uncommittedEvents).toHaveLength(0);
  });

  it('a closed account loads as closed, with its closing time', () => {
    const account = BankAccount.fromEvents(history.closed());
    expect(account.status).toBe('closed');
    expect(account.closedAt).toBe('2031-04-01T09:00:00.000Z');
    expect(account.balance).toBe(0);
  });

  it('replaying what a live account recorded gives exactly the same account', () => {
    const account = BankAccount.open(ACCOUNT_ID, { ownerName: OWNER }, steppingClock('2031-05-01T10:00:00.000Z', 60_000));
    account.deposit({ accountId: ACCOUNT_ID, amount: 12345 });
    account.withdraw({ accountId: ACCOUNT_ID, amount: 2345 });
    account.deposit({ accountId: ACCOUNT_ID, amount: 5 });
    expect(account.balance).toBe(10005);

    const replayed = BankAccount.fromEvents(account.uncommittedEvents);
    expect(stateOf(replayed)).toEqual(stateOf(account));
  });

  it('replaying twice gives the same balance twice', () => {
    const first = BankAccount.fromEvents(history.funded());
    const second = BankAccount.fromEvents(history.funded());
    expect(second.balance).toBe(first.balance);
    expect(stateOf(second)).toEqual(stateOf(first));
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'state from events': 'состояние из событий',
  'an account loaded from its events has the balance they add up to': 'у счёта, загруженного из событий, баланс равен их сумме',
  'a closed account loads as closed, with its closing time': 'закрытый счёт загружается закрытым и со временем закрытия',
  'replaying what a live account recorded gives exactly the same account': 'воспроизведение событий «живого» счёта даёт точно такой же счёт',
  'replaying twice gives the same balance twice': 'два воспроизведения дают один и тот же баланс',
};
