// The port's defences and protocol corners, driven with raw frames kafkajs would never send:
// malformed and oversized frames, unknown APIs, the connection cap, CRC and codec checks, an
// idempotent retry, and a member that stops heartbeating.
import { afterEach, describe, expect, it } from 'vitest';
import { Writer, type Reader } from '../../../electron/engine/kafka-port/codec';
import { crc32c } from '../../../electron/engine/kafka-port/crc32c';
import { encodeProduceBatch, type OutRecord } from '../../../electron/engine/kafka-port/records';
import { encodeSubscription } from '../../../electron/engine/kafka-port/groups';
import { RawClient, startHarness, until, type Harness } from './support';

let h: Harness | undefined;
const raws: RawClient[] = [];
afterEach(async () => {
  for (const r of raws.splice(0)) r.close();
  await h?.close();
  h = undefined;
});

async function raw(harness: Harness): Promise<RawClient> {
  const c = await RawClient.connect(harness.port.port);
  raws.push(c);
  return c;
}

function recs(values: string[]): OutRecord[] {
  return values.map((v, i) => ({ offset: i, timestamp: 1000 + i, key: Buffer.from(`k${i}`), value: Buffer.from(v), headers: [] }));
}

/** Produce v3 to one partition; returns [errorCode, baseOffset]. */
async function produceRaw(c: RawClient, topic: string, batch: Buffer, acks = -1): Promise<[number, number]> {
  const r = await c.request(0, 3, (w) => {
    w.nullableString(null).int16(acks).int32(1000);
    w.array([topic], (ww, t) => ww.string(t).array([0], (www, p) => www.int32(p).nullableBytes(batch)));
  });
  r.int32(); // topics count
  r.string();
  r.int32(); // partitions count
  r.int32();
  const code = r.int16();
  return [code, r.int64()];
}

/** A live kafkajs-free check that the broker still answers: ApiVersions v0 on a new connection. */
async function stillServes(harness: Harness): Promise<void> {
  const c = await raw(harness);
  const r = await c.request(18, 0, () => undefined);
  expect(r.int16()).toBe(0);
  expect(r.array((x: Reader) => x.int16() + (x.int16(), x.int16(), 0))).toContain(0);
}

