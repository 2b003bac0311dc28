// Projections (exactly once, checkpoint in the same transaction as the rows) and live subscriptions
// (at least once, woken after every commit, checkpoint only past handled events).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEventStore, type EventStore, type RecordedEvent, type SqliteEventStore } from '../../../electron/engine/store';
import { implementations } from './implementations';

const add = (store: EventStore, stream: string, ...types: string[]) => store.appendToStream(stream, types.map((type) => ({ type, data: { type } })));

describe.each(implementations)('projections and subscriptions ($name)', ({ open }) => {
  let store: EventStore;
  beforeEach(() => {
    store = open();
  });
  afterEach(() => store.close());

  describe('runProjection', () => {
    it('catches up in batches and stores its checkpoint; a second run has nothing to do', () => {
      add(store, 'a', 'X', 'Y', 'Z');
      add(store, 'b', 'X');
      const seen: number[] = [];
      const projection = { name: 'p', batchSize: 2, apply: (e: RecordedEvent) => void seen.push(e.globalPosition) };
      expect(store.runProjection(projection)).toEqual({ processed: 4, position: 4 });
      expect(store.getCheckpoint('p')).toBe(4);
      expect(store.runProjection(projection)).toEqual({ processed: 0, position: 4 });
      add(store, 'a', 'W');
      expect(store.runProjection(projection)).toEqual({ processed: 1, position: 5 });
      expect(seen).toEqual([1, 2, 3, 4, 5]);
    });

    it('with a type filter, only those types arrive but the checkpoint moves past the rest', () => {
      add(store, 'a', 'X', 'Y', 'X', 'Y', 'Y');
      const seen: string[] = [];
      const r = store.runProjection({ name: 'xs', types: ['X'], batchSize: 1, apply: (e) => void seen.push(e.type) });
      expect(seen).toEqual(['X', 'X']);
      expect(r.position).toBe(5);
      expect(store.getCheckpoint('xs')).toBe(5);
    });

    it('a throwing handler: the events before it are committed with their checkpoint, nothing after', () => {
      add(store, 'a', 'ok', 'ok', 'bad', 'ok');
      const handled: number[] = [];
      const projection = {
        name: 'p',
        apply: (e: RecordedEvent) => {
          if (e.type === 'bad') throw new Error('cannot handle');
          handled.push(e.globalPosition);
        },
      };
      expect(() => store.runProjection(projection)).toThrow(/Projection "p" failed on bad at global position 3: cannot handle/);
      expect(store.getCheckpoint('p')).toBe(2);
      expect(handled).toEqual([1, 2]);
    });

    it('an append made by a failing handler is rolled back with it', () => {
      add(store, 'a', 'X', 'X');
      expect(() =>
        store.runProjection({
          name: 'p',
          apply: (e) => {
            store.appendToStream('derived', [{ type: 'D', data: e.globalPosition }]);
            if (e.globalPosition === 2) throw new Error('no');
          },
        }),
      ).toThrow();
      expect(store.readStream('derived').events.map((e) => e.data)).toEqual([1]);
      expect(store.getCheckpoint('p')).toBe(1);
    });

    it('setCheckpoint rewinds a projection so it can be rebuilt', () => {
      add(store, 'a', 'X', 'X');
      let count = 0;
      const projection = { name: 'p', apply: () => void count++ };
      store.runProjection(projection);
      store.setCheckpoint('p', 0);
      store.runProjection(projection);
      expect(count).toBe(4);
    });
  });

  describe('live subscriptions', () => {
    it('catches up from the checkpoint, then follows appends as they commit', async () => {
      add(store, 'a', 'X', 'Y');
      const seen: string[] = [];
      const sub = store.subscribe({ name: 'live', handle: (e) => void seen.push(`${e.type}@${e.globalPosition}`) });
      await sub.caughtUp();
      expect(seen).toEqual(['X@1', 'Y@2']);
      add(store, 'b', 'Z');
      await sub.caughtUp();
      expect(seen).toEqual(['X@1', 'Y@2', 'Z@3']);
      expect(sub.position()).toBe(3);
      expect(store.getCheckpoint('live')).toBe(3);
      await sub.stop();
      expect(sub.status()).toBe('stopped');
    });

    it('is woken right after a commit, without polling', async () => {
      const sub = store.subscribe({ name: 'wake', handle: () => undefined });
      await sub.caughtUp();
      let resolveWoke: (e: RecordedEvent) => void = () => undefined;
      const woke = new Promise<RecordedEvent>((resolve) => (resolveWoke = resolve));
      const sub2 = store.subscribe({ name: 'wake2', handle: (e) => resolveWoke(e) });
      await sub2.caughtUp();
      // Polling is off (no pollIntervalMs): the event can only arrive because the commit woke the
      // subscription. Without the wake-up this await never resolves and the test times out.
      add(store, 'a', 'Ping');
      const event = await woke;
      expect(event.type).toBe('Ping');
      await sub.stop();
      await sub2.stop();
    });

    it('awaits async handlers one event at a time, in order', async () => {
      add(store, 'a', 'A', 'B', 'C');
      const seen: string[] = [];
      let active = 0;
      const sub = store.subscribe({
        name: 'async',
        handle: async (e) => {
          active++;
          expect(active).toBe(1);
          await new Promise((r) => setTimeout(r, 2));
          seen.push(e.type);
          active--;
        },
      });
      await sub.caughtUp();
      expect(seen).toEqual(['A', 'B', 'C']);
      await sub.stop();
    });

    it('a failing handler stops the subscription with the checkpoint at the last handled event; a new one resumes there', async () => {
      add(store, 'a', 'ok', 'ok', 'boom', 'ok');
      const errors: string[] = [];
      let fail = true;
      const handled: number[] = [];
      const options = {
        name: 'flaky',
        handle: (e: RecordedEvent) => {
          if (e.type === 'boom' && fail) throw new Error('flaky');
          handled.push(e.globalPosition);
        },
        onError: (err: unknown, e: RecordedEvent) => void errors.push(`${(err as Error).message}@${e.globalPosition}`),
      };
      const sub = store.subscribe(options);
      await expect(sub.caughtUp()).rejects.toThrow('flaky');
      expect(sub.status()).toBe('failed');
      expect(errors).toEqual(['flaky@3']);
      expect(store.getCheckpoint('flaky')).toBe(2);
      fail = false;
      const again = store.subscribe(options);
      await again.caughtUp();
      expect(handled).toEqual([1, 2, 3, 4]);
      await again.stop();
    });

    it('only the listed types reach the handler; the position still reaches the head', async () => {
      add(store, 'a', 'X', 'Y', 'X', 'Y');
      const seen: number[] = [];
      const sub = store.subscribe({ name: 'typed', types: ['Y'], handle: (e) => void seen.push(e.globalPosition) });
      await sub.caughtUp();
      expect(seen).toEqual([2, 4]);
      add(store, 'a', 'X');
      await sub.caughtUp();
      expect(sub.position()).toBe(5);
      await sub.stop();
    });

    it('a live projection keeps up after each commit', async () => {
      const totals = new Map<string, number>();
      const sub = store.subscribeProjection({ name: 'counts', apply: (e) => void totals.set(e.streamId, (totals.get(e.streamId) ?? 0) + 1) });
      add(store, 'a', 'X', 'X');
      add(store, 'b', 'X');
      await sub.caughtUp();
      expect(Object.fromEntries(totals)).toEqual({ a: 2, b: 1 });
      expect(sub.position()).toBe(3);
      await sub.stop();
    });

    it('close stops live subscriptions', async () => {
      const sub = store.subscribe({ name: 'x', handle: () => undefined });
      await sub.caughtUp();
      store.close();
      expect(sub.status()).toBe('stopped');
      store = open();
    });
  });
});

