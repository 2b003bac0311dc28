import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBroker, createMemoryCheckpointStore, createRelay, eventIdOf, type Broker, type ConsumerRecord } from '../../../electron/engine/broker';
import { createRandom } from '../../../electron/engine/broker/random';
import { createSqliteCheckpointStore } from '../../../electron/engine/broker/sqlite';
import { openDatabase } from '../../../electron/engine/sqlite';
import { createMemoryEventStore, openEventStore, type EventStore } from '../../../electron/engine/store';

class Killed extends Error {}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function allRecords(broker: Broker, topic: string): ConsumerRecord[] {
  const t = broker.describe().topics.find((x) => x.name === topic);
  return (t?.partitions ?? []).flatMap((p) => broker.read(topic, p.partition, { maxRecords: 1_000_000 }));
}

/** Every stored event reached the topic, and per stream the first deliveries come in stream order. */
function expectComplete(store: EventStore, broker: Broker, topic: string) {
  const stored = store.readAll({ maxCount: 1_000_000 });
  const records = allRecords(broker, topic);
  const ids = new Set(records.map(eventIdOf));
  for (const e of stored) expect(ids.has(e.eventId)).toBe(true);
  const firstSeen = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const r of records) {
    const v = r.value as { eventId: string; streamId: string; streamVersion: number };
    expect(r.key).toBe(v.streamId);
    if (seen.has(v.eventId)) continue;
    seen.add(v.eventId);
    const list = firstSeen.get(v.streamId) ?? [];
    list.push(v.streamVersion);
    firstSeen.set(v.streamId, list);
  }
  for (const [streamId, versions] of firstSeen) {
    expect(versions, streamId).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
  }
  return records;
}

describe('relay from the event store to a topic', () => {
  it('publishes every stored event once, keyed by stream id, and checkpoints in the store', () => {
    const store = openEventStore({ path: ':memory:' });
    const broker = createBroker();
    broker.createTopic('events', { partitions: 3 });
    for (let i = 0; i < 30; i++) store.appendToStream(`order-${i % 4}`, [{ type: 'Touched', data: { i } }]);
    const relay = createRelay(broker, { source: store, topic: 'events', batchSize: 7 });
    expect(relay.runUntilCaughtUp()).toBe(30);
    expect(relay.checkpoint()).toBe(30);
    expect(store.getCheckpoint('relay:events')).toBe(30);
    expect(relay.runUntilCaughtUp()).toBe(0);
    const records = expectComplete(store, broker, 'events');
    expect(records).toHaveLength(30);
    store.close();
  });

  it('killed at random points (before publish, between publish and checkpoint), never loses an event', () => {
    const file = path.join(dir, 'events.db');
    let store = openEventStore({ path: file });
    const broker = createBroker();
    broker.createTopic('events', { partitions: 4 });
    const rnd = createRandom(2024);
    let appended = 0;
    let kills = 0;
    for (let round = 0; round < 60; round++) {
      // the application keeps appending while the relay dies and restarts
      const n = 1 + Math.floor(rnd() * 12);
      for (let i = 0; i < n; i++) {
        store.appendToStream(`s-${Math.floor(rnd() * 7)}`, [{ type: 'Happened', data: { round, i } }]);
        appended++;
      }
      const killAt = rnd();
      const relay = createRelay(broker, {
        source: store,
        topic: 'events',
        batchSize: 1 + Math.floor(rnd() * 8),
        hooks: {
          beforePublish: () => {
            if (rnd() < killAt * 0.1) throw new Killed();
          },
          afterPublish: () => {
            if (rnd() < killAt * 0.1) throw new Killed();
          },
          beforeCheckpoint: () => {
            if (rnd() < killAt * 0.3) throw new Killed();
          },
        },
      });
      try {
        relay.runUntilCaughtUp();
      } catch (e) {
        if (!(e instanceof Killed)) throw e;
        kills++;
        // a real crash: the process and its handles are gone; the file stays
        store.close();
        store = openEventStore({ path: file });
      }
    }
    expect(kills).toBeGreaterThan(10);
    createRelay(broker, { source: store, topic: 'events' }).runUntilCaughtUp();
    const records = expectComplete(store, broker, 'events');
    expect(new Set(records.map(eventIdOf)).size).toBe(appended);
    expect(records.length).toBeGreaterThan(appended); // at least once: re-publishing happened
    store.close();
  });

  it('keeps its checkpoint in a table of its own when asked, and works with the in-memory store', () => {
    const db = openDatabase(path.join(dir, 'cp.db'));
    const checkpoints = createSqliteCheckpointStore(db);
    const store = createMemoryEventStore();
    const broker = createBroker();
    broker.createTopic('events', { partitions: 2 });
    store.appendToStream('a', [{ type: 'X', data: 1 }, { type: 'X', data: 2 }]);
    createRelay(broker, { source: store, topic: 'events', checkpoints }).runUntilCaughtUp();
    expect(checkpoints.load('relay:events')).toBe(2);
    store.appendToStream('b', [{ type: 'Y', data: 3 }]);
    expect(createRelay(broker, { source: store, topic: 'events', checkpoints }).runUntilCaughtUp()).toBe(1);
    expectComplete(store, broker, 'events');
    db.close();
  });

  it('follows new commits live', () => {
    const store = openEventStore({ path: ':memory:' });
    const broker = createBroker();
    broker.createTopic('events', { partitions: 2 });
    const relay = createRelay(broker, { source: store, topic: 'events', checkpoints: createMemoryCheckpointStore() });
    const stop = relay.follow();
    store.appendToStream('a', [{ type: 'X', data: 1 }]);
    store.appendToStream('b', [{ type: 'X', data: 2 }]);
    expect(allRecords(broker, 'events')).toHaveLength(2);
    stop();
    store.appendToStream('c', [{ type: 'X', data: 3 }]);
    expect(allRecords(broker, 'events')).toHaveLength(2);
    store.close();
  });
});
