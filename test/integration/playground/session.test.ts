// The playground session over a real SQLite file: scenarios produce the expected events, read-model
// states and broker offsets; faults (crash before commit, poison message, concurrent edit) behave
// as taught; rebalances, time travel, snapshots, rebuild, restart and reset.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partitionForKey } from '../../../electron/engine/broker';
import { openProgressDb } from '../../../electron/engine/progress';
import { PlaygroundSession, happyCommands, pipelineViews, RETRY_DELAYS_MS, storeViews } from '../../../electron/engine/playground';

let dir: string;
let s: PlaygroundSession;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-session-'));
  s = new PlaygroundSession({ dataDir: dir });
});
afterEach(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const types = (orderId: string) => storeViews.orderStream(s.store, orderId).events.map((e) => e.type);
const readRow = (orderId: string) => pipelineViews.readModelPage(s.pipeline, { page: 1, pageSize: 100 }, s.delayMs).orders.find((o) => o.orderId === orderId);
const ordersTopic = () => pipelineViews.brokerView(s.pipeline, { cellsPerPartition: 100 }).topics.find((t) => t.name === 'order-events')!;
const readGroup = () => pipelineViews.brokerView(s.pipeline, { cellsPerPartition: 1 }).groups.find((g) => g.groupId === 'read-model')!;

describe('scenarios', () => {
  it('happy path: four events in the stream, records in the key’s partition, read model delivered after the pump', async () => {
    const state = s.scenarios.start('happy-path');
    for (let i = 0; i < 4; i++) await s.scenarios.step();
    expect(types(state.orderId)).toEqual(['OrderCreated', 'OrderPaid', 'OrderShipped', 'OrderDelivered']);
    expect(storeViews.writeState(s.store, state.orderId)!.status).toBe('delivered');
    // Eventual consistency: the relay has published, but no consumer has run yet.
    expect(readRow(state.orderId)).toBeUndefined();
    const partition = partitionForKey(`order-${state.orderId}`, 3);
    const lane = ordersTopic().partitions[partition]!;
    expect(lane.records.map((r) => [r.offset, r.type])).toEqual([[0, 'OrderCreated'], [1, 'OrderPaid'], [2, 'OrderShipped'], [3, 'OrderDelivered']]);

    s.pump();
    // Two lines (a keyboard, two cables): itemCount counts lines, not the three units.
    expect(readRow(state.orderId)).toMatchObject({ status: 'delivered', version: 4, applied: 4, totalAmount: 5900, itemCount: 2 });
    const gp = readGroup().partitions.find((p) => p.partition === partition)!;
    expect(gp).toMatchObject({ committed: 4, position: 4, lag: 0 });
  });

  it('cancel after payment: the cancel is accepted, shipping afterwards is refused with INVALID_STATE', async () => {
    const results = await s.scenarios.run('cancel-after-payment');
    const orderId = s.scenarios.state()!.orderId;
    expect(types(orderId)).toEqual(['OrderCreated', 'OrderPaid', 'OrderCancelled']);
    expect(results.at(-1)!.outcomes[0]).toMatchObject({ ok: false, code: 'INVALID_STATE', appended: 0 });
    s.pump();
    expect(readRow(orderId)!.status).toBe('cancelled');
  });

  it('concurrent edit: the second writer gets CONCURRENCY and appends nothing', async () => {
    const results = await s.scenarios.run('concurrent-edit');
    const [first, second] = results[1]!.outcomes;
    expect(first).toMatchObject({ ok: true, version: 2 });
    expect(second).toMatchObject({ ok: false, code: 'CONCURRENCY', appended: 0 });
    expect(types(s.scenarios.state()!.orderId)).toEqual(['OrderCreated', 'OrderAddressChanged']);
    expect(s.activity.list().some((a) => a.kind === 'concurrency')).toBe(true);
  });

  it('poison message: retried with back-off, then parked in the dead-letter topic', async () => {
    await s.scenarios.run('poison-message');
    s.pump();
    const topic = (name: string) => pipelineViews.brokerView(s.pipeline, { cellsPerPartition: 10 }).topics.find((t) => t.name === name)!;
    const size = (name: string) => topic(name).partitions.reduce((n, p) => n + p.logEndOffset, 0);
    expect(size('order-events-retry-1')).toBe(1);
    expect(size('order-events-dlt')).toBe(0);
    s.advance(RETRY_DELAYS_MS[0]!);
    s.pump();
    expect(size('order-events-retry-2')).toBe(1);
    expect(size('order-events-dlt')).toBe(0);
    s.advance(RETRY_DELAYS_MS[1]!);
    s.pump();
    expect(size('order-events-dlt')).toBe(1);
    const kinds = s.activity.list().map((a) => a.kind);
    expect(kinds.filter((k) => k === 'retry')).toHaveLength(2);
    expect(kinds).toContain('dead-letter');
    // The read model skipped the poison record and still projected the order's events.
    const rm = pipelineViews.readModelPage(s.pipeline, { page: 1, pageSize: 10 }, s.delayMs);
    expect(rm.stats.invalidSkipped).toBe(1);
    expect(rm.orders[0]!.status).toBe('paid');
  });

  it('load: 1,000 commands run and are projected', () => {
    const started = performance.now();
    expect(s.orders.bulkHappyPath(250)).toBe(1000);
    s.pump();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(s.overview().head).toBe(1000);
    expect(pipelineViews.readModelPage(s.pipeline, { page: 1, pageSize: 1 }, s.delayMs).total).toBe(250);
    expect(readGroup().totalLag).toBe(0);
  });
});

describe('faults', () => {
  async function crashWhileHandling(): Promise<string> {
    s.pump();
    s.controls.armCrash();
    const orderId = 'crash01';
    for (const c of happyCommands(orderId)) await s.orders.execute(c);
    const r = s.pump();
    expect(r.redelivered).toBeGreaterThan(0);
    return orderId;
  }

  it('a crash before commit redelivers; with the inbox on the read model stays right', async () => {
    const orderId = await crashWhileHandling();
    const kinds = s.activity.list().map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['crash', 'rebalance', 'redelivery']));
    expect(readRow(orderId)).toMatchObject({ status: 'delivered', version: 4, applied: 4 });
    expect(pipelineViews.readModelPage(s.pipeline, { page: 1, pageSize: 1 }, s.delayMs).stats.duplicatesSkipped).toBe(4);
  });

  it('with the inbox off, the redelivered records are applied twice (a duplicate effect)', async () => {
    s.controls.setInbox(false);
    const orderId = await crashWhileHandling();
    expect(readRow(orderId)!.applied).toBe(8);
    expect(pipelineViews.readModelPage(s.pipeline, { page: 1, pageSize: 1 }, s.delayMs).stats.revenue).toBe(2 * 5900);
    expect(s.activity.list().some((a) => a.kind === 'duplicate-effect')).toBe(true);
  });

  it('adding and removing consumers rebalances: the generation grows and every partition has an owner', () => {
    const g1 = readGroup().generation;
    s.controls.addConsumer();
    const g2 = readGroup();
    expect(g2.generation).toBe(g1 + 1);
    expect(g2.members).toHaveLength(3);
    expect(g2.members.flatMap((m) => m.assignment.map((a) => a.partition)).sort()).toEqual([0, 1, 2]);
    s.controls.removeConsumer();
    s.controls.removeConsumer();
    const g3 = readGroup();
    expect(g3.generation).toBe(g1 + 3);
    expect(g3.members).toHaveLength(1);
    expect(g3.members[0]!.assignment).toHaveLength(3);
  });
});