describe('exactly-once projection rows in the store database (sqlite)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-proj-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function orderCounts(store: SqliteEventStore) {
    store.database.exec('CREATE TABLE IF NOT EXISTS order_counts (stream_id TEXT PRIMARY KEY, n INTEGER NOT NULL)');
    const bump = store.database.prepare('INSERT INTO order_counts (stream_id, n) VALUES (?, 1) ON CONFLICT (stream_id) DO UPDATE SET n = n + 1');
    return {
      name: 'order-counts',
      apply: (e: RecordedEvent) => {
        if ((e.data as { fail?: boolean }).fail) throw new Error('refused');
        bump.run(e.streamId);
      },
    };
  }

  it('rows and checkpoint commit together: a failure keeps neither half of the failing event, and a rerun counts each event once', () => {
    const file = path.join(dir, 'events.sqlite');
    let store = openEventStore({ path: file });
    store.appendToStream('a', [{ type: 'X', data: {} }, { type: 'X', data: {} }]);
    store.appendToStream('b', [{ type: 'X', data: { fail: true } }]);
    expect(() => store.runProjection(orderCounts(store))).toThrow('refused');
    const counts = () => store.database.prepare('SELECT stream_id, n FROM order_counts ORDER BY stream_id').all();
    expect(counts()).toEqual([{ stream_id: 'a', n: 2 }]);
    expect(store.getCheckpoint('order-counts')).toBe(2);
    store.close();

    // Reopen (a restart): the projection resumes at its checkpoint, never double-counting.
    store = openEventStore({ path: file });
    store.appendToStream('b', [{ type: 'X', data: {} }]);
    // The poison event is now skipped by the (fixed) handler.
    const fixed = orderCounts(store);
    store.runProjection({ ...fixed, apply: (e) => ((e.data as { fail?: boolean }).fail ? undefined : fixed.apply(e)) });
    expect(counts()).toEqual([
      { stream_id: 'a', n: 2 },
      { stream_id: 'b', n: 1 },
    ]);
    expect(store.getCheckpoint('order-counts')).toBe(4);
    store.close();
  });
});

