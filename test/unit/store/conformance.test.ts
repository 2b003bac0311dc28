// The conformance suite: the SQLite store and the in-memory store must behave identically.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConcurrencyError,
  EventIdConflictError,
  StoreClosedError,
  type EventStore,
  type NewEvent,
} from '../../../electron/engine/store';
import { implementations } from './implementations';

const ev = (type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent => ({ type, data, ...extra });

describe.each(implementations)('event store conformance ($name)', ({ open }) => {
  let store: EventStore;
  beforeEach(() => {
    store = open();
  });
  afterEach(() => store.close());

  describe('append', () => {
    it('numbers a new stream from version 1 and reports it was created', () => {
      const result = store.appendToStream('order-1', [ev('Created'), ev('Paid')]);
      expect(result).toEqual({ nextExpectedVersion: 2, firstGlobalPosition: 1, lastGlobalPosition: 2, createdNewStream: true });
      const read = store.readStream('order-1');
      expect(read.currentVersion).toBe(2);
      expect(read.streamExists).toBe(true);
      expect(read.events.map((e) => [e.streamVersion, e.globalPosition, e.type])).toEqual([
        [1, 1, 'Created'],
        [2, 2, 'Paid'],
      ]);
    });

    it('continues an existing stream and interleaves global positions across streams', () => {
      store.appendToStream('a', [ev('A1')]);
      store.appendToStream('b', [ev('B1')]);
      const result = store.appendToStream('a', [ev('A2')], { expectedVersion: 1 });
      expect(result).toEqual({ nextExpectedVersion: 2, firstGlobalPosition: 3, lastGlobalPosition: 3, createdNewStream: false });
      expect(store.readAll().map((e) => `${e.streamId}@${e.streamVersion}#${e.globalPosition}`)).toEqual(['a@1#1', 'b@1#2', 'a@2#3']);
    });

    it('fills defaults: generated unique event ids, schema version 1, empty metadata, an ISO timestamp', () => {
      store.appendToStream('s', [ev('X', { n: 1 }), ev('Y', null)]);
      const [x, y] = store.readStream('s').events;
      expect(x.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(x.eventId).not.toBe(y.eventId);
      expect(x.schemaVersion).toBe(1);
      expect(x.metadata).toEqual({});
      expect(new Date(x.recordedAt).toISOString()).toBe(x.recordedAt);
      expect(x.data).toEqual({ n: 1 });
      expect(y.data).toBeNull();
    });

    it('keeps data, metadata, event id and schema version exactly as given', () => {
      const data = { items: [{ sku: 'A', qty: 2, price: 9.5 }], note: 'ünïcødé ✓', flag: false, nothing: null };
      store.appendToStream('s', [ev('X', data, { metadata: { correlationId: 'c-1', causationId: 'k' }, eventId: 'my-id', schemaVersion: 3 })]);
      const [e] = store.readStream('s').events;
      expect(e).toMatchObject({ eventId: 'my-id', schemaVersion: 3, data, metadata: { correlationId: 'c-1', causationId: 'k' } });
    });

    it('stores a copy: changing the appended object or a read event later changes nothing stored', () => {
      const data = { items: ['a'] };
      store.appendToStream('s', [ev('X', data)]);
      data.items.push('b');
      const first = store.readStream('s').events[0];
      (first.data as { items: string[] }).items.push('c');
      first.metadata.x = 1;
      expect(store.readStream('s').events[0].data).toEqual({ items: ['a'] });
      expect(store.readStream('s').events[0].metadata).toEqual({});
    });

    it('accepts any JSON value as data: strings, numbers, arrays, null', () => {
      store.appendToStream('s', [ev('A', 'text'), ev('B', 42), ev('C', [1, [2]]), ev('D', null), ev('E', true)]);
      expect(store.readStream('s').events.map((e) => e.data)).toEqual(['text', 42, [1, [2]], null, true]);
    });
  });

  describe('expected version', () => {
    it('accepts the exact current version and rejects any other with ConcurrencyError', () => {
      store.appendToStream('s', [ev('A'), ev('B')]);
      expect(store.appendToStream('s', [ev('C')], { expectedVersion: 2 }).nextExpectedVersion).toBe(3);
      const err = catchError(() => store.appendToStream('s', [ev('D')], { expectedVersion: 2 }));
      expect(err).toBeInstanceOf(ConcurrencyError);
      expect(err).toMatchObject({ code: 'CONCURRENCY', streamId: 's', expected: 2, actual: 3 });
      expect(catchError(() => store.appendToStream('s', [ev('D')], { expectedVersion: 7 }))).toBeInstanceOf(ConcurrencyError);
    });

    it('treats 0 exactly like no_stream', () => {
      expect(store.appendToStream('s', [ev('A')], { expectedVersion: 0 }).createdNewStream).toBe(true);
      expect(catchError(() => store.appendToStream('s', [ev('B')], { expectedVersion: 0 }))).toMatchObject({ code: 'CONCURRENCY', actual: 1 });
      expect(catchError(() => store.appendToStream('s', [ev('B')], { expectedVersion: 'no_stream' }))).toMatchObject({ code: 'CONCURRENCY', actual: 1 });
    });

    it('stream_exists accepts any existing stream and rejects a missing one', () => {
      expect(catchError(() => store.appendToStream('s', [ev('A')], { expectedVersion: 'stream_exists' }))).toMatchObject({
        code: 'CONCURRENCY',
        expected: 'stream_exists',
        actual: 0,
      });
      store.appendToStream('s', [ev('A')]);
      expect(store.appendToStream('s', [ev('B')], { expectedVersion: 'stream_exists' }).nextExpectedVersion).toBe(2);
    });

    it('any appends whatever the version', () => {
      store.appendToStream('s', [ev('A')], { expectedVersion: 'any' });
      store.appendToStream('s', [ev('B')], { expectedVersion: 'any' });
      expect(store.readStream('s').currentVersion).toBe(2);
    });

    it('a rejected append writes nothing at all and does not use up positions', () => {
      store.appendToStream('s', [ev('A')]);
      catchError(() => store.appendToStream('s', [ev('B'), ev('C')], { expectedVersion: 5 }));
      expect(store.headPosition()).toBe(1);
      expect(store.readAll()).toHaveLength(1);
      expect(store.appendToStream('t', [ev('D')]).firstGlobalPosition).toBe(2);
    });
  });

  describe('idempotent retries', () => {
    it('re-appending the same ids at the same positions returns the original result and writes nothing', () => {
      store.appendToStream('s', [ev('A')]);
      const events = [ev('B', {}, { eventId: 'b' }), ev('C', {}, { eventId: 'c' })];
      const first = store.appendToStream('s', events, { expectedVersion: 1 });
      const again = store.appendToStream('s', events, { expectedVersion: 1 });
      expect(again).toEqual(first);
      expect(store.appendToStream('s', events, { expectedVersion: 'any' })).toEqual(first);
      expect(store.appendToStream('s', events, { expectedVersion: 'stream_exists' })).toEqual(first);
      expect(store.headPosition()).toBe(3);
    });

    it('a retry of the first append with no_stream is idempotent too', () => {
      const events = [ev('A', {}, { eventId: 'a' })];
      const first = store.appendToStream('s', events, { expectedVersion: 'no_stream' });
      store.appendToStream('s', [ev('B')]);
      expect(store.appendToStream('s', events, { expectedVersion: 'no_stream' })).toEqual(first);
      expect(store.headPosition()).toBe(2);
    });

    it('the same ids in another stream are a conflict and write nothing', () => {
      store.appendToStream('s', [ev('A', {}, { eventId: 'a' })]);
      const err = catchError(() => store.appendToStream('t', [ev('A', {}, { eventId: 'a' })]));
      expect(err).toBeInstanceOf(EventIdConflictError);
      expect(err).toMatchObject({ code: 'EVENT_ID_CONFLICT', eventId: 'a' });
      expect(store.readStream('t').streamExists).toBe(false);
    });

    it('the same ids at other positions, or only some of them stored, are a conflict', () => {
      store.appendToStream('s', [ev('A', {}, { eventId: 'a' }), ev('B', {}, { eventId: 'b' })]);
      expect(catchError(() => store.appendToStream('s', [ev('A', {}, { eventId: 'a' })], { expectedVersion: 1 }))).toBeInstanceOf(EventIdConflictError);
      expect(catchError(() => store.appendToStream('s', [ev('B', {}, { eventId: 'b' }), ev('A', {}, { eventId: 'a' })]))).toBeInstanceOf(EventIdConflictError);
      expect(catchError(() => store.appendToStream('s', [ev('A', {}, { eventId: 'a' }), ev('B', {}, { eventId: 'b' }), ev('C', {}, { eventId: 'c' })], { expectedVersion: 0 }))).toBeInstanceOf(
        EventIdConflictError,
      );
      expect(catchError(() => store.appendToStream('s', [ev('X', {}, { eventId: 'x' }), ev('A', {}, { eventId: 'a' })]))).toBeInstanceOf(EventIdConflictError);
      expect(store.headPosition()).toBe(2);
    });
  });

  describe('readStream', () => {
    beforeEach(() => {
      store.appendToStream('s', Array.from({ length: 10 }, (_, i) => ev(`E${i + 1}`)));
      store.appendToStream('other', [ev('O')]);
    });
    const versions = (r: { events: { streamVersion: number }[] }) => r.events.map((e) => e.streamVersion);

    it('reads forward by default, within an inclusive version range', () => {
      expect(versions(store.readStream('s'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(versions(store.readStream('s', { fromVersion: 4, toVersion: 6 }))).toEqual([4, 5, 6]);
      expect(versions(store.readStream('s', { fromVersion: 9, maxCount: 5 }))).toEqual([9, 10]);
      expect(versions(store.readStream('s', { maxCount: 3 }))).toEqual([1, 2, 3]);
    });

    it('reads backward from the newest, maxCount counting from the newest', () => {
      expect(versions(store.readStream('s', { direction: 'backward', maxCount: 3 }))).toEqual([10, 9, 8]);
      expect(versions(store.readStream('s', { direction: 'backward', fromVersion: 2, toVersion: 4 }))).toEqual([4, 3, 2]);
    });

    it('reports the current version whatever range was asked for', () => {
      const r = store.readStream('s', { fromVersion: 2, toVersion: 3 });
      expect(r.currentVersion).toBe(10);
      expect(store.readStream('s', { fromVersion: 50 })).toEqual({ events: [], currentVersion: 10, streamExists: true });
      expect(store.readStream('s', { maxCount: 0 }).events).toEqual([]);
    });

    it('a missing stream has version 0 and does not exist', () => {
      expect(store.readStream('nope')).toEqual({ events: [], currentVersion: 0, streamExists: false });
    });
  });

  describe('readAll', () => {
    beforeEach(() => {
      for (let i = 0; i < 6; i++) store.appendToStream(`s${i % 2}`, [ev(i % 3 === 0 ? 'Fizz' : 'Plain', { i })]);
    });

    it('returns the global log in position order, after a position, limited by maxCount', () => {
      expect(store.readAll().map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(store.readAll({ after: 2, maxCount: 3 }).map((e) => e.globalPosition)).toEqual([3, 4, 5]);
      expect(store.readAll({ after: 6 })).toEqual([]);
      expect(store.readAll({ after: 1, upTo: 3 }).map((e) => e.globalPosition)).toEqual([2, 3]);
    });

    it('filters by stored type', () => {
      expect(store.readAll({ types: ['Fizz'] }).map((e) => e.globalPosition)).toEqual([1, 4]);
      expect(store.readAll({ types: ['Fizz'], after: 1 }).map((e) => (e.data as { i: number }).i)).toEqual([3]);
      expect(store.readAll({ types: [] })).toEqual([]);
    });

    it('headPosition is the newest position, 0 when empty', () => {
      expect(store.headPosition()).toBe(6);
      const fresh = open();
      expect(fresh.headPosition()).toBe(0);
      fresh.close();
    });
  });

  describe('transactions', () => {
    it('appends inside a transaction that throws are rolled back and never announced', () => {
      const heard: number[] = [];
      store.onAppended((n) => heard.push(n.lastGlobalPosition));
      store.appendToStream('s', [ev('A')]);
      expect(() =>
        store.transaction(() => {
          store.appendToStream('s', [ev('B')]);
          store.appendToStream('t', [ev('C')]);
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(store.readStream('s').currentVersion).toBe(1);
      expect(store.readStream('t').streamExists).toBe(false);
      expect(heard).toEqual([1]);
      store.transaction(() => {
        store.appendToStream('s', [ev('B')]);
        expect(heard).toEqual([1]); // not before the commit
      });
      expect(heard).toHaveLength(2);
    });
  });

  it('refuses to work after close', () => {
    store.close();
    expect(() => store.appendToStream('s', [ev('A')])).toThrow(StoreClosedError);
    expect(() => store.readAll()).toThrow(StoreClosedError);
    store = open(); // for afterEach
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
