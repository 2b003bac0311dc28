// Snapshots are a cache nobody can corrupt by accident: loads and saves copy, versions add up.
import { describe, expect, it } from 'vitest';
import { CustomerRepository } from '@workspace/CustomerRepository';
import type { Customer } from '@workspace/customer';
import { CUSTOMER_ID, countingSnapshots, RIGA, snapshotsWith, storeWith, TARTU, points, v1 } from '../support/fixtures';

const atVersion2: Customer = { customerId: CUSTOMER_ID, name: 'Ilze', address: { ...TARTU }, loyaltyPoints: 50 };

describe('snapshot edge cases', () => {
  it('changing a loaded customer does not change the snapshot', () => {
    const snapshots = snapshotsWith(2, { ...atVersion2, address: { ...TARTU } });
    const repository = new CustomerRepository(storeWith(v1.registered(), points(1)), snapshots);
    const first = repository.load(CUSTOMER_ID)!;
    first.state.address!.city = 'Changed';
    first.state.name = 'Changed';
    expect(repository.load(CUSTOMER_ID)!.state).toEqual(atVersion2);
  });

  it('changing the saved customer afterwards does not change the snapshot written', () => {
    const snapshots = countingSnapshots();
    const repository = new CustomerRepository(storeWith(), snapshots, { snapshotEvery: 1 });
    const saved = repository.save(CUSTOMER_ID, null, [{ type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA }]);
    saved.state.address!.street = 'Changed';
    saved.state.loyaltyPoints = 999;
    expect(repository.load(CUSTOMER_ID)).toEqual({
      state: { customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA, loyaltyPoints: 0 },
      version: 1,
      snapshotVersion: 1,
    });
  });

  it('one save of many events that jumps past a multiple writes one snapshot at the new version', () => {
    const snapshots = countingSnapshots();
    const repository = new CustomerRepository(storeWith(), snapshots, { snapshotEvery: 3 });
    const first = repository.save(CUSTOMER_ID, null, [
      { type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA },
      { type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 1 },
    ]);
    repository.save(CUSTOMER_ID, first, [
      { type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 2 },
      { type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 3 },
    ]);
    expect(snapshots.puts.map((snapshot) => [snapshot.version, snapshot.state.loyaltyPoints])).toEqual([[4, 6]]);
  });

  it('a save below the next multiple writes no snapshot', () => {
    const snapshots = countingSnapshots();
    const repository = new CustomerRepository(storeWith(), snapshots, { snapshotEvery: 10 });
    let customer = repository.save(CUSTOMER_ID, null, [{ type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA }]);
    for (let i = 0; i < 8; i++) customer = repository.save(CUSTOMER_ID, customer, [{ type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 1 }]);
    expect(customer.version).toBe(9);
    expect(snapshots.puts).toHaveLength(0);
    repository.save(CUSTOMER_ID, customer, [{ type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 1 }]);
    expect(snapshots.puts.map((snapshot) => snapshot.version)).toEqual([10]);
  });

  it('the version is the stream’s, not the snapshot’s, when events follow it', () => {
    const store = storeWith(v1.registered(), points(1), points(2), points(3), points(4));
    const loaded = new CustomerRepository(store, snapshotsWith(2, atVersion2)).load(CUSTOMER_ID)!;
    expect(loaded.version).toBe(5);
    expect(loaded.state.loyaltyPoints).toBe(50 + 2 + 3 + 4);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'snapshot edge cases': 'граничные случаи снимков',
  'changing a loaded customer does not change the snapshot': 'изменение загруженного клиента не меняет снимок',
  'changing the saved customer afterwards does not change the snapshot written': 'последующее изменение сохранённого клиента не меняет записанный снимок',
  'one save of many events that jumps past a multiple writes one snapshot at the new version': 'одно сохранение многих событий, перескакивающее через кратное, записывает один снимок на новой версии',
  'a save below the next multiple writes no snapshot': 'сохранение, не дошедшее до следующего кратного, снимок не записывает',
  'the version is the stream’s, not the snapshot’s, when events follow it': 'если после снимка есть события, версия берётся у потока, а не у снимка',
};
