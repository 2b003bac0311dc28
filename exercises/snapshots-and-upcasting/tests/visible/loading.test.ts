// Old streams still load: a repository reads v1, v2 and mixed streams into today's customer.
import { describe, expect, it } from 'vitest';
import { CustomerRepository } from '@workspace/CustomerRepository';
import { createSnapshotStore } from '@workspace/snapshots';
import { CUSTOMER_ID, RIGA, storeWith, TARTU, points, renamed, v1, v2 } from '../support/fixtures';

describe('loading without snapshots', () => {
  it('a stream written entirely by the first release loads with structured addresses', () => {
    const store = storeWith(v1.registered(), points(10), v1.moved('Flat 3, 7 Mill Lane, Tartu, 50090, Estonia'));
    const loaded = new CustomerRepository(store, createSnapshotStore()).load(CUSTOMER_ID);
    expect(loaded).toEqual({
      state: { customerId: CUSTOMER_ID, name: 'Ilze Berzina', address: TARTU, loyaltyPoints: 10 },
      version: 3,
      snapshotVersion: 0,
    });
  });

  it('a stream mixing old and new events loads', () => {
    const store = storeWith(v1.registered('Flat 3, 7 Mill Lane, Tartu, 50090, Estonia'), v2.moved(RIGA), renamed('Ilze B.'), points(5));
    const loaded = new CustomerRepository(store, createSnapshotStore()).load(CUSTOMER_ID);
    expect(loaded?.state).toEqual({ customerId: CUSTOMER_ID, name: 'Ilze B.', address: RIGA, loyaltyPoints: 5 });
    expect(loaded?.version).toBe(4);
  });

  it('an unknown customer gives null', () => {
    expect(new CustomerRepository(storeWith(), createSnapshotStore()).load('nobody')).toBe(null);
  });

  it('what save wrote loads back the same', () => {
    const store = storeWith();
    const repository = new CustomerRepository(store, createSnapshotStore());
    const saved = repository.save(CUSTOMER_ID, null, [
      { type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA },
      { type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 7 },
    ]);
    expect(repository.load(CUSTOMER_ID)).toEqual({ state: saved.state, version: 2, snapshotVersion: 0 });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'loading without snapshots': 'загрузка без снимков',
  'a stream written entirely by the first release loads with structured addresses': 'поток, целиком записанный первой версией приложения, загружается со структурированными адресами',
  'a stream mixing old and new events loads': 'поток, где старые события перемешаны с новыми, загружается',
  'an unknown customer gives null': 'неизвестный клиент даёт null',
  'what save wrote loads back the same': 'то, что записал save, загружается обратно таким же',
};
