// Streams as old and new code wrote them. `v1` events are what the first release stored
// (address as one line); `v2` events are today's. Everything goes into a real in-memory store.
import { createMemoryEventStore, type EventStore } from '@engine/store/memory';
import type { Customer } from '@workspace/customer';
import type { Address } from '@workspace/events';
import { createSnapshotStore, SNAPSHOT_SCHEMA, type Snapshot, type SnapshotStore } from '@workspace/snapshots';
import { customerStreamId } from '@workspace/storage';

export const CUSTOMER_ID = 'cust-17';
export const STREAM = customerStreamId(CUSTOMER_ID);

export const RIGA: Address = { street: '12 Harbour Road', city: 'Riga', postalCode: 'LV-1010', country: 'Latvia' };
export const TARTU: Address = { street: 'Flat 3, 7 Mill Lane', city: 'Tartu', postalCode: '50090', country: 'Estonia' };

/** An event as a writer hands it to the store: type, data without the type, schema version. */
export interface Raw {
  type: string;
  data: Record<string, unknown>;
  schemaVersion: number;
}

export const v1 = {
  registered: (address = '12 Harbour Road, Riga, LV-1010, Latvia', name = 'Ilze Berzina'): Raw => ({
    type: 'CustomerRegistered',
    data: { customerId: CUSTOMER_ID, name, address },
    schemaVersion: 1,
  }),
  moved: (address: string): Raw => ({ type: 'CustomerMoved', data: { customerId: CUSTOMER_ID, address }, schemaVersion: 1 }),
};

export const v2 = {
  registered: (address: Address = RIGA, name = 'Ilze Berzina'): Raw => ({
    type: 'CustomerRegistered',
    data: { customerId: CUSTOMER_ID, name, address: { ...address } },
    schemaVersion: 2,
  }),
  moved: (address: Address): Raw => ({ type: 'CustomerMoved', data: { customerId: CUSTOMER_ID, address: { ...address } }, schemaVersion: 2 }),
};

export const renamed = (name: string): Raw => ({ type: 'CustomerRenamed', data: { customerId: CUSTOMER_ID, name }, schemaVersion: 1 });
export const points = (count: number): Raw => ({ type: 'LoyaltyPointsEarned', data: { customerId: CUSTOMER_ID, points: count }, schemaVersion: 1 });

/** A store holding these events in the customer's stream, in order (version 1, 2, ...). */
export function storeWith(...events: Raw[]): EventStore {
  const store = createMemoryEventStore();
  if (events.length > 0) store.appendToStream(STREAM, events.map((event) => ({ ...event, data: structuredCopy(event.data) })));
  return store;
}

/** A snapshot store that also counts how many snapshots were written. */
export function countingSnapshots(): SnapshotStore & { puts: Snapshot[] } {
  const inner = createSnapshotStore();
  const puts: Snapshot[] = [];
  return {
    puts,
    get: (streamId) => inner.get(streamId),
    put: (snapshot) => {
      puts.push(JSON.parse(JSON.stringify(snapshot)) as Snapshot);
      inner.put(snapshot);
    },
  };
}

/** A snapshot store already holding one snapshot of the customer. */
export function snapshotsWith(version: number, state: Customer, schema = SNAPSHOT_SCHEMA): SnapshotStore & { puts: Snapshot[] } {
  const snapshots = countingSnapshots();
  snapshots.put({ streamId: STREAM, version, schema, state });
  snapshots.puts.length = 0;
  return snapshots;
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