describe('store views', () => {
  it('time travel gives the state at a version and the event that produced it', async () => {
    for (const c of happyCommands('tt')) await s.orders.execute(c);
    const at2 = storeViews.stateAt(s.store, 'tt', 2);
    expect(at2.state).toMatchObject({ status: 'paid', version: 2 });
    expect(at2.event).toMatchObject({ type: 'OrderPaid', version: 2 });
    expect(storeViews.stateAt(s.store, 'tt', 1).state.status).toBe('pending');
  });

  it('after a snapshot, a load starts from it and folds only newer events', async () => {
    const [create, pay, ship] = happyCommands('snap');
    await s.orders.execute(create!);
    await s.orders.execute(pay!);
    expect(storeViews.loadWithSnapshot(s.store, 'snap')).toMatchObject({ snapshotVersion: 0, eventsFolded: 2 });
    expect(s.orders.takeSnapshot('snap')).toMatchObject({ streamVersion: 2 });
    await s.orders.execute(ship!);
    const load = storeViews.loadWithSnapshot(s.store, 'snap');
    expect(load).toMatchObject({ snapshotVersion: 2, eventsFolded: 1, currentVersion: 3 });
    expect(load.state.status).toBe('shipped');
  });

  it('the global log is read in windows', async () => {
    s.orders.bulkHappyPath(10);
    const page = storeViews.globalLog(s.store, { offset: 20, limit: 5 });
    expect(page.head).toBe(40);
    expect(page.events.map((e) => e.position)).toEqual([21, 22, 23, 24, 25]);
  });

  it('a refused command appends nothing', async () => {
    const before = s.overview().head;
    const r = await s.orders.execute({ type: 'PayOrder', orderId: 'nobody', paymentId: 'p', paymentMethod: 'paypal', amount: 1 });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', appended: 0 });
    expect(s.overview().head).toBe(before);
  });
});

