// Snapshots are a versioned cache of an aggregate's state: written every N events, discarded when
// the state's shape (snapshot version) changes, never upcast, and never needed for correctness.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, openEventStore, type AggregateStreamOptions, type EventStore } from '../../../electron/engine/store';
import { implementations } from './implementations';

type Counter = { count: number; sum: number };
const counter = (snapshot?: AggregateStreamOptions<Counter>['snapshot']): AggregateStreamOptions<Counter> => ({
  initialState: () => ({ count: 0, sum: 0 }),
  evolve: (s, e) => ({ count: s.count + 1, sum: s.sum + (e.data as { n: number }).n }),
  snapshot,
});
const addN = (store: EventStore, stream: string, from: number, to: number) =>
  store.appendToStream(
    stream,
    Array.from({ length: to - from + 1 }, (_, i) => ({ type: 'Added', data: { n: from + i } })),
  );

describe.each(implementations)('aggregateStream and snapshots ($name)', ({ open }) => {
  let store: EventStore;
  beforeEach(() => {
    store = open();
  });
  afterEach(() => store.close());

  it('folds every event from the initial state when no snapshot is asked for', () => {
    addN(store, 's', 1, 10);
    expect(store.aggregateStream('s', counter())).toEqual({ state: { count: 10, sum: 55 }, currentVersion: 10, streamExists: true, snapshotVersion: 0, eventsFolded: 10 });
    expect(store.readSnapshot('s')).toBeUndefined();
  });

  it('a missing stream gives the initial state', () => {
    expect(store.aggregateStream('none', counter({ version: 1, every: 1 }))).toMatchObject({ state: { count: 0, sum: 0 }, currentVersion: 0, streamExists: false });
    expect(store.readSnapshot('none')).toBeUndefined();
  });

  it('writes a snapshot once `every` events were folded and starts from it next time', () => {
    addN(store, 's', 1, 9);
    store.aggregateStream('s', counter({ version: 1, every: 10 }));
    expect(store.readSnapshot('s')).toBeUndefined();
    addN(store, 's', 10, 25);
    const first = store.aggregateStream('s', counter({ version: 1, every: 10 }));
    expect(first.eventsFolded).toBe(25);
    expect(store.readSnapshot('s')).toMatchObject({ snapshotVersion: 1, streamVersion: 25, state: { count: 25, sum: 325 } });
    addN(store, 's', 26, 28);
    const second = store.aggregateStream('s', counter({ version: 1, every: 10 }));
    expect(second).toEqual({ state: { count: 28, sum: 406 }, currentVersion: 28, streamExists: true, snapshotVersion: 25, eventsFolded: 3 });
  });

  it('discards a snapshot whose version differs and rebuilds from the events', () => {
    addN(store, 's', 1, 20);
    store.aggregateStream('s', counter({ version: 1, every: 5 }));
    // A new shape of state: the old snapshot is useless and must not be upcast.
    const v2 = store.aggregateStream('s', counter({ version: 2, every: 100 }));
    expect(v2).toMatchObject({ state: { count: 20, sum: 210 }, snapshotVersion: 0, eventsFolded: 20 });
    expect(store.readSnapshot('s')).toBeUndefined();
    store.aggregateStream('s', counter({ version: 2, every: 5 }));
    expect(store.readSnapshot('s')).toMatchObject({ snapshotVersion: 2, streamVersion: 20 });
  });

  it('never upcasts a snapshot: its state comes back exactly as stored', () => {
    addN(store, 's', 1, 5);
    store.aggregateStream('s', counter({ version: 1, every: 5 }));
    let upcasts = 0;
    store.registerUpcaster('Added', 1, (d) => {
      upcasts++;
      return d;
    });
    const r = store.aggregateStream('s', counter({ version: 1, every: 5 }));
    expect(r).toMatchObject({ state: { count: 5, sum: 15 }, eventsFolded: 0 });
    expect(upcasts).toBe(0);
  });

  it('keeps one snapshot per name, so two aggregates can read one stream', () => {
    addN(store, 's', 1, 4);
    store.aggregateStream('s', counter({ version: 1, every: 2, name: 'counter' }));
    store.aggregateStream('s', {
      initialState: () => ({ last: 0 }),
      evolve: (_s, e) => ({ last: (e.data as { n: number }).n }),
      snapshot: { version: 7, every: 2, name: 'last' },
    });
    expect(store.readSnapshot('s', 'counter')?.state).toEqual({ count: 4, sum: 10 });
    expect(store.readSnapshot('s', 'last')?.state).toEqual({ last: 4 });
  });

  it('time travel: toVersion gives the state at that version, ignores newer snapshots, writes none', () => {
    addN(store, 's', 1, 30);
    store.aggregateStream('s', counter({ version: 1, every: 10 }));
    const past = store.aggregateStream('s', { ...counter({ version: 1, every: 1 }), toVersion: 4 });
    expect(past).toMatchObject({ state: { count: 4, sum: 10 }, currentVersion: 30, snapshotVersion: 0 });
    expect(store.readSnapshot('s')?.streamVersion).toBe(30);
  });

  it('serialize/deserialize let a state that is not plain JSON be snapshotted', () => {
    store.appendToStream('s', [{ type: 'Tag', data: 'a' }, { type: 'Tag', data: 'b' }, { type: 'Tag', data: 'a' }]);
    const options: AggregateStreamOptions<Set<string>> = {
      initialState: () => new Set(),
      evolve: (s, e) => new Set([...s, e.data as string]),
      snapshot: { version: 1, every: 1, serialize: (s) => [...s], deserialize: (d) => new Set(d as string[]) },
    };
    store.aggregateStream('s', options);
    expect(store.readSnapshot('s')?.state).toEqual(['a', 'b']);
    const again = store.aggregateStream('s', options);
    expect(again.state).toEqual(new Set(['a', 'b']));
    expect(again.eventsFolded).toBe(0);
  });

  it('a snapshot state that JSON cannot hold is a clear error', () => {
    store.appendToStream('s', [{ type: 'Tag', data: 'a' }]);
    expect(() =>
      store.aggregateStream('s', { initialState: () => new Set<string>(), evolve: (s) => s, snapshot: { version: 1, every: 1 } }),
    ).toThrow(/Snapshot of "s" cannot be stored as JSON: .* is a Set/);
  });

  it('the state handed back is not shared with the snapshot', () => {
    addN(store, 's', 1, 2);
    store.aggregateStream('s', counter({ version: 1, every: 1 }));
    const a = store.aggregateStream('s', counter({ version: 1, every: 1 }));
    a.state.count = 999;
    expect(store.aggregateStream('s', counter({ version: 1, every: 1 })).state.count).toBe(2);
  });

  it('refuses bad options', () => {
    expect(() => store.aggregateStream('s', {} as AggregateStreamOptions<unknown>)).toThrow(InvalidInputError);
    expect(() => store.aggregateStream('s', counter({ version: 1, every: 0 }))).toThrow(InvalidInputError);
    expect(() => store.aggregateStream('', counter())).toThrow(InvalidInputError);
  });
});

describe('snapshots persist in the file (sqlite)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-snap-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a reopened store starts from the stored snapshot', () => {
    const file = path.join(dir, 'events.sqlite');
    let store = openEventStore({ path: file });
    addN(store, 's', 1, 50);
    store.aggregateStream('s', counter({ version: 1, every: 10 }));
    store.close();
    store = openEventStore({ path: file });
    expect(store.aggregateStream('s', counter({ version: 1, every: 10 }))).toMatchObject({ state: { count: 50, sum: 1275 }, snapshotVersion: 50, eventsFolded: 0 });
    store.close();
  });
});
