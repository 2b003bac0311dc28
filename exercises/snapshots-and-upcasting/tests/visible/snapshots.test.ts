// Loading from a snapshot plus the events after it, and taking snapshots while saving.
import { describe, expect, it } from 'vitest';
import { CustomerRepository } from '@workspace/CustomerRepository';
import type { Customer } from '@workspace/customer';
import { CUSTOMER_ID, countingSnapshots, RIGA, snapshotsWith, storeWith, TARTU, points, renamed, v1, v2 } from '../support/fixtures';

const atVersion3: Customer = { customerId: CUSTOMER_ID, name: 'Ilze (from the snapshot)', address: TARTU, loyaltyPoints: 100 };

describe('loading from a snapshot', () => {
  it('starts from the snapshot, not from the first event', () => {
    // The events before the snapshot say otherwise: only a load that starts at the snapshot sees its name.
    const store = storeWith(v1.registered(), points(1), points(1));
    const loaded = new CustomerRepository(store, snapshotsWith(3, atVersion3)).load(CUSTOMER_ID);
    expect(loaded).toEqual({ state: atVersion3, version: 3, snapshotVersion: 3 });
  });

  it('applies the events after the snapshot, each once', () => {
    const store = storeWith(v1.registered(), points(1), points(1), points(20), v2.moved(RIGA));
    const loaded = new CustomerRepository(store, snapshotsWith(3, atVersion3)).load(CUSTOMER_ID);
    expect(loaded).toEqual({
      state: { ...atVersion3, loyaltyPoints: 120, address: RIGA },
      version: 5,
      snapshotVersion: 3,
    });
  });

  it('upcasts old events that come after the snapshot', () => {
    const store = storeWith(v1.registered(), points(1), points(1), v1.moved('12 Harbour Road, Riga, LV-1010, Latvia'));
    const loaded = new CustomerRepository(store, snapshotsWith(3, atVersion3)).load(CUSTOMER_ID);
    expect(loaded?.state.address).toEqual(RIGA);
  });

  it('ignores a snapshot written with another schema and replays every event', () => {
    const store = storeWith(v1.registered(), points(1), renamed('Ilze B.'));
    const loaded = new CustomerRepository(store, snapshotsWith(3, atVersion3, 1)).load(CUSTOMER_ID);
    expect(loaded).toEqual({
      state: { customerId: CUSTOMER_ID, name: 'Ilze B.', address: RIGA, loyaltyPoints: 1 },
      version: 3,
      snapshotVersion: 0,
    });
  });
});

describe('taking snapshots', () => {
  it('writes one each time the version passes a multiple of snapshotEvery', () => {
    const snapshots = countingSnapshots();
    const repository = new CustomerRepository(storeWith(), snapshots, { snapshotEvery: 3 });
    let customer = repository.save(CUSTOMER_ID, null, [
      { type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA },
      { type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 1 },
    ]);
    expect(snapshots.puts).toHaveLength(0);
    customer = repository.save(CUSTOMER_ID, customer, [{ type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 2 }]);
    expect(snapshots.puts.map((snapshot) => snapshot.version)).toEqual([3]);
    customer = repository.save(CUSTOMER_ID, customer, [{ type: 'CustomerMoved', customerId: CUSTOMER_ID, address: TARTU }]);
    expect(snapshots.puts.map((snapshot) => snapshot.version)).toEqual([3]);
    expect(snapshots.puts[0]).toEqual({
      streamId: 'customer-cust-17',
      version: 3,
      schema: 2,
      state: { customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA, loyaltyPoints: 3 },
    });
  });

  it('a load after a snapshot uses it and gives what a full replay gives', () => {
    const store = storeWith();
    const snapshots = countingSnapshots();
    const repository = new CustomerRepository(store, snapshots, { snapshotEvery: 2 });
    let customer = repository.save(CUSTOMER_ID, null, [{ type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA }]);
    customer = repository.save(CUSTOMER_ID, customer, [{ type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 4 }]);
    customer = repository.save(CUSTOMER_ID, customer, [{ type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 6 }]);

    const loaded = repository.load(CUSTOMER_ID);
    expect(loaded?.snapshotVersion).toBe(2);
    const replayed = new CustomerRepository(store, countingSnapshots()).load(CUSTOMER_ID);
    expect(loaded?.state).toEqual(replayed?.state);
    expect(loaded?.state.loyaltyPoints).toBe(10);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'loading from a snapshot': 'загрузка со снимка',
  'starts from the snapshot, not from the first event': 'начинает со снимка, а не с первого события',
  'applies the events after the snapshot, each once': 'применяет события после снимка, каждое по одному разу',
  'upcasts old events that come after the snapshot': 'применяет апкастинг к старым событиям, идущим после снимка',
  'ignores a snapshot written with another schema and replays every event': 'игнорирует снимок, записанный с другой схемой, и воспроизводит все события',
  'taking snapshots': 'создание снимков',
  'writes one each time the version passes a multiple of snapshotEvery': 'записывает снимок каждый раз, когда версия проходит через кратное snapshotEvery',
  'a load after a snapshot uses it and gives what a full replay gives': 'загрузка после снимка использует его и даёт то же, что полное воспроизведение',
};
