// The crash lab (issue #16 item 14) over a real session: a crash between the store and the broker.
// Without an outbox (a dual write) the order service stores the payment and dies before sending it:
// the store says paid, the read model says pending, for good. Sending first and dying before the
// store commits leaves a phantom payment downstream. With the outbox the same crash loses nothing:
// the restarted relay sends the payment from its checkpoint, a second send after a crash before the
// checkpoint is skipped by the inbox (and applied twice without it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlaygroundSession, pipelineViews, sampleCreate, SAMPLE_TOTAL, storeViews, TOPIC } from '../../../electron/engine/playground';
import { samplePay } from '../../../electron/engine/playground/samples';
import { recordToEvent } from '../../../electron/engine/playground/readModel';

let dir: string;
let s: PlaygroundSession;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-crash-lab-'));
  s = new PlaygroundSession({ dataDir: dir });
});
afterEach(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rowOf = (orderId: string) => pipelineViews.readModelPage(s.pipeline, { page: 1, pageSize: 100 }, s.delayMs).orders.find((o) => o.orderId === orderId);
const settle = () => {
  for (let i = 0; i < 3; i++) s.pump();
};
const streamTypes = (orderId: string) => storeViews.orderStream(s.store, orderId).events.map((e) => e.type);
/** Every event of the order on the topic, in no particular order: type and event id. */
function onTopic(orderId: string): { type: string; eventId: string }[] {
  const out: { type: string; eventId: string }[] = [];
  for (let p = 0; p < s.pipeline.partitions; p++) {
    for (const r of s.broker.read(TOPIC, p, { fromOffset: 0, maxRecords: 10_000 })) {
      const e = recordToEvent(r);
      if (e && e.streamId === `order-${orderId}`) out.push({ type: e.type, eventId: e.eventId });
    }
  }
  return out;
}
const kinds = () => s.activity.list().map((a) => a.kind);

describe('without an outbox: a dual write, store first', () => {
  it('dying between the commit and the send leaves the payment in the store and never on the topic: paid vs pending, for good', async () => {
    await s.scenarios.run('dual-write-crash');
    const orderId = s.scenarios.state()!.orderId;
    settle();
    expect(streamTypes(orderId)).toEqual(['OrderCreated', 'OrderPaid']);
    expect(onTopic(orderId).map((e) => e.type)).toEqual(['OrderCreated']);
    expect(rowOf(orderId)).toMatchObject({ status: 'pending', version: 1 });
    expect(s.pipeline.model.stats.revenue).toBe(0);
    expect(s.activity.list().find((a) => a.kind === 'died-before-send')?.params).toMatchObject({ orderId, type: 'OrderPaid', version: 2 });
    // The relay runs on (other events get published), and still nobody sends this one.
    await s.orders.execute(sampleCreate('someone-else'));
    settle();
    expect(onTopic(orderId).map((e) => e.type)).toEqual(['OrderCreated']);
    expect(rowOf(orderId)).toMatchObject({ status: 'pending' });
    expect(onTopic('someone-else').map((e) => e.type)).toEqual(['OrderCreated']);
    expect(rowOf('someone-else')).toMatchObject({ status: 'pending', version: 1 });
    // The stream view names the version that will never be sent (what the strip words as "never").
    expect([...s.dualWrite.neverSent]).toEqual([storeViews.orderStream(s.store, orderId).events[1]!.eventId]);
  });

  it('when nothing dies, the same dual write reaches the read model (it is the crash that loses the event)', () => {
    const orderId = 'no-crash';
    s.dualWrite.storeThenSend(sampleCreate(orderId));
    s.dualWrite.storeThenSend(samplePay(orderId));
    settle();
    expect(onTopic(orderId).map((e) => e.type)).toEqual(['OrderCreated', 'OrderPaid']);
    expect(rowOf(orderId)).toMatchObject({ status: 'paid', version: 2 });
    expect(s.pipeline.model.stats.revenue).toBe(SAMPLE_TOTAL);
  });

  it('the relay never sends what the service sends itself: each event is on the topic once', () => {
    const orderId = 'once';
    s.dualWrite.storeThenSend(sampleCreate(orderId));
    s.pipeline.publish();
    settle();
    expect(onTopic(orderId)).toHaveLength(1);
  });
});

describe('without an outbox: send first', () => {
  it('dying before the store commits leaves a phantom payment downstream for an order the store never saw paid', async () => {
    await s.scenarios.run('publish-then-crash');
    const orderId = s.scenarios.state()!.orderId;
    settle();
    expect(streamTypes(orderId)).toEqual(['OrderCreated']);
    const paid = onTopic(orderId).filter((e) => e.type === 'OrderPaid');
    expect(paid).toHaveLength(1);
    expect(s.store.readAll({}).some((e) => e.eventId === paid[0]!.eventId)).toBe(false);
    expect(rowOf(orderId)).toMatchObject({ status: 'paid', version: 2 });
    expect(s.pipeline.model.stats.revenue).toBe(SAMPLE_TOTAL);
    const step = s.scenarios.state()!.results[1]!.outcomes[0]!;
    expect(step).toMatchObject({ ok: false, code: 'CRASHED', appended: 0 });
    expect(kinds()).toContain('died-before-commit');
  });
});

describe('with the outbox', () => {
  it('the same crash loses nothing: the payment waits in the log until the relay restarts', async () => {
    const player = s.scenarios;
    player.start('outbox-crash');
    const orderId = player.state()!.orderId;
    await player.step(); // create
    await player.step(); // pay; the service dies right after the commit
    settle();
    expect(streamTypes(orderId)).toEqual(['OrderCreated', 'OrderPaid']);
    expect(onTopic(orderId).map((e) => e.type)).toEqual(['OrderCreated']);
    expect(rowOf(orderId)).toMatchObject({ status: 'pending', version: 1 });
    expect(s.pipeline.relayIsUp).toBe(false);

    await player.step(); // restart: the relay sends the payment and dies before its checkpoint
    settle();
    expect(rowOf(orderId)).toMatchObject({ status: 'paid', version: 2 });
    expect(s.pipeline.relayIsUp).toBe(false);
    expect(kinds()).toContain('relay-died-before-checkpoint');

    await player.step(); // restart again: the payment is sent a second time, the inbox skips it
    settle();
    const paid = onTopic(orderId).filter((e) => e.type === 'OrderPaid');
    expect(paid).toHaveLength(2);
    expect(paid[0]!.eventId).toBe(paid[1]!.eventId);
    expect(rowOf(orderId)).toMatchObject({ status: 'paid', version: 2, applied: 2 });
    expect(s.pipeline.model.stats.revenue).toBe(SAMPLE_TOTAL);
    expect(s.activity.list().find((a) => a.kind === 'resent-skipped')?.params).toMatchObject({ count: 1 });
    expect(s.pipeline.relayIsUp).toBe(true);
  });

  it('a scenario stopped while the service is down does not leave the relay down for the next one', async () => {
    s.scenarios.start('outbox-crash');
    await s.scenarios.step();
    await s.scenarios.step(); // the service dies after the commit
    expect(s.pipeline.relayIsUp).toBe(false);
    await s.scenarios.run('happy-path');
    const orderId = s.scenarios.state()!.orderId;
    settle();
    expect(s.pipeline.relayIsUp).toBe(true);
    expect(rowOf(orderId)).toMatchObject({ status: 'delivered' });
    expect(kinds()).toContain('restart-with-outbox');
  });

  it('without the inbox the second send is applied twice: the outbox gives at least once, the consumer must dedupe', async () => {
    s.controls.setInbox(false);
    await s.scenarios.run('outbox-crash');
    const orderId = s.scenarios.state()!.orderId;
    settle();
    expect(rowOf(orderId)).toMatchObject({ status: 'paid', applied: 3 });
    expect(s.pipeline.model.stats.revenue).toBe(2 * SAMPLE_TOTAL);
  });
});
