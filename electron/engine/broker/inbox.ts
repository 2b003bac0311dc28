// The inbox pattern for broker consumers: remember which event ids were handled, in the same
// transaction as the handler's own writes, so redelivered records change nothing the second time.
// This is the pure in-memory variant; ./sqlite has the SQLite one for real read models.
import type { ConsumerRecord } from './types';
import { RELAY_HEADERS } from './relay';

export interface Inbox {
  /** Runs `apply` unless `eventId` was already processed; returns whether it ran. */
  process(eventId: string, apply: () => void): boolean;
  /**
   * One transaction for a whole poll: each record whose event id is new is applied, duplicates are
   * skipped; a throw rolls back the batch. Returns how many were applied.
   */
  processBatch<T>(items: readonly T[], eventId: (item: T) => string, apply: (item: T) => void): number;
  has(eventId: string): boolean;
}

/** The event id of a relayed record: its `event-id` header, else `value.eventId`. */
export function eventIdOf(record: ConsumerRecord): string {
  const fromHeader = record.headers[RELAY_HEADERS.eventId];
  if (fromHeader) return fromHeader;
  const v = record.value as { eventId?: unknown } | null;
  if (v && typeof v.eventId === 'string') return v.eventId;
  throw new Error(`record ${record.topic}-${record.partition}@${record.offset} carries no event id`);
}

export function createMemoryInbox(): Inbox {
  const seen = new Set<string>();
  return {
    process(eventId, apply) {
      if (seen.has(eventId)) return false;
      apply(); // if it throws, the id is not remembered: all or nothing, like the SQLite variant
      seen.add(eventId);
      return true;
    },
    processBatch(items, idOf, apply) {
      const added: string[] = [];
      try {
        for (const item of items) {
          const id = idOf(item);
          if (seen.has(id)) continue;
          apply(item);
          seen.add(id);
          added.push(id);
        }
      } catch (e) {
        for (const id of added) seen.delete(id);
        throw e;
      }
      return added.length;
    },
    has: (eventId) => seen.has(eventId),
  };
}