describe('replay', () => {
  it('the same commands give the same broker journal in a fresh session', async () => {
    async function script(session: PlaygroundSession) {
      for (const c of happyCommands('rep1')) await session.orders.execute(c);
      session.pump();
      session.controls.addConsumer();
      session.controls.armCrash();
      for (const c of happyCommands('rep2')) await session.orders.execute(c);
      session.pump();
      return pipelineViews.journalTail(session.pipeline, 1000);
    }
    const first = await script(s);
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-replay-'));
    const other = new PlaygroundSession({ dataDir: otherDir });
    try {
      const second = await script(other);
      expect(first.length).toBeGreaterThan(10);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    } finally {
      other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('read model, restart and reset', () => {
  it('rebuild from scratch replays the log to the same rows', async () => {
    for (const c of happyCommands('rb')) await s.orders.execute(c);
    s.pump();
    const before = readRow('rb');
    expect(s.controls.rebuildReadModel()).toBe(4);
    expect(readRow('rb')).toEqual(before);
  });

  it('a restarted session republishes the stored log with the same offsets and rebuilds the read model', async () => {
    for (const c of happyCommands('rs')) await s.orders.execute(c);
    s.pump();
    const lanes = ordersTopic().partitions.map((p) => p.logEndOffset);
    s.close();
    s = new PlaygroundSession({ dataDir: dir });
    expect(ordersTopic().partitions.map((p) => p.logEndOffset)).toEqual(lanes);
    expect(readRow('rs')).toMatchObject({ status: 'delivered', applied: 4 });
    s.pump(); // the group replays the topic; the inbox knows every event
    expect(readRow('rs')).toMatchObject({ status: 'delivered', applied: 4 });
  });

  it('reset deletes only the playground file, never the progress database', async () => {
    const progress = openProgressDb(dir);
    progress.setSetting('theme', 'dark');
    progress.close();
    for (const c of happyCommands('rz')) await s.orders.execute(c);
    s.reset();
    expect(s.overview().head).toBe(0);
    expect(storeViews.orderStream(s.store, 'rz').events).toEqual([]);
    expect(pipelineViews.readModelPage(s.pipeline, { page: 1, pageSize: 10 }, s.delayMs).total).toBe(0);
    expect(ordersTopic().partitions.every((p) => p.logEndOffset === 0)).toBe(true);
    const again = openProgressDb(dir);
    expect(again.getSetting('theme')).toBe('dark');
    again.close();
  });
});
