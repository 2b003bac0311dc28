// readAll({ lazy: true }): the same events as an eager read, payloads parsed only when first read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, LazyRecordedEvent, type EventStore, type RecordedEvent } from '../../../electron/engine/store';
import { implementations } from './implementations';

const plain = (e: RecordedEvent): RecordedEvent => (e instanceof LazyRecordedEvent ? e.toPlain() : e);

describe.each(implementations)('lazy catch-up reads ($name)', ({ name, open }) => {
  let store: EventStore;
  beforeEach(() => {
    store = open();
    store.appendToStream('order-1', [
      { type: 'Created', data: { items: [{ sku: 'A', qty: 2, price: 9.5 }], note: 'ünïcødé ✓' } },
      { type: 'Paid', data: 42, metadata: { correlationId: 'c-1' } },
    ]);
    store.appendToStream('order-2', [{ type: 'Created', data: null, eventId: 'given-id', schemaVersion: 2 }, { type: 'Noted', data: ['x', [1]] }]);
  });
  afterEach(() => store.close());

  it('returns events equal to an eager read, field by field and as JSON', () => {
    const eager = store.readAll();
    const lazy = store.readAll({ lazy: true });
    expect(lazy.map(plain)).toEqual(eager);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect(lazy.map((e) => [e.globalPosition, e.streamId, e.streamVersion, e.eventId, e.type, e.schemaVersion, e.data, e.metadata, e.recordedAt])).toEqual(
      eager.map((e) => [e.globalPosition, e.streamId, e.streamVersion, e.eventId, e.type, e.schemaVersion, e.data, e.metadata, e.recordedAt]),
    );
    if (name === 'sqlite') expect(lazy.every((e) => e instanceof LazyRecordedEvent)).toBe(true);
  });

  it('honours after, upTo, maxCount and types like an eager read', () => {
    const options = { after: 1, upTo: 4, maxCount: 2, types: ['Created', 'Noted'] };
    expect(store.readAll({ ...options, lazy: true }).map(plain)).toEqual(store.readAll(options));
  });

  it('parses a payload once: later reads see the same object and the reader’s changes, never the store’s copy', () => {
    const [first] = store.readAll({ lazy: true });
    const data = first.data as { items: unknown[] };
    expect(first.data).toBe(data);
    data.items.push('mine');
    first.metadata.seen = true;
    expect(first.data).toEqual({ items: [{ sku: 'A', qty: 2, price: 9.5 }, 'mine'], note: 'ünïcødé ✓' });
    expect(first.metadata).toEqual({ seen: true });
    first.data = 'replaced';
    expect(first.data).toBe('replaced');
    expect(store.readAll({ lazy: true })[0].data).toEqual({ items: [{ sku: 'A', qty: 2, price: 9.5 }], note: 'ünïcødé ✓' });
  });

  it('lifts old schema versions through the registered upcasters', () => {
    store.registerUpcaster('Created', 2, (data) => ({ upcastFrom: data }));
    const lazy = store.readAll({ lazy: true, types: ['Created'] });
    expect(lazy.map(plain)).toEqual(store.readAll({ types: ['Created'] }));
    expect(lazy[1]).toMatchObject({ eventId: 'given-id', schemaVersion: 3 });
    expect(lazy[1].data).toEqual({ upcastFrom: null });
  });

  it('refuses a lazy flag that is not a boolean', () => {
    expect(() => store.readAll({ lazy: 'yes' as unknown as boolean })).toThrow(InvalidInputError);
  });
});