describe('Kafka port: protocol corners and defences', () => {
  it('closes a connection on a malformed frame and keeps serving everyone else', async () => {
    h = await startHarness();
    const victim = await raw(h);
    // a Metadata v1 request whose topic array claims 1000 entries and ends right away
    const w = new Writer(32).int32(0).int16(3).int16(1).int32(7).nullableString('bad').int32(1000);
    const frame = w.result();
    frame.writeInt32BE(frame.length - 4, 0);
    victim.writeRaw(frame);
    await victim.closed;
    expect(h.port.stats.closedForBadFrames).toBe(1);
    expect(h.problems.join('\n')).toMatch(/malformed request/);
    await stillServes(h);
  });

  it('closes a connection whose frame is larger than the cap, without buffering it', async () => {
    h = await startHarness({ maxFrameBytes: 1024 });
    const victim = await raw(h);
    const head = Buffer.alloc(8);
    head.writeInt32BE(1_000_000_000, 0);
    victim.writeRaw(head);
    await victim.closed;
    expect(h.problems.join('\n')).toMatch(/frame of 1000000000 bytes/);
    await stillServes(h);
  });

  it('answers an unknown API or version with UNSUPPORTED_VERSION, and ApiVersions v3 with the v0 ranges', async () => {
    h = await startHarness();
    const c = await raw(h);
    expect((await c.request(57, 0, () => undefined)).int16()).toBe(35);
    expect((await c.request(0, 9, () => undefined)).int16()).toBe(35);
    const av = await c.request(18, 3, (w) => w.int8(0));
    expect(av.int16()).toBe(35);
    const ranges = av.array((x: Reader) => [x.int16(), x.int16(), x.int16()]);
    expect(ranges).toContainEqual([18, 0, 2]);
    expect(c.isClosed).toBe(false);
  });

  it('refuses connections beyond the cap', async () => {
    h = await startHarness({ maxConnections: 2 });
    const a = await raw(h);
    await a.request(18, 0, () => undefined);
    const b = await raw(h);
    await b.request(18, 0, () => undefined);
    const c = await raw(h);
    await c.closed;
    expect(h.port.stats.refusedConnections).toBe(1);
    a.close();
    await a.closed;
    await until(() => h!.port.stats.connections === 1);
    await stillServes(h);
  });

  it('checks the CRC-32C and the codec, writing nothing for a refused batch', async () => {
    h = await startHarness();
    h.broker.createTopic('t', { partitions: 1 });
    const c = await raw(h);
    const good = encodeProduceBatch(recs(['a', 'b']));
    const corrupt = Buffer.from(good);
    corrupt[corrupt.length - 1] ^= 0xff;
    expect((await produceRaw(c, 't', corrupt))[0]).toBe(2); // CORRUPT_MESSAGE
    const snappy = Buffer.from(good);
    snappy.writeInt16BE(2, 21); // attributes: snappy
    snappy.writeUInt32BE(crc32c(snappy, 21), 17);
    expect((await produceRaw(c, 't', snappy))[0]).toBe(76); // UNSUPPORTED_COMPRESSION_TYPE
    const oldMagic = Buffer.from(good);
    oldMagic.writeInt8(1, 16);
    expect((await produceRaw(c, 't', oldMagic))[0]).toBe(87); // INVALID_RECORD
    expect(h.broker.read('t', 0)).toEqual([]);
    expect(await produceRaw(c, 't', good)).toEqual([0, 0]);
    expect(h.broker.read('t', 0).map((r) => r.value)).toEqual(['a', 'b']);
  });

  it('refuses binary keys and duplicate header keys with INVALID_RECORD rather than losing them', async () => {
    h = await startHarness();
    h.broker.createTopic('t', { partitions: 1 });
    const c = await raw(h);
    const binKey = encodeProduceBatch([{ offset: 0, timestamp: 1, key: Buffer.from([0xc3, 0x28]), value: Buffer.from('v'), headers: [] }]);
    expect((await produceRaw(c, 't', binKey))[0]).toBe(87);
    const twice = encodeProduceBatch([{ offset: 0, timestamp: 1, key: null, value: Buffer.from('v'), headers: [['h', Buffer.from('1')], ['h', Buffer.from('2')]] }]);
    expect((await produceRaw(c, 't', twice))[0]).toBe(87);
    expect(h.broker.read('t', 0)).toEqual([]);
  });

  it('idempotent producer: a retried batch gets its original offset back and is written once; a gap is OUT_OF_ORDER_SEQUENCE_NUMBER', async () => {
    h = await startHarness();
    h.broker.createTopic('t', { partitions: 1 });
    const c = await raw(h);
    const init = await c.request(22, 1, (w) => w.nullableString(null).int32(60_000));
    init.int32();
    expect(init.int16()).toBe(0);
    const producerId = init.int64();
    const first = encodeProduceBatch(recs(['a', 'b']), { producerId, producerEpoch: 0, baseSequence: 0 });
    expect(await produceRaw(c, 't', first)).toEqual([0, 0]);
    expect(await produceRaw(c, 't', first)).toEqual([0, 0]); // the retry
    expect(h.broker.journal().filter((e) => e.type === 'produce.duplicate')).toHaveLength(1);
    const gap = encodeProduceBatch(recs(['x']), { producerId, producerEpoch: 0, baseSequence: 5 });
    expect((await produceRaw(c, 't', gap))[0]).toBe(45);
    const next = encodeProduceBatch(recs(['c']), { producerId, producerEpoch: 0, baseSequence: 2 });
    expect(await produceRaw(c, 't', next)).toEqual([0, 2]);
    expect(h.broker.read('t', 0).map((r) => r.value)).toEqual(['a', 'b', 'c']);
  });

  it('acks=0 gets no response; the next request on the connection still does', async () => {
    h = await startHarness();
    h.broker.createTopic('t', { partitions: 1 });
    const c = await raw(h);
    void c.request(0, 3, (w) => {
      w.nullableString(null).int16(0).int32(1000);
      w.array(['t'], (ww, t) => ww.string(t).array([0], (www, p) => www.int32(p).nullableBytes(encodeProduceBatch(recs(['quiet'])))));
    });
    expect((await c.request(18, 0, () => undefined)).int16()).toBe(0);
    expect(h.broker.read('t', 0).map((r) => r.value)).toEqual(['quiet']);
  });

  it('a long-polling fetch is answered by the next append, from the app or the port', async () => {
    h = await startHarness();
    h.broker.createTopic('t', { partitions: 1 });
    const c = await raw(h);
    const pending = c.request(1, 4, (w) => {
      w.int32(-1).int32(60_000).int32(1).int32(1 << 20).int8(0);
      w.array(['t'], (ww, t) => ww.string(t).array([0], (www, p) => www.int32(p).int64(0).int32(1 << 20)));
    });
    let answered = false;
    void pending.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    h.broker.producer().send('t', { value: { hello: 'from the app' } });
    const r = await pending;
    r.int32(); // throttle
    r.int32();
    r.string();
    r.int32();
    r.int32();
    expect(r.int16()).toBe(0);
    expect(r.int64()).toBe(1); // high watermark
    r.int64();
    r.int32(); // aborted
    const bytes = r.bytes();
    expect(bytes.toString('utf8')).toContain('{"hello":"from the app"}');
  });

  it('a member that stops heartbeating leaves after its session timeout and its partitions move', async () => {
    h = await startHarness();
    h.broker.createTopic('t', { partitions: 2 });
    const inApp = h.broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    inApp.subscribe(['t']);
    const c = await raw(h);
    const join = await c.request(11, 1, (w) => {
      w.string('g').int32(1000).int32(1000).string('').string('consumer');
      w.array(['range'], (ww, name) => ww.string(name).nullableBytes(encodeSubscription(['t'])));
    });
    expect(join.int16()).toBe(0);
    const generation = join.int32();
    join.string();
    join.string();
    const memberId = join.string();
    const sync = await c.request(14, 0, (w) => w.string('g').int32(generation).string(memberId).array([], () => undefined));
    expect(sync.int16()).toBe(0);
    expect(h.broker.describe().groups[0].members.map((m) => [m.origin, m.assignment.length])).toEqual([
      ['app', 1],
      ['kafka', 1],
    ]);
    // no heartbeat: after 1 s of silence the coordinator removes the member and the app consumer gets both
    await until(() => h!.broker.describe().groups[0].members.length === 1);
    expect(h.broker.journal().find((e) => e.type === 'member.left')).toMatchObject({ memberId, reason: 'session-timeout' });
    inApp.poll();
    expect(inApp.assignment()).toHaveLength(2);
    // its next heartbeat learns it is gone
    const hb = await c.request(12, 0, (w) => w.string('g').int32(generation).string(memberId));
    expect(hb.int16()).toBe(25);
  });
});
