// The playground's list of orders for pickers: every order the store holds (not just the newest
// hundred), newest first, found by part of its id or its customer, one page at a time, each with
// what makes it recognisable to a student (customer, when it was created), not only a hex id.
import type { RecordedEvent } from '../store';

export interface OrderListEntry {
  orderId: string;
  customerId: string;
  createdAt: string;
}

export interface OrderListPage {
  total: number;
  orders: OrderListEntry[];
}

/** `created`: the store's OrderCreated events in log order; `streamPrefix`: the order streams' prefix. */
export function listOrders(
  created: RecordedEvent[],
  streamPrefix: string,
  options: { query: string; offset: number; limit: number },
): OrderListPage {
  const needle = options.query.trim().toLowerCase();
  const matches: OrderListEntry[] = [];
  for (let i = created.length - 1; i >= 0; i--) {
    const e = created[i]!;
    if (!e.streamId.startsWith(streamPrefix)) continue;
    const data = e.data as { customerId?: unknown } | null;
    const entry = { orderId: e.streamId.slice(streamPrefix.length), customerId: typeof data?.customerId === 'string' ? data.customerId : '', createdAt: e.recordedAt };
    if (needle && !entry.orderId.toLowerCase().includes(needle) && !entry.customerId.toLowerCase().includes(needle)) continue;
    matches.push(entry);
  }
  return { total: matches.length, orders: matches.slice(options.offset, options.offset + options.limit) };
}

/** Read-model rows whose order id or customer contains the query (case-insensitive); all rows for "". */
export function matchesOrderQuery(query: string, row: { orderId: string; customerId: string }): boolean {
  const needle = query.trim().toLowerCase();
  return !needle || row.orderId.toLowerCase().includes(needle) || row.customerId.toLowerCase().includes(needle);
}
