// A long history written over two releases: whatever snapshots were taken along the way, loading
// gives exactly what replaying every event from the start gives.
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '@engine/store/memory';
import { CustomerRepository } from '@workspace/CustomerRepository';
import type { CustomerEvent } from '@workspace/events';
import { createSnapshotStore } from '@workspace/snapshots';
import { CUSTOMER_ID, countingSnapshots, STREAM } from '../support/fixtures';

const cities = ['Riga', 'Tartu', 'Parnu', 'Vilnius', 'Kaunas'];

describe('a long history', () => {
  for (const every of [2, 3, 5, 7]) {
    it(`loads the same with snapshots every ${every} as by full replay`, () => {
      const store = createMemoryEventStore();
      // The first release: ten v1 events, address as one line.
      store.appendToStream(STREAM, [
        { type: 'CustomerRegistered', data: { customerId: CUSTOMER_ID, name: 'Ilze', address: '1 Dock St, Riga, LV-1001, Latvia' } },
        ...Array.from({ length: 9 }, (_, i) =>
          i % 3 === 0
            ? { type: 'CustomerMoved', data: { customerId: CUSTOMER_ID, address: `${i} Main St, ${cities[i % 5]}, ${1000 + i}, Baltics` } }
            : { type: 'LoyaltyPointsEarned', data: { customerId: CUSTOMER_ID, points: i } },
        ),
      ]);

      // Today's release keeps writing through the repository.
      const snapshots = countingSnapshots();
      const repository = new CustomerRepository(store, snapshots, { snapshotEvery: every });
      let customer = repository.load(CUSTOMER_ID)!;
      for (let step = 0; step < 12; step++) {
        const event: CustomerEvent =
          step % 4 === 0
            ? { type: 'CustomerMoved', customerId: CUSTOMER_ID, address: { street: `${step} Quay`, city: cities[step % 5]!, postalCode: `${2000 + step}`, country: 'Baltics' } }
            : { type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: step * 10 };
        customer = repository.save(CUSTOMER_ID, customer, [event]);
        const viaSnapshots = repository.load(CUSTOMER_ID);
        const fullReplay = new CustomerRepository(store, createSnapshotStore()).load(CUSTOMER_ID);
        expect(viaSnapshots?.state).toEqual(fullReplay?.state);
        expect(viaSnapshots?.version).toBe(fullReplay?.version);
        expect(viaSnapshots?.state).toEqual(customer.state);
      }
      expect(customer.version).toBe(22);
      expect(snapshots.puts.length).toBeGreaterThan(0);
      expect(repository.load(CUSTOMER_ID)?.snapshotVersion).toBe(snapshots.puts.at(-1)!.version);
    });
  }
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'a long history': 'длинная история',
  'loads the same with snapshots every 2 as by full replay': 'со снимками через каждые 2 события загружает то же, что полное воспроизведение',
  'loads the same with snapshots every 3 as by full replay': 'со снимками через каждые 3 события загружает то же, что полное воспроизведение',
  'loads the same with snapshots every 5 as by full replay': 'со снимками через каждые 5 событий загружает то же, что полное воспроизведение',
  'loads the same with snapshots every 7 as by full replay': 'со снимками через каждые 7 событий загружает то же, что полное воспроизведение',
};
