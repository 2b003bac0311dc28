// The partition log keeps records column-wise in preallocated segments and appends a producer's
// batch in one pass; these properties hold it to a plain list of records (the simple
// representation) through appends that cross segment boundaries, retention, compaction and reads
// from any offset, and a whole broker to "every produced record is consumed once, as sent".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBroker, type ConsumerRecord } from '../../../electron/engine/broker';
import { MIN_SEGMENT_CAPACITY, PartitionLog, SEGMENT_CAPACITY } from '../../../electron/engine/broker/log';
import type { Headers } from '../../../electron/engine/broker/types';
import { EMPTY_HEADERS } from '../../../electron/engine/broker/values';

interface Plain {
  offset: number;
  key: string | null;
  value: unknown;
  timestamp: number;
  headers: Headers;
}

type Step =
  | { kind: 'append'; key: number | null; value: number | null }
  | { kind: 'batch'; count: number; reversed: boolean }
  | { kind: 'advance'; ms: number }
  | { kind: 'retention'; age: number }
  | { kind: 'compact'; age: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('append' as const), key: fc.option(fc.integer({ min: 0, max: 5 })), value: fc.option(fc.integer()) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('batch' as const), count: fc.integer({ min: 1, max: SEGMENT_CAPACITY + 300 }), reversed: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retention' as const), age: fc.integer({ min: 0, max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), age: fc.integer({ min: 0, max: 300 }) }) },
);

/** Every record of the log from `from` on, at most `max`, through readRecords (written from index `at`). */
function readAllRecords(log: PartitionLog, from: number, max: number, at: number): Plain[] {
  const out: ConsumerRecord[] = new Array(at).fill(null);
  const end = log.readRecords(from, max, 't', 0, out, at);
  expect(out.length).toBe(end);
  return out.slice(at).map(({ offset, key, value, timestamp, headers }) => ({ offset, key, value, timestamp, headers }));
}

