// What arrives from the broker. The relay publishes every stored order event to the topic
// `order-events`, keyed by its stream, so one order's events stay in order on one partition.
// Delivery is at least once: the same event may arrive again (after a crash, a rebalance, or a
// producer retry that wrote it twice at another offset), and only its event id stays the same.
import { ORDER_EVENT_TYPES, type OrderEvent } from './events';

export const ORDER_TOPIC = 'order-events';

/** The header that carries the event's id. */
export const EVENT_ID_HEADER = 'event-id';

/** One record as `poll` returns it (the engine broker's ConsumerRecord). */
export interface OrderRecord {
  topic: string;
  partition: number;
  /** Position in the partition. A re-sent event gets a new offset, so offsets are no ids. */
  offset: number;
  key: string | null;
  value: unknown;
  timestamp: number;
  headers: Record<string, string>;
}

/** What the relay puts in a record's value. */
export interface OrderRecordValue {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
}

/** The slice of a broker consumer that a handler needs (the engine's Consumer has these and more). */
export interface GroupConsumer {
  /** The next records of this member's partitions. After a rebalance, from the committed offsets. */
  poll(options?: { maxRecords?: number }): OrderRecord[];
  /**
   * Commits the positions reached by `poll`. Throws an error with code 'COMMIT_FAILED' when the
   * group rebalanced since this member's last poll: the records are someone else's now.
   */
  commit(): void;
}

/** True for the error `commit` throws when the group rebalanced in the meantime. */
export function isCommitFailed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'COMMIT_FAILED';
}

/** The order event a record carries, or null when its value is something else. */
export function orderEventOf(record: OrderRecord): OrderEvent | null {
  const value = record.value as Partial<OrderRecordValue> | null;
  if (!value || typeof value !== 'object' || typeof value.type !== 'string') return null;
  if (!(ORDER_EVENT_TYPES as readonly string[]).includes(value.type)) return null;
  return { ...(value.data as OrderEvent), type: value.type } as OrderEvent;
}
