// The store implementations every conformance test runs against: one suite, same expectations.
import { createMemoryEventStore, openEventStore, type EventStore } from '../../../electron/engine/store';

export interface Implementation {
  name: string;
  open(): EventStore;
}

export const implementations: Implementation[] = [
  { name: 'sqlite', open: () => openEventStore({ path: ':memory:' }) },
  { name: 'memory', open: () => createMemoryEventStore() },
];