describe('partition log columns', () => {
  it('hold the same records as a plain list through appends, batches, retention, compaction and reads', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 9000 }), fc.nat(3)), { minLength: 1, maxLength: 4 }), (steps, reads) => {
        const log = new PartitionLog();
        let model: Plain[] = [];
        let end = 0;
        let now = 0;
        let n = 0;
        const header: Headers = Object.freeze({ h: 'x' });
        for (const s of steps) {
          if (s.kind === 'append') {
            const key = s.key === null ? null : `k${s.key}`;
            const headers = s.value === null ? EMPTY_HEADERS : header;
            expect(log.append(key, s.value, headers, now)).toBe(end);
            model.push({ offset: end++, key, value: s.value, timestamp: now, headers });
          } else if (s.kind === 'batch') {
            // columns of count + 2 records, of which order picks count (all but the first two), in or against their order
            const size = s.count + 2;
            const keys = Array.from({ length: size }, (_, i) => (i % 7 === 0 ? null : `k${(n + i) % 6}`));
            const values = Array.from({ length: size }, (_, i) => ({ n: n + i }));
            const headers = Array.from({ length: size }, (_, i) => (i % 2 ? header : EMPTY_HEADERS));
            const order = Int32Array.from({ length: s.count }, (_, j) => (s.reversed ? size - 1 - j : j + 2));
            expect(log.appendBatch(keys, values, headers, order, 0, s.count, now)).toBe(end);
            for (let j = 0; j < s.count; j++) {
              const r = order[j];
              model.push({ offset: end++, key: keys[r], value: values[r], timestamp: now, headers: headers[r] });
            }
            // the journal's view of the batch: its keys, read from the columns they were written to
            expect(log.newestKeys(s.count).toArray()).toEqual(Array.from(order, (r) => keys[r]));
            n += size;
          } else if (s.kind === 'advance') {
            now += s.ms;
          } else if (s.kind === 'retention') {
            const cutoff = now - s.age;
            let i = 0;
            while (i < model.length && model[i].timestamp < cutoff) i++;
            expect(log.deleteOlderThan(cutoff)).toBe(i);
            model = model.slice(i);
          } else {
            const cutoff = now - s.age;
            const newest = new Map<string | null, number>();
            for (const r of model) newest.set(r.key, r.offset);
            const kept = model.filter((r) => newest.get(r.key) === r.offset && !(r.value === null && r.timestamp < cutoff));
            expect(log.compact(cutoff)).toBe(model.length - kept.length);
            model = kept;
          }
          expect(log.logEndOffset).toBe(end);
          expect(log.size).toBe(model.length);
        }
        for (const [from, max, at] of reads) {
          const start = end === 0 ? 0 : from % (end + 2);
          const expected = model.filter((r) => r.offset >= start).slice(0, max);
          expect(readAllRecords(log, start, max, at)).toEqual(expected);
          const visited: number[] = [];
          log.read(start, max, (seg, i) => visited.push(seg.offsetAt(i)));
          expect(visited).toEqual(expected.map((r) => r.offset));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('hand every record a producer sent to one consumer group exactly once, as sent, in order per partition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2500 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 5 }),
        (sends, partitions, polls) => {
          const broker = createBroker();
          broker.createTopic('t', { partitions });
          const producer = broker.producer();
          const sent = new Map<string, unknown>();
          let n = 0;
          for (const size of sends) {
            const records = Array.from({ length: size }, () => ({ key: n % 5 === 0 ? null : `k${n % 11}`, value: { n: n++ } }));
            const meta = producer.send('t', records);
            meta.forEach((m, i) => sent.set(`${m.partition}/${m.offset}`, records[i].value));
          }
          const consumer = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
          consumer.subscribe(['t']);
          const seen = new Map<string, unknown>();
          const lastOffset = new Map<number, number>();
          for (let k = 0, empty = 0; empty < 2; k++) {
            const batch = consumer.poll({ maxRecords: polls[k % polls.length] });
            expect(batch.length).toBeLessThanOrEqual(polls[k % polls.length]);
            empty = batch.length === 0 ? empty + 1 : 0;
            for (const r of batch) {
              const id = `${r.partition}/${r.offset}`;
              if (seen.has(id)) throw new Error(`${id} delivered twice`);
              if (r.offset <= (lastOffset.get(r.partition) ?? -1)) throw new Error(`${id} came after offset ${lastOffset.get(r.partition)}`);
              lastOffset.set(r.partition, r.offset);
              seen.set(id, r.value);
            }
          }
          expect(seen).toEqual(sent);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('grow a partition segment by segment: a small topic holds a small segment, a large one segments of the largest size', () => {
    const log = new PartitionLog();
    log.append('k', 0, EMPTY_HEADERS, 0);
    expect(log.segments.map((s) => s.capacity)).toEqual([MIN_SEGMENT_CAPACITY]);
    const n = SEGMENT_CAPACITY * 3;
    for (let i = 1; i < n; i++) log.append('k', i, EMPTY_HEADERS, 0);
    const capacities = log.segments.map((s) => s.capacity);
    // each segment doubles the one before until the largest size, which the rest keep
    capacities.forEach((c, i) => expect(c).toBe(i === 0 ? MIN_SEGMENT_CAPACITY : Math.min(SEGMENT_CAPACITY, capacities[i - 1] * 2)));
    expect(capacities.at(-1)).toBe(SEGMENT_CAPACITY);
    expect(capacities.reduce((a, b) => a + b, 0) - n).toBeLessThan(SEGMENT_CAPACITY);
    expect(readAllRecords(log, 0, n, 0).map((r) => r.value)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('journal every batch with the keys it wrote, in order, across segments, retention, compaction and a lost acknowledgement', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ size: fc.integer({ min: 1, max: 9000 }), lostAck: fc.boolean(), then: fc.constantFrom('nothing', 'retention', 'compaction', 'list') }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 4 }),
        (sends, partitions) => {
          const broker = createBroker();
          broker.createTopic('t', { partitions, cleanupPolicy: 'compact,delete', retentionMs: 5 });
          const producer = broker.producer();
          let n = 0;
          const sent: (string | null)[][] = []; // the keys each partition got, in offset order
          for (let p = 0; p < partitions; p++) sent.push([]);
          for (const { size, lostAck, then } of sends) {
            const records = Array.from({ length: size }, () => ({ key: `key-${n++ % 101}`, value: n++ }));
            const meta = producer.send('t', records, lostAck ? { fault: 'lost-ack' } : {});
            // per partition, in the order given; a lost acknowledgement writes the same batch once more
            const byPartition = new Map<number, (string | null)[]>();
            meta.forEach((m, i) => byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), records[i].key]));
            for (const [p, keys] of byPartition) for (let copy = 0; copy < (lostAck ? 2 : 1); copy++) sent[p].push(...keys);
            broker.clock.advance(3);
            if (then === 'retention') broker.tick();
            else if (then === 'compaction') broker.compact('t');
            else if (then === 'list') broker.journal();
          }
          const entries = broker.journal().filter((e) => e.type === 'produce');
          expect(entries.length).toBeGreaterThan(0);
          for (const e of entries) {
            if (e.type !== 'produce') continue;
            expect(Array.isArray(e.keys)).toBe(true);
            expect(e.keys).toEqual(sent[e.partition].slice(e.baseOffset, e.baseOffset + e.count));
            expect(JSON.parse(JSON.stringify(e))).toEqual(e); // plain data
          }
          // listed again: the same entries, the same keys
          expect(broker.journal().filter((e) => e.type === 'produce')).toEqual(entries);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('keep no headers column in a segment until a record with headers comes, and give every record its own headers', () => {
    const log = new PartitionLog();
    const header: Headers = Object.freeze({ h: 'x' });
    for (let i = 0; i < 10; i++) log.append('k', i, EMPTY_HEADERS, 0);
    expect(log.segments[0].headers).toBeNull();
    log.append('k', 10, header, 0);
    log.append('k', 11, EMPTY_HEADERS, 0);
    expect(log.segments[0].headers).not.toBeNull();
    expect(readAllRecords(log, 0, 12, 0).map((r) => r.headers)).toEqual([...Array.from({ length: 10 }, () => EMPTY_HEADERS), header, EMPTY_HEADERS]);
  });

  it('keep one timestamp per run of equal times: a producer’s batch is one run, a record at a new time starts another', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 1 });
    const producer = broker.producer();
    for (let send = 0; send < 3; send++) {
      producer.send('t', Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: i }))); // all in the first segment
      broker.clock.advance(7);
    }
    const log = broker.topics.get('t')!.logs[0];
    expect(log.segments.flatMap((s) => s.runTimes)).toEqual([0, 7, 14]);
    expect(broker.read('t', 0, { maxRecords: 300 }).map((r) => r.timestamp)).toEqual([...Array(50).fill(0), ...Array(50).fill(7), ...Array(50).fill(14)]);
  });
});
