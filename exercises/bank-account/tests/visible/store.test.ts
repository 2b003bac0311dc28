// Your account with a real (in-memory) event store: save the new events with the expected
// version, load them back, and the balance is the same.
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore, type EventStore } from '@engine/store/memory';
import { BankAccount } from '@workspace/BankAccount';
import { fixedClock } from '@workspace/clock';
import type { AccountEvent } from '@workspace/events';

const streamOf = (accountId: string) => `account-${accountId}`;

function save(store: EventStore, account: BankAccount): void {
  const events = account.uncommittedEvents;
  if (events.length === 0) return;
  store.appendToStream(
    streamOf(account.id),
    events.map((event) => ({ type: event.type, data: event })),
    { expectedVersion: account.version - events.length },
  );
  account.markCommitted();
}

function load(store: EventStore, accountId: string): BankAccount {
  const { events } = store.readStream(streamOf(accountId));
  return BankAccount.fromEvents(events.map((recorded) => recorded.data as AccountEvent), fixedClock('2031-06-01T00:00:00.000Z'));
}

describe('with an event store', () => {
  it('an account saved in steps loads back with the same balance and version', () => {
    const store = createMemoryEventStore();
    const clock = fixedClock('2031-06-01T00:00:00.000Z');
    const opened = BankAccount.open('acc-7', { ownerName: 'Oskar Lind' }, clock);
    opened.deposit({ accountId: 'acc-7', amount: 30000 });
    save(store, opened);

    const later = load(store, 'acc-7');
    later.withdraw({ accountId: 'acc-7', amount: 12500 });
    later.deposit({ accountId: 'acc-7', amount: 99 });
    save(store, later);

    const reloaded = load(store, 'acc-7');
    expect(reloaded.balance).toBe(30000 - 12500 + 99);
    expect(reloaded.version).toBe(4);
    expect(store.readStream(streamOf('acc-7')).events.map((e) => e.type)).toEqual([
      'AccountOpened',
      'MoneyDeposited',
      'MoneyWithdrawn',
      'MoneyDeposited',
    ]);
  });

  it('a refused withdrawal stores nothing', () => {
    const store = createMemoryEventStore();
    const account = BankAccount.open('acc-8', { ownerName: 'Oskar Lind' }, fixedClock('2031-06-01T00:00:00.000Z'));
    account.deposit({ accountId: 'acc-8', amount: 100 });
    save(store, account);

    const loaded = load(store, 'acc-8');
    let code: unknown = 'no error';
    try {
      loaded.withdraw({ accountId: 'acc-8', amount: 101 });
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).toBe('INSUFFICIENT_FUNDS');
    save(store, loaded);
    expect(store.readStream(streamOf('acc-8')).currentVersion).toBe(2);
    expect(load(store, 'acc-8').balance).toBe(100);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'with an event store': 'с хранилищем событий',
  'an account saved in steps loads back with the same balance and version': 'счёт, сохранённый в несколько шагов, загружается с тем же балансом и версией',
  'a refused withdrawal stores nothing': 'отклонённое снятие ничего не сохраняет',
};
