// Snapshots: a saved copy of a customer's state at some stream version, so loading can start
// there instead of at the first event. A snapshot is only a cache: without it, replaying every
// event must give the same customer.
import type { Customer } from './customer';

/**
 * The version of the snapshot's state shape. Snapshots written with another schema are stale
 * (schema 1 stored the address as one line of text) and must be ignored, never read.
 */
export const SNAPSHOT_SCHEMA = 2;

export interface Snapshot {
  streamId: string;
  /** The stream version the state includes: events 1..version are already in it. */
  version: number;
  schema: number;
  state: Customer;
}

export interface SnapshotStore {
  /** The latest snapshot of the stream, or undefined. The stored object itself, not a copy. */
  get(streamId: string): Snapshot | undefined;
  /** Keeps this object (not a copy) as the stream's latest snapshot. */
  put(snapshot: Snapshot): void;
}

/** Snapshots kept in memory, one per stream, as they were handed in. */
export function createSnapshotStore(): SnapshotStore {
  const byStream = new Map<string, Snapshot>();
  return {
    get: (streamId) => byStream.get(streamId),
    put: (snapshot) => {
      byStream.set(snapshot.streamId, snapshot);
    },
  };
}
