// The slice of the event store each side may use, written out here so the workspace needs no
// engine types. The write side appends to and reads one product's stream; the read side only
// reads the log of all events, from a checkpoint on.
import { CATEGORY_EVENT_TYPES, PRODUCT_EVENT_TYPES, type CatalogEvent, type ProductEvent } from './events';

/** An event as the store hands it back. */
export interface StoredEvent {
  /** Position in the log of all events: 1, 2, 3, ... across every stream. */
  globalPosition: number;
  streamId: string;
  /** Position in its own stream: 1 for the stream's first event. */
  streamVersion: number;
  type: string;
  data: unknown;
}

/** A number is the exact version the stream must be at (0 or 'no_stream': it must not exist yet). */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

/** What the write side gets: the event store. */
export interface CatalogEventStore {
  /** Throws an error with code 'CONCURRENCY' (and writes nothing) when expectedVersion does not match. */
  appendToStream(
    streamId: string,
    events: Array<{ type: string; data: unknown }>,
    options?: { expectedVersion?: ExpectedVersion },
  ): { nextExpectedVersion: number };
  readStream(streamId: string): { events: StoredEvent[]; currentVersion: number; streamExists: boolean };
  readAll(options?: { after?: number; maxCount?: number }): StoredEvent[];
}

/** What the read side gets: reading the log of all events after a global position. */
export type EventLog = Pick<CatalogEventStore, 'readAll'>;

export function productStreamId(productId: string): string {
  return `product-${productId}`;
}

export function categoryStreamId(categoryId: string): string {
  return `category-${categoryId}`;
}

/** How a product event is stored: its type, and the event itself as data. */
export function toStored(event: ProductEvent): { type: string; data: unknown } {
  return { type: event.type, data: event };
}

/** The product event inside a stored event, or null for any other kind of event in the log. */
export function productEventOf(stored: StoredEvent): ProductEvent | null {
  if (!(PRODUCT_EVENT_TYPES as readonly string[]).includes(stored.type)) return null;
  return { ...(stored.data as ProductEvent) };
}

/** The product or category event inside a stored event, or null for any other kind of event in the log. */
export function catalogEventOf(stored: StoredEvent): CatalogEvent | null {
  if ((CATEGORY_EVENT_TYPES as readonly string[]).includes(stored.type)) return { ...(stored.data as CatalogEvent) };
  return productEventOf(stored);
}
