// Upcasters lift old event payloads on read, step by step; stored rows are never rewritten.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, openEventStore, type EventStore } from '../../../electron/engine/store';
import { implementations } from './implementations';

describe.each(implementations)('upcasters ($name)', ({ open }) => {
  let store: EventStore;
  beforeEach(() => {
    store = open();
    store.appendToStream('order-1', [
      { type: 'OrderPlaced', data: { total: 12 }, schemaVersion: 1 },
      { type: 'OrderPlaced', data: { amount: { value: 7, currency: 'EUR' } }, schemaVersion: 2 },
      { type: 'OrderPlaced', data: { amount: { value: 5, currency: 'USD' }, channel: 'web' }, schemaVersion: 3 },
      { type: 'OrderPaid', data: { total: 12 }, schemaVersion: 1 },
    ]);
    // v1 {total} → v2 {amount:{value,currency}} → v3 adds channel
    store.registerUpcaster('OrderPlaced', 1, (data) => ({ amount: { value: (data as { total: number }).total, currency: 'EUR' } }));
    store.registerUpcaster('OrderPlaced', 2, (data) => ({ ...(data as object), channel: 'unknown' }));
  });
  afterEach(() => store.close());

  it('runs the chain v1 → v2 → v3 on readStream and readAll', () => {
    const expected = [
      { schemaVersion: 3, data: { amount: { value: 12, currency: 'EUR' }, channel: 'unknown' } },
      { schemaVersion: 3, data: { amount: { value: 7, currency: 'EUR' }, channel: 'unknown' } },
      { schemaVersion: 3, data: { amount: { value: 5, currency: 'USD' }, channel: 'web' } },
    ];
    expect(store.readStream('order-1', { toVersion: 3 }).events.map(({ schemaVersion, data }) => ({ schemaVersion, data }))).toEqual(expected);
    expect(store.readAll({ types: ['OrderPlaced'] }).map(({ schemaVersion, data }) => ({ schemaVersion, data }))).toEqual(expected);
  });

  it('leaves other types alone', () => {
    expect(store.readStream('order-1', { fromVersion: 4 }).events[0]).toMatchObject({ type: 'OrderPaid', schemaVersion: 1, data: { total: 12 } });
  });

  it('upcasts events folded by aggregateStream', () => {
    const { state } = store.aggregateStream('order-1', {
      initialState: () => [] as number[],
      evolve: (s, e) => (e.type === 'OrderPlaced' ? [...s, (e.data as { amount: { value: number } }).amount.value] : s),
    });
    expect(state).toEqual([12, 7, 5]);
  });

  it('gives each step the event as it is at that step', () => {
    const seen: number[] = [];
    store.registerUpcaster('OrderPaid', 1, (data, event) => {
      seen.push(event.schemaVersion);
      return data;
    });
    store.readStream('order-1');
    expect(seen).toEqual([1]);
  });

  it('refuses a second upcaster for the same type and version, and bad registrations', () => {
    expect(() => store.registerUpcaster('OrderPlaced', 1, (d) => d)).toThrow(/already registered/);
    expect(() => store.registerUpcaster('OrderPlaced', 0, (d) => d)).toThrow(InvalidInputError);
    expect(() => store.registerUpcaster('', 1, (d) => d)).toThrow(InvalidInputError);
    // @ts-expect-error not a function
    expect(() => store.registerUpcaster('X', 1, 'nope')).toThrow(InvalidInputError);
  });

  it('names the event when an upcaster throws', () => {
    store.registerUpcaster('OrderPaid', 1, () => {
      throw new Error('bad total');
    });
    expect(() => store.readStream('order-1')).toThrow(/Upcasting OrderPaid v1 → v2 failed .*stream "order-1", version 4.*bad total/);
  });
});

describe('upcasters never rewrite stored rows (sqlite)', () => {
  it('the stored row keeps its original data and schema version', () => {
    const store = openEventStore({ path: ':memory:' });
    store.appendToStream('s', [{ type: 'T', data: { old: true } }]);
    store.registerUpcaster('T', 1, () => ({ new: true }));
    expect(store.readStream('s').events[0]).toMatchObject({ schemaVersion: 2, data: { new: true } });
    const row = store.database.prepare('SELECT data, schema_version FROM events').get();
    expect(row).toEqual({ data: '{"old":true}', schema_version: 1 });
    store.close();
  });
});
