// The slice of the event store the repository uses, written out here so the workspace needs no
// engine types, and how today's events are written to it.
import { CURRENT_SCHEMA, type CustomerEvent } from './events';

/** An event as the store hands it back. `data` is the event without its `type`. */
export interface StoredEvent {
  streamId: string;
  /** Position in its stream: 1 for the first event. */
  streamVersion: number;
  type: string;
  /** The version of the shape `data` was written in (1 when the writer did not say). */
  schemaVersion: number;
  data: unknown;
}

export interface CustomerEventStore {
  /** Throws an error with code 'CONCURRENCY' (and writes nothing) when expectedVersion does not match. */
  appendToStream(
    streamId: string,
    events: Array<{ type: string; data: unknown; schemaVersion?: number }>,
    options?: { expectedVersion?: number },
  ): { nextExpectedVersion: number };
  /**
   * The stream's events from `fromVersion` (inclusive; default 1) to the end. `currentVersion` is the
   * stream's version whatever range was asked for; 0 and `streamExists: false` when it does not exist.
   */
  readStream(streamId: string, options?: { fromVersion?: number }): { events: StoredEvent[]; currentVersion: number; streamExists: boolean };
}

export function customerStreamId(customerId: string): string {
  return `customer-${customerId}`;
}

/** How a current event is written: its type, its other fields as data, today's schema version. */
export function toStored(event: CustomerEvent): { type: string; data: unknown; schemaVersion: number } {
  const { type, ...data } = event;
  return { type, data, schemaVersion: CURRENT_SCHEMA[type] };
}