describe.each(implementations)('synchronous work only inside transactions ($name)', ({ open }) => {
  it('refuses async transaction functions and async projection handlers before running them', () => {
    const store = open();
    store.appendToStream('a', [{ type: 'X', data: {} }]);
    expect(() => store.transaction(async () => undefined)).toThrow(/synchronous/);
    expect(() => store.runProjection({ name: 'p', apply: async () => undefined })).toThrow(/must be synchronous/);
    expect(() => store.runProjection({ name: 'p', apply: () => Promise.resolve() as unknown as void })).toThrow(/must be synchronous/);
    expect(store.getCheckpoint('p')).toBe(0);
    store.close();
  });
});

describe.each(implementations)('append notices ($name)', ({ open }) => {
  it('a throwing listener does not make a committed append look failed; unsubscribing stops notices', () => {
    const store = open();
    const heard: string[] = [];
    const errors = console.error;
    console.error = () => undefined; // the store reports the listener's failure; keep the test output clean
    try {
      store.onAppended(() => {
        throw new Error('listener bug');
      });
      const off = store.onAppended((n) => heard.push(`${n.streamId}:${n.firstGlobalPosition}-${n.lastGlobalPosition}:${n.count}`));
      expect(store.appendToStream('a', [{ type: 'X', data: {} }, { type: 'Y', data: {} }]).lastGlobalPosition).toBe(2);
      off();
      store.appendToStream('a', [{ type: 'Z', data: {} }]);
    } finally {
      console.error = errors;
    }
    expect(heard).toEqual(['a:1-2:2']);
    expect(store.headPosition()).toBe(3);
    store.close();
  });
});

describe('appends by another connection (sqlite)', () => {
  it('a subscription with pollIntervalMs picks up events another process (here: connection) appended', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-poll-'));
    const file = path.join(dir, 'events.sqlite');
    const reader = openEventStore({ path: file });
    const writer = openEventStore({ path: file });
    try {
      const seen: string[] = [];
      let resolveSeen: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (resolveSeen = resolve));
      const sub = reader.subscribe({ name: 'poll', pollIntervalMs: 10, handle: (e) => void (seen.push(e.type), resolveSeen()) });
      await sub.caughtUp();
      writer.appendToStream('a', [{ type: 'FromElsewhere', data: {} }]);
      await arrived;
      expect(seen).toEqual(['FromElsewhere']);
      await sub.stop();
    } finally {
      reader.close();
      writer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
