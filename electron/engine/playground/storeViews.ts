// Pure views of the playground's event store for the store tab: the global log in windows, an
// order's stream, its state folded at any version (time travel), snapshots, order pickers.
// Reads only, except takeSnapshot, which writes the snapshot it is asked for.
import { evolve, fromRecordedEvent, initialState, orderStreamId, type OrderState } from '../domain/orders';
import type { EventStore, RecordedEvent } from '../store';
import { listOrders, type OrderListPage } from './orderList';

const SNAPSHOT_NAME = 'playground';
const foldOrder = (state: OrderState, e: RecordedEvent): OrderState => evolve(state, fromRecordedEvent(e));

export function globalLog(store: EventStore, options: { offset: number; limit: number }) {
  // The window shows no payloads: lazy events leave them unparsed.
  const events = store.readAll({ after: options.offset, maxCount: options.limit, lazy: true });
  return {
    head: store.headPosition(),
    events: events.map((e) => ({ position: e.globalPosition, streamId: e.streamId, version: e.streamVersion, type: e.type, recordedAt: e.recordedAt })),
  };
}

export function orderStream(store: EventStore, orderId: string) {
  const r = store.readStream(orderStreamId(orderId));
  return {
    orderId,
    currentVersion: r.currentVersion,
    events: r.events.map((e) => ({ version: e.streamVersion, position: e.globalPosition, type: e.type, data: e.data, recordedAt: e.recordedAt, eventId: e.eventId })),
  };
}

/** The write side's view of an order now: folded from its stream (what a command handler sees). */
export function writeState(store: EventStore, orderId: string): OrderState | undefined {
  const r = store.aggregateStream(orderStreamId(orderId), { initialState, evolve: foldOrder });
  return r.streamExists ? r.state : undefined;
}

/** Time travel: the state as of `version` and the event that produced it. */
export function stateAt(store: EventStore, orderId: string, version: number) {
  const streamId = orderStreamId(orderId);
  const r = store.aggregateStream(streamId, { initialState, evolve: foldOrder, toVersion: version });
  const [event] = store.readStream(streamId, { fromVersion: version, toVersion: version }).events;
  return {
    version,
    currentVersion: r.currentVersion,
    state: r.state,
    event: event ? { version: event.streamVersion, type: event.type, data: event.data, recordedAt: event.recordedAt } : null,
  };
}

function snapshotInfo(store: EventStore, streamId: string) {
  const snap = store.readSnapshot(streamId, SNAPSHOT_NAME);
  return snap ? { streamVersion: snap.streamVersion, createdAt: snap.createdAt } : null;
}

/** Writes the order's snapshot at its current version (replacing the last one); null when there is no order. */
export function takeSnapshot(store: EventStore, orderId: string) {
  const streamId = orderStreamId(orderId);
  store.deleteSnapshot(streamId, SNAPSHOT_NAME);
  store.aggregateStream(streamId, { initialState, evolve: foldOrder, snapshot: { version: 1, every: 1, name: SNAPSHOT_NAME } });
  return snapshotInfo(store, streamId);
}

/** Loads the order the way a handler would with snapshots on: from the snapshot, then the newer events. */
export function loadWithSnapshot(store: EventStore, orderId: string) {
  const streamId = orderStreamId(orderId);
  const r = store.aggregateStream(streamId, {
    initialState,
    evolve: foldOrder,
    // `every` is huge so loading never writes a snapshot by itself: taking one is a visible act here.
    snapshot: { version: 1, every: Number.MAX_SAFE_INTEGER, name: SNAPSHOT_NAME },
  });
  return { state: r.state, currentVersion: r.currentVersion, snapshotVersion: r.snapshotVersion, eventsFolded: r.eventsFolded, snapshot: snapshotInfo(store, streamId) };
}

/** Orders in the store, newest first, found by part of the id or the customer, a page at a time. */
export function orderList(store: EventStore, options: { query: string; offset: number; limit: number }): OrderListPage {
  return listOrders(store.readAll({ types: ['OrderCreated'] }), orderStreamId(''), options);
}

/** Every order id in the store, newest first (for pickers). */
export function orderIds(store: EventStore, limit = 200): string[] {
  return recentStreamIds(store, 'OrderCreated', orderStreamId(''), limit);
}

/** Ids of the newest streams that `firstType` started (within the last 5,000 positions), newest first. */
export function recentStreamIds(store: EventStore, firstType: string, prefix: string, limit: number): string[] {
  const out: string[] = [];
  // Only stream ids are read: lazy events leave up to 5,000 payloads unparsed.
  const rows = store.readAll({ after: Math.max(0, store.headPosition() - 5000), types: [firstType], lazy: true });
  for (let i = rows.length - 1; i >= 0 && out.length < limit; i--) {
    const streamId = rows[i]!.streamId;
    if (streamId.startsWith(prefix)) out.push(streamId.slice(prefix.length));
  }
  return out;
}
