// Conformance with an unmodified kafkajs 2.x client: what it produces lands in the broker's own
// topics (same partitions as the Java partitioner, same offsets as in-app producers), what the app
// produces reaches kafkajs byte for byte, and kafkajs groups are the broker's groups.
import { CompressionTypes, type Consumer, type EachMessagePayload } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { partitionForKey } from '../../../electron/engine/broker';
import { startHarness, until, type Harness } from './support';

let h: Harness | undefined;
const consumers: Consumer[] = [];
afterEach(async () => {
  for (const c of consumers.splice(0)) await c.disconnect().catch(() => undefined);
  await h?.close();
  h = undefined;
});

function collect(c: Consumer, into: EachMessagePayload[]): Promise<void> {
  return c.run({ eachMessage: async (p) => void into.push(p) });
}

function newConsumer(harness: Harness, groupId: string): Consumer {
  const c = harness.kafka.consumer({ groupId, heartbeatInterval: 100, sessionTimeout: 6000, maxWaitTimeInMs: 50, retry: { retries: 20, initialRetryTime: 50 } });
  consumers.push(c);
  return c;
}

describe('kafkajs against the Kafka port', () => {
  it('round trip: keys pick the Java partition, headers and timestamps survive, in-app and kafkajs records share the log', async () => {
    h = await startHarness();
    const admin = h.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 4 }] });
    await admin.disconnect();
    const producer = h.kafka.producer();
    await producer.connect();
    const keys = Array.from({ length: 40 }, (_, i) => `order-${i}`);
    const sent = await producer.send({
      topic: 'orders',
      acks: -1,
      messages: keys.map((key, i) => ({ key, value: `value ${i} ünïcødé`, headers: { 'trace-id': `t-${i}` }, timestamp: String(1_700_000_000_000 + i) })),
    });
    await producer.disconnect();
    expect(sent.every((s) => s.errorCode === 0)).toBe(true);

    // Where the broker put them: the Java client's partition for each key, in send order.
    for (const [i, key] of keys.entries()) {
      const p = partitionForKey(key, 4);
      const rec = h.broker.read('orders', p).find((r) => r.key === key);
      expect(rec, key).toBeDefined();
      expect(rec!.value).toBe(`value ${i} ünïcødé`);
      expect(rec!.headers).toEqual({ 'trace-id': `t-${i}` });
      expect(rec!.timestamp).toBe(1_700_000_000_000 + i);
    }

    // An in-app producer writes to the same log; its offsets follow kafkajs's.
    const before = h.broker.describe().topics[0].partitions[partitionForKey('app-1', 4)].logEndOffset;
    const [meta] = h.broker.producer().send('orders', { key: 'app-1', value: { total: 30, items: ['a'] }, headers: { source: 'app' } });
    expect(meta.offset).toBe(before);

    const got: EachMessagePayload[] = [];
    const c = newConsumer(h, 'round-trip');
    await c.connect();
    await c.subscribe({ topic: 'orders', fromBeginning: true });
    void collect(c, got);
    await until(() => got.length >= 41);
    const byKey = new Map(got.map((m) => [m.message.key!.toString(), m]));
    for (const [i, key] of keys.entries()) {
      const m = byKey.get(key)!;
      expect(m.partition).toBe(partitionForKey(key, 4));
      expect(m.message.value!.toString()).toBe(`value ${i} ünïcødé`);
      expect(m.message.headers!['trace-id']!.toString()).toBe(`t-${i}`);
      expect(m.message.timestamp).toBe(String(1_700_000_000_000 + i));
    }
    const app = byKey.get('app-1')!;
    expect(JSON.parse(app.message.value!.toString())).toEqual({ total: 30, items: ['a'] });
    expect(app.message.headers!.source!.toString()).toBe('app');
    expect(app.message.offset).toBe(String(meta.offset));
  });

  it('JSON text from kafkajs is an object for in-app consumers and comes back to kafkajs byte for byte; binary values too', async () => {
    h = await startHarness();
    h.broker.createTopic('events', { partitions: 1 });
    const producer = h.kafka.producer();
    await producer.connect();
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    await producer.send({ topic: 'events', messages: [{ value: '{"type":"OrderPaid","amount":5}' }, { value: '{ "spaced": true }' }, { value: binary }, { value: null, key: 'k' }] });
    await producer.disconnect();
    const inApp = h.broker.read('events', 0).map((r) => r.value);
    expect(inApp[0]).toEqual({ type: 'OrderPaid', amount: 5 });
    expect(inApp[1]).toBe('{ "spaced": true }');
    expect(inApp[3]).toBeNull();

    const got: EachMessagePayload[] = [];
    const c = newConsumer(h, 'bytes');
    await c.connect();
    await c.subscribe({ topic: 'events', fromBeginning: true });
    void collect(c, got);
    await until(() => got.length >= 4);
    expect(got[0].message.value!.toString()).toBe('{"type":"OrderPaid","amount":5}');
    expect(got[1].message.value!.toString()).toBe('{ "spaced": true }');
    expect(Buffer.compare(got[2].message.value!, binary)).toBe(0);
    expect(got[3].message.value).toBeNull();
  });

  it('two kafkajs consumers split six partitions, show up in the broker group view, and rebalance when one leaves', async () => {
    h = await startHarness();
    h.broker.createTopic('six', { partitions: 6 });
    const a = newConsumer(h, 'pair');
    const b = newConsumer(h, 'pair');
    const gotA: EachMessagePayload[] = [];
    const gotB: EachMessagePayload[] = [];
    await a.connect();
    await a.subscribe({ topic: 'six', fromBeginning: true });
    void collect(a, gotA);
    await until(() => h!.broker.describe().groups.find((g) => g.groupId === 'pair')?.members[0]?.generation === 1);
    await b.connect();
    await b.subscribe({ topic: 'six', fromBeginning: true });
    void collect(b, gotB);

    // both members synced to the newest generation, three partitions each, disjoint
    const settled = await until(() => {
      const g = h!.broker.describe().groups.find((x) => x.groupId === 'pair');
      return g && g.members.length === 2 && g.members.every((m) => m.generation === g.generation) ? g : undefined;
    });
    expect(settled.members.map((m) => m.origin)).toEqual(['kafka', 'kafka']);
    expect(settled.members.map((m) => m.assignment.length)).toEqual([3, 3]);
    const owned = settled.members.flatMap((m) => m.assignment.map((tp) => tp.partition)).sort();
    expect(owned).toEqual([0, 1, 2, 3, 4, 5]);

    const p = h.kafka.producer();
    await p.connect();
    await p.send({ topic: 'six', messages: Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
    await until(() => new Set([...gotA, ...gotB].map((m) => m.message.value!.toString())).size === 60);
    // each consumer read only from partitions it owned
    const ownerOf = new Map(settled.members.flatMap((m, i) => m.assignment.map((tp) => [tp.partition, i] as const)));
    const aIndex = settled.members.findIndex((m) => gotA.length === 0 || m.assignment.some((tp) => tp.partition === gotA[0].partition));
    for (const m of gotA) expect(ownerOf.get(m.partition)).toBe(aIndex);
    for (const m of gotB) expect(ownerOf.get(m.partition)).toBe(1 - aIndex);

    // b leaves: a rebalance gives a all six
    consumers.splice(consumers.indexOf(b), 1);
    await b.disconnect();
    const after = await until(() => {
      const g = h!.broker.describe().groups.find((x) => x.groupId === 'pair');
      return g && g.members.length === 1 && g.members[0].generation === g.generation && g.members[0].assignment.length === 6 ? g : undefined;
    });
    expect(after.generation).toBeGreaterThan(settled.generation);
    const leftEntries = h.broker.journal().filter((e) => e.type === 'member.left' && e.groupId === 'pair');
    expect(leftEntries.map((e) => (e.type === 'member.left' ? e.reason : ''))).toEqual(['close']);
    await p.send({ topic: 'six', messages: Array.from({ length: 6 }, (_, i) => ({ key: `late-${i}`, value: `late-${i}` })) });
    await until(() => gotA.filter((m) => m.message.value!.toString().startsWith('late-')).length === 6);
    await p.disconnect();
  }, 60_000);

  it('commits, and a restarted consumer resumes from the committed offset; lag is in the group view', async () => {
    h = await startHarness();
    h.broker.createTopic('resume', { partitions: 2 });
    const p = h.kafka.producer();
    await p.connect();
    await p.send({ topic: 'resume', messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `first-${i}` })) });
    const first: EachMessagePayload[] = [];
    const c1 = newConsumer(h, 'resumers');
    await c1.connect();
    await c1.subscribe({ topic: 'resume', fromBeginning: true });
    void collect(c1, first);
    await until(() => first.length === 10);
    // kafkajs commits resolved offsets after each batch; wait until both partitions are committed at their end
    await until(() => {
      const g = h!.broker.describe().groups.find((x) => x.groupId === 'resumers');
      return g && g.partitions.every((x) => x.committed === x.logEndOffset) ? g : undefined;
    });
    consumers.splice(consumers.indexOf(c1), 1);
    await c1.disconnect();

    await p.send({ topic: 'resume', messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `second-${i}` })) });
    const lagged = h.broker.describe().groups.find((x) => x.groupId === 'resumers')!;
    expect(lagged.totalLag).toBe(5);
    expect(lagged.members).toEqual([]);

    const second: EachMessagePayload[] = [];
    const c2 = newConsumer(h, 'resumers');
    await c2.connect();
    await c2.subscribe({ topic: 'resume', fromBeginning: true });
    void collect(c2, second);
    await until(() => second.length === 5);
    expect(second.map((m) => m.message.value!.toString()).sort()).toEqual(['second-0', 'second-1', 'second-2', 'second-3', 'second-4']);
    await until(() => h!.broker.describe().groups.find((x) => x.groupId === 'resumers')!.totalLag === 0);
    await p.disconnect();
  }, 60_000);

  it('an idempotent kafkajs producer gets a producer id and sequence numbers the broker checks', async () => {
    h = await startHarness();
    h.broker.createTopic('idem', { partitions: 1 });
    const p = h.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await p.connect();
    for (let i = 0; i < 3; i++) await p.send({ topic: 'idem', messages: [{ value: `a${i}` }, { value: `b${i}` }] });
    await p.disconnect();
    const produces = h.broker.journal().filter((e) => e.type === 'produce');
    expect(produces).toHaveLength(3);
    const ids = new Set(produces.map((e) => (e.type === 'produce' ? e.producerId : null)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeGreaterThanOrEqual(0);
    const log = h.broker.topics.get('idem')!.logs[0];
    expect(log.producers.get([...ids][0]!)).toMatchObject({ lastSeq: 5, baseSeq: 4, count: 2 });
    expect(h.broker.read('idem', 0).map((r) => r.value)).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
  });

  it('gzip batches are inflated into ordinary records', async () => {
    h = await startHarness();
    h.broker.createTopic('zipped', { partitions: 1 });
    const p = h.kafka.producer();
    await p.connect();
    await p.send({ topic: 'zipped', compression: CompressionTypes.GZIP, messages: Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, value: `compressible ${'x'.repeat(50)} ${i}` })) });
    await p.disconnect();
    const recs = h.broker.read('zipped', 0, { maxRecords: 1000 });
    expect(recs).toHaveLength(200);
    expect(recs[199].value).toBe(`compressible ${'x'.repeat(50)} 199`);
    const got: EachMessagePayload[] = [];
    const c = newConsumer(h, 'unzip');
    await c.connect();
    await c.subscribe({ topic: 'zipped', fromBeginning: true });
    void collect(c, got);
    await until(() => got.length === 200);
    expect(got[7].message.key!.toString()).toBe('k7');
  });

  it('ListOffsets: earliest follows retention, latest is the log end, by timestamp finds the first record at or after it', async () => {
    h = await startHarness();
    h.broker.createTopic('timed', { partitions: 1, retentionMs: 1000 });
    const app = h.broker.producer();
    app.send('timed', [{ value: 'old-1' }, { value: 'old-2' }]); // stamped at simulated time 0
    h.broker.clock.advance(5000);
    h.broker.tick(); // both older than the retention: the log start moves to 2
    const p = h.kafka.producer();
    await p.connect();
    await p.send({ topic: 'timed', messages: [{ value: 'n1', timestamp: '5000' }, { value: 'n2', timestamp: '6000' }, { value: 'n3', timestamp: '7000' }] });
    await p.disconnect();
    const admin = h.kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchTopicOffsets('timed');
    expect(offsets).toMatchObject({ partition: 0, low: '2', high: '5', offset: '5' });
    const [byTs] = await admin.fetchTopicOffsetsByTimestamp('timed', 5500);
    expect(byTs).toMatchObject({ partition: 0, offset: '3' });
    await admin.disconnect();
  });

  it('admin: describeGroups and listGroups show in-app and kafkajs members side by side', async () => {
    h = await startHarness();
    h.broker.createTopic('mixed', { partitions: 4 });
    const inApp = h.broker.consumer({ groupId: 'mixed-group', assignor: 'roundrobin', clientId: 'reader-1' });
    inApp.subscribe(['mixed']);
    const c = newConsumer(h, 'mixed-group');
    await c.connect();
    await c.subscribe({ topic: 'mixed' });
    void collect(c, []);
    const g = await until(() => {
      const d = h!.broker.describe().groups.find((x) => x.groupId === 'mixed-group');
      return d && d.members.length === 2 && d.members.every((m) => m.assignment.length === 2) && d.members[1].generation === d.generation ? d : undefined;
    });
    expect(g.members.map((m) => m.origin)).toEqual(['app', 'kafka']);
    inApp.poll(); // the in-app member syncs to the new generation on its next poll
    const admin = h.kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    expect(groups.map((x) => x.groupId)).toContain('mixed-group');
    const described = await admin.describeGroups(['mixed-group']);
    expect(described.groups[0].state).toBe('Stable');
    expect(described.groups[0].members.map((m) => m.clientId).sort()).toEqual(['reader-1', 'test-client']);
    await admin.disconnect();
  });
});
