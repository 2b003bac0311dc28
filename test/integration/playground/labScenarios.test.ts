// The scenarios behind lesson 4's labs, over a real session. Commit before processing: the reader
// that gets the payment commits its offset first and dies before applying it, so the read model never learns of the payment while
// the stream has it; the ordinary crash (before the commit) redelivers instead and loses nothing.
// A slow consumer (a batch longer than max.poll.interval.ms) is removed and its batch handled again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlaygroundSession, pipelineViews, sampleCreate, storeViews } from '../../../electron/engine/playground';
import { samplePay } from '../../../electron/engine/playground/samples';

let dir: string;
let s: PlaygroundSession;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-commit-first-'));
  s = new PlaygroundSession({ dataDir: dir });
});
afterEach(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rowOf = (orderId: string) => pipelineViews.readModelPage(s.pipeline, { page: 1, pageSize: 100 }, s.delayMs).orders.find((o) => o.orderId === orderId);

describe('scenario: commit before processing', () => {
  it('the payment is in the stream, but the read model never applies it: the order stays pending', async () => {
    await s.scenarios.run('commit-before-processing');
    const orderId = s.scenarios.state()!.orderId;
    for (let i = 0; i < 3; i++) s.pump();
    expect(storeViews.orderStream(s.store, orderId).events.map((e) => e.type)).toEqual(['OrderCreated', 'OrderPaid']);
    expect(rowOf(orderId)).toMatchObject({ status: 'pending', version: 1 });
    const lost = s.activity.list().find((a) => a.kind === 'lost-after-commit');
    expect(lost?.params).toMatchObject({ count: 1 });
    expect(s.activity.list().some((a) => a.kind === 'redelivery')).toBe(false);
  });

  it('the same payment with the ordinary crash (before the commit) is delivered again and applied', async () => {
    const orderId = 'crash-after';
    await s.orders.execute(sampleCreate(orderId));
    s.pump();
    s.controls.armCrash();
    await s.orders.execute(samplePay(orderId));
    for (let i = 0; i < 3; i++) s.pump();
    expect(rowOf(orderId)).toMatchObject({ status: 'paid', version: 2 });
  });
});

describe('scenario: a slow consumer', () => {
  it('is removed for exceeding max.poll.interval.ms: its commit fails and another member handles its batch again', async () => {
    await s.scenarios.run('slow-consumer');
    const orderId = s.scenarios.state()!.orderId;
    for (let i = 0; i < 3; i++) s.pump();
    const activity = s.activity.list();
    expect(activity.find((a) => a.kind === 'slow-consumer')?.params).toMatchObject({ committed: false, limit: 300 });
    expect(activity.some((a) => a.kind === 'rebalance' && String(a.params.reason).includes('poll-timeout'))).toBe(true);
    const redelivery = activity.find((a) => a.kind === 'redelivery');
    expect(redelivery?.params).toMatchObject({ skippedByInbox: 1, appliedAgain: 0 });
    expect(rowOf(orderId)).toMatchObject({ status: 'paid', version: 2, applied: 2 });
  });

  it('without the inbox, the batch handled twice is applied twice', async () => {
    s.controls.setInbox(false);
    await s.scenarios.run('slow-consumer');
    const orderId = s.scenarios.state()!.orderId;
    for (let i = 0; i < 3; i++) s.pump();
    expect(rowOf(orderId)).toMatchObject({ status: 'paid', applied: 3 });
  });
});

describe('scenario: a wrong partition key', () => {
  it('one order\'s events keyed by event type land on different partitions, and the read model applies them out of order', async () => {
    await s.scenarios.run('wrong-key');
    const orderId = s.scenarios.state()!.orderId;
    for (let i = 0; i < 3; i++) s.pump();
    expect(storeViews.orderStream(s.store, orderId).events.map((e) => e.type)).toEqual(['OrderCreated', 'OrderItemAdded', 'OrderPaid', 'OrderShipped']);
    const topic = pipelineViews.brokerView(s.pipeline, { cellsPerPartition: 50 }).topics.find((t) => t.name === 'order-events')!;
    expect(topic.partitions.filter((p) => p.logEndOffset > 0).length).toBeGreaterThan(1);
    // Whichever partition the reader fetches first, the row is a state the order never had.
    const row = rowOf(orderId)!;
    expect({ status: row.status, totalAmount: row.totalAmount }).not.toEqual({ status: 'shipped', totalAmount: 7400 });
  });

  it('keyed by stream, the same four commands end as shipped, with the added item in the total', async () => {
    await s.scenarios.run('happy-path');
    s.pump();
    const orderId = 'right-key';
    await s.orders.execute(sampleCreate(orderId));
    await s.orders.execute({ type: 'AddOrderItem', orderId, productId: 'mouse-3', productName: 'Mouse', quantity: 1, unitPrice: 1500 });
    await s.orders.execute({ type: 'PayOrder', orderId, paymentId: 'pay-1', paymentMethod: 'credit_card', amount: 7400 });
    await s.orders.execute({ type: 'ShipOrder', orderId, trackingNumber: 'T-1', carrier: 'DHL' });
    for (let i = 0; i < 3; i++) s.pump();
    expect(rowOf(orderId)).toMatchObject({ status: 'shipped', totalAmount: 7400 });
  });
});
