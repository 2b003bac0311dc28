// The slice of the event store the read side may use: the log of all events, read forward from
// a global position. Written out here so the workspace needs no engine types.
import { ORDER_EVENT_TYPES, type OrderEvent } from './events';

/** One event as the store hands it back. */
export interface StoredEvent {
  /** Position in the log of all streams: 1, 2, 3, ... never reused. */
  globalPosition: number;
  streamId: string;
  /** Position inside its own stream: 1 for the stream's first event. */
  streamVersion: number;
  type: string;
  data: unknown;
}

export interface EventLog {
  /** Events with a global position greater than `after`, oldest first, at most `maxCount` of them. */
  readAll(options: { after: number; maxCount: number }): StoredEvent[];
}

/** How many events `catchUp` asks the log for at a time. */
export const BATCH_SIZE = 100;

export function orderStreamId(orderId: string): string {
  return `order-${orderId}`;
}

/** How an order event is stored: its type, and the event itself as data. */
export function toStored(event: OrderEvent): { type: string; data: unknown } {
  return { type: event.type, data: { ...event } };
}

/**
 * The order event inside a stored event, or null when the log entry is something else
 * (other streams share the log: payments, stock, ...). The copy is yours to keep.
 */
export function orderEventOf(stored: StoredEvent): OrderEvent | null {
  if (!stored.streamId.startsWith('order-')) return null;
  if (!(ORDER_EVENT_TYPES as readonly string[]).includes(stored.type)) return null;
  return JSON.parse(JSON.stringify(stored.data)) as OrderEvent;
}
