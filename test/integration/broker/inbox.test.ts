import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBroker, createRelay, eventIdOf, createMemoryInbox } from '../../../electron/engine/broker';
import { createSqliteInbox } from '../../../electron/engine/broker/sqlite';
import { openDatabase, migrate } from '../../../electron/engine/sqlite';
import { openEventStore } from '../../../electron/engine/store';

describe('inbox', () => {
  it('keeps a broker-fed projection exactly-once in effect despite relay re-publishing and consumer crashes', () => {
    const store = openEventStore({ path: ':memory:' });
    const broker = createBroker({ seed: 5 });
    broker.createTopic('events', { partitions: 3 });
    for (let i = 0; i < 90; i++) store.appendToStream(`acct-${i % 9}`, [{ type: 'Deposited', data: { amount: 1 } }]);
    // a relay that dies once between publishing and checkpointing publishes its batch twice
    let dieOnce = true;
    try {
      createRelay(broker, {
        source: store,
        topic: 'events',
        batchSize: 40,
        hooks: {
          beforeCheckpoint: () => {
            if (dieOnce) {
              dieOnce = false;
              throw new Error('killed');
            }
          },
        },
      }).runUntilCaughtUp();
    } catch {
      // restarted below
    }
    createRelay(broker, { source: store, topic: 'events' }).runUntilCaughtUp();

    const db = openDatabase(':memory:');
    migrate(db, 'test-balances', ['CREATE TABLE balances (account TEXT PRIMARY KEY, total INTEGER NOT NULL)']);
    const inbox = createSqliteInbox(db, 'balances');
    const upsert = db.prepare('INSERT INTO balances (account, total) VALUES (?, ?) ON CONFLICT(account) DO UPDATE SET total = total + excluded.total');
    const consume = (c: ReturnType<typeof broker.consumer>, max: number, commit: boolean) => {
      const batch = c.poll({ maxRecords: max });
      for (const r of batch) {
        const v = r.value as { streamId: string; data: { amount: number } };
        inbox.process(eventIdOf(r), () => upsert.run(v.streamId, v.data.amount));
      }
      if (commit) c.commit();
      return batch.length;
    };
    const a = broker.consumer({ groupId: 'balances', autoOffsetReset: 'earliest' });
    const b = broker.consumer({ groupId: 'balances', autoOffsetReset: 'earliest' });
    a.subscribe(['events']);
    b.subscribe(['events']);
    consume(a, 10, true);
    consume(a, 10, false); // processed, not committed…
    a.crash(); // …so b gets these again
    while (consume(b, 25, true) > 0);

    const totals = db.prepare('SELECT SUM(total) AS s, COUNT(*) AS n FROM balances').get() as { s: number; n: number };
    expect(totals).toEqual({ s: 90, n: 9 });
    db.close();
    store.close();
  });

  it('rolls back the consumer’s writes and the inbox row together when the handler throws', () => {
    const db = openDatabase(':memory:');
    migrate(db, 'test-rows', ['CREATE TABLE rows (id TEXT PRIMARY KEY)']);
    const inbox = createSqliteInbox(db, 'rows');
    const insert = db.prepare('INSERT INTO rows (id) VALUES (?)');
    expect(() =>
      inbox.process('e1', () => {
        insert.run('r1');
        throw new Error('handler failed');
      }),
    ).toThrow('handler failed');
    expect(inbox.has('e1')).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM rows').get()).toEqual({ n: 0 });
    expect(inbox.process('e1', () => insert.run('r1'))).toBe(true);
    expect(inbox.process('e1', () => insert.run('r1'))).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM rows').get()).toEqual({ n: 1 });
    db.close();
  });

  it('processes a whole poll in one transaction, skipping ids it has seen, all or nothing', () => {
    const db = openDatabase(':memory:');
    migrate(db, 'test-batch', ['CREATE TABLE seen (id TEXT PRIMARY KEY)']);
    const inbox = createSqliteInbox(db, 'seen');
    const insert = db.prepare('INSERT INTO seen (id) VALUES (?)');
    expect(inbox.processBatch(['a', 'b'], (x) => x, (x) => insert.run(x))).toBe(2);
    expect(inbox.processBatch(['b', 'c', 'c'], (x) => x, (x) => insert.run(x))).toBe(1);
    expect(() => inbox.processBatch(['d', 'boom'], (x) => x, (x) => {
      if (x === 'boom') throw new Error('boom');
      insert.run(x);
    })).toThrow('boom');
    expect(inbox.has('d')).toBe(false);
    expect(db.prepare('SELECT id FROM seen ORDER BY id').pluck().all()).toEqual(['a', 'b', 'c']);
    const mem = createMemoryInbox();
    expect(mem.processBatch(['a', 'a', 'b'], (x) => x, () => undefined)).toBe(2);
    db.close();
  });

  it('a poll inserted in one statement applies exactly what id-by-id processing applies, for any ids', () => {
    // ids from a small pool (so polls repeat each other and themselves), with quotes, backslashes,
    // control characters, lone surrogates and astral characters among them
    const id = fc.oneof(
      fc.constantFrom('a', 'b', 'évènement', '"q"', 'back\\slash', '\\u0041', 'nul\u0000x', 'tab\tnl\n', '\ud800', 'x\udfff', '😀', 'U+2028\u2028'),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(id, { maxLength: 12 }), { maxLength: 6 }), (polls) => {
        const db = openDatabase(':memory:');
        const batch = createSqliteInbox(db, 'batch');
        const single = createSqliteInbox(db, 'single');
        for (const poll of polls) {
          const applied: string[] = [];
          const n = batch.processBatch(poll, (x) => x, (x) => applied.push(x));
          const expected = poll.filter((x) => single.process(x, () => undefined));
          expect(applied).toEqual(expected);
          expect(n).toBe(expected.length);
        }
        for (const x of polls.flat()) expect(batch.has(x)).toBe(true);
        db.close();
      }),
      { numRuns: 200 },
    );
  });

  it('has an in-memory twin for the sandbox', () => {
    const inbox = createMemoryInbox();
    let n = 0;
    expect(inbox.process('e', () => n++)).toBe(true);
    expect(inbox.process('e', () => n++)).toBe(false);
    expect(() => inbox.process('f', () => { throw new Error('x'); })).toThrow();
    expect(inbox.has('f')).toBe(false);
    expect(n).toBe(1);
  });
});
