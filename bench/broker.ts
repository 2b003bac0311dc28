// Broker benchmark: `npm run bench -- broker`. Prints a table, then one JSON line with
// produce_per_s, consume_per_s (one group, 3 consumers, 6 partitions, 1,000,000 records; medians of three
// rounds after one uncounted warm-up round),
// relay_events_per_s (store append → relay → topic → consumer with inbox → projection) and
// describe_us with 1,000,000 records stored; then where produce and consume spend their time (a CPU
// profile) and what the garbage collector does inside them (V8's GC trace, in a child process).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { createBroker, createRelay, eventIdOf, type Broker, type ProducerRecord } from '../electron/engine/broker';
import { createSqliteInbox } from '../electron/engine/broker/sqlite';
import { migrate, openDatabase } from '../electron/engine/sqlite';
import { openEventStore } from '../electron/engine/store';
import { BATCH, PARTITIONS, RECORDS, benchBroker, benchConsumers, consumeAll, inputBatches, orderText, produceAll } from './lib/brokerWorkload';
import { breakdownLines, fn, profile, type Breakdown } from './lib/profile';

const RELAY_EVENTS = 50_000;
const ROUNDS = 3;

/** Every GC pause of this process (start on performance.now()'s clock, duration in ms), to split phases by. */
const gcPauses: { start: number; ms: number; minor: boolean }[] = [];
new PerformanceObserver((list) => {
  // detail.kind 1 is a scavenge (young generation); the others mark or compact the old generation.
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, ms: e.duration, minor: (e as { detail?: { kind?: number } }).detail?.kind === 1 });
}).observe({ entryTypes: ['gc'] });

/** A phase: wall ms, CPU ms of this process, and its window for attributing GC pauses afterwards. */
interface Phase {
  wallMs: number;
  cpuMs: number;
  from: number;
  to: number;
}

function measure(f: () => void): Phase {
  const c0 = process.cpuUsage();
  const from = performance.now();
  f();
  const to = performance.now();
  const c = process.cpuUsage(c0);
  return { wallMs: to - from, cpuMs: (c.user + c.system) / 1000, from, to };
}

/** GC pause ms inside the phases' windows (read after an await, once the entries were delivered). */
function gcMsIn(phases: Phase[]): number {
  let ms = 0;
  for (const g of gcPauses) if (phases.some((p) => g.start >= p.from && g.start < p.to)) ms += g.ms;
  return ms;
}

/** GC pauses inside the phases' windows by kind, per round: how many scavenges and old-generation pauses, and their ms. */
function gcKindsIn(phases: Phase[]): { scavenges: number; scavenge_ms: number; old_generation: number; old_generation_ms: number } {
  const inside = gcPauses.filter((g) => phases.some((p) => g.start >= p.from && g.start < p.to));
  const minor = inside.filter((g) => g.minor);
  const major = inside.filter((g) => !g.minor);
  const per = (x: number) => Math.round((x / phases.length) * 10) / 10;
  return {
    scavenges: per(minor.length),
    scavenge_ms: per(minor.reduce((a, g) => a + g.ms, 0)),
    old_generation: per(major.length),
    old_generation_ms: per(major.reduce((a, g) => a + g.ms, 0)),
  };
}

/**
 * What the API itself demands per record, measured in the same run as a floor: the produce side
 * returns one metadata object per record (here made in arrays of 1000 and stored into preallocated
 * columns, as a log would), the consume side returns one record object per record (here made in
 * arrays of 500 from such columns). No validation, partitioning, groups or journal.
 */
function allocationFloor(): { producePerCpuS: number; consumePerCpuS: number } {
  const keys = new Array<string | null>(RECORDS);
  const values = new Array<unknown>(RECORDS);
  const timestamps = new Array<number>(RECORDS).fill(0); // as the log keeps them: a plain array (a typed array would box each read)
  const inputKeys = Array.from({ length: BATCH }, (_, i) => `order-${i}`);
  const inputValues = Array.from({ length: BATCH }, (_, i) => `{"n":${i}}`);
  let sink = 0;
  const produced = measure(() => {
    for (let n = 0; n < RECORDS; n += BATCH) {
      const out = new Array(BATCH);
      for (let i = 0; i < BATCH; i++) {
        keys[n + i] = inputKeys[i];
        values[n + i] = inputValues[i];
        timestamps[n + i] = 0;
        out[i] = { topic: 'orders', partition: i % PARTITIONS, offset: n + i, timestamp: 0 };
      }
      sink += out.length;
    }
  });
  const consumed = measure(() => {
    for (let n = 0; n < RECORDS; n += 500) {
      const out = new Array(500);
      for (let i = 0; i < 500; i++) {
        const j = n + i;
        out[i] = { topic: 'orders', partition: 0, offset: j, key: keys[j], value: values[j], timestamp: timestamps[j], headers: EMPTY };
      }
      for (let i = 0; i < out.length; i++) sink ^= out[i].offset; // as consumeAll reads them
    }
  });
  if (!Number.isInteger(sink)) throw new Error('unreachable');
  return { producePerCpuS: Math.round(RECORDS / (produced.cpuMs / 1000)), consumePerCpuS: Math.round(RECORDS / (consumed.cpuMs / 1000)) };
}
const EMPTY = Object.freeze({});

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function records(count: number, value: (i: number) => unknown): ProducerRecord[] {
  return Array.from({ length: count }, (_, i) => ({ key: `order-${i % 10_000}`, value: value(i) }));
}

function produce(value: (i: number) => unknown) {
  const broker = benchBroker();
  const batches = inputBatches(value);
  const phase = measure(() => produceAll(broker, batches));
  return { broker, perS: Math.round(RECORDS / (phase.wallMs / 1000)), phase };
}

function consume(broker: Broker) {
  const consumers = benchConsumers(broker);
  let got = { total: 0, sink: 0 };
  const phase = measure(() => {
    got = consumeAll(consumers);
  });
  if (got.total !== RECORDS || !Number.isInteger(got.sink)) throw new Error(`consumed ${got.total} of ${RECORDS}`);
  return { perS: Math.round(RECORDS / (phase.wallMs / 1000)), phase };
}

function describeMicros(broker: ReturnType<typeof createBroker>) {
  for (let i = 0; i < 2000; i++) broker.describe();
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) broker.describe();
  return Math.round(((performance.now() - t0) * 1000) / n * 10) / 10;
}

function singleSends() {
  const broker = createBroker({ journalLimit: 10_000 });
  broker.createTopic('orders', { partitions: PARTITIONS });
  const p = broker.producer({ idempotent: true });
  const n = 200_000;
  const list = records(n, (i) => `{"n":${i}}`);
  const t0 = performance.now();
  for (const r of list) p.send('orders', r);
  return Math.round(n / ((performance.now() - t0) / 1000));
}

function relay(dir: string) {
  const store = openEventStore({ path: path.join(dir, 'events.db') });
  const db = openDatabase(path.join(dir, 'projection.db'));
  migrate(db, 'bench-projection', ['CREATE TABLE totals (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL, amount INTEGER NOT NULL)']);
  const inbox = createSqliteInbox(db, 'totals');
  const upsert = db.prepare(
    'INSERT INTO totals (stream_id, events, amount) VALUES (?, 1, ?) ON CONFLICT(stream_id) DO UPDATE SET events = events + 1, amount = amount + excluded.amount',
  );
  const broker = createBroker({ journalLimit: 10_000 });
  broker.createTopic('events', { partitions: PARTITIONS });
  const r = createRelay(broker, { source: store, topic: 'events', batchSize: 2000 });
  const consumer = broker.consumer({ groupId: 'projection', autoOffsetReset: 'earliest' });
  consumer.subscribe(['events']);
  const drain = () => {
    for (let batch = consumer.poll({ maxRecords: 5000 }); batch.length > 0; batch = consumer.poll({ maxRecords: 5000 })) {
      inbox.processBatch(batch, eventIdOf, (rec) => {
        const v = rec.value as { streamId: string; data: { amount: number } };
        upsert.run(v.streamId, v.data.amount);
      });
      consumer.commit();
    }
  };
  const perAppend = 100;
  // wall and CPU time per stage: the store's append is not the broker's cost, so it is shown apart
  const wall = { append: 0, relay: 0, consume: 0 };
  const cpu = { append: 0, relay: 0, consume: 0 };
  const timed = (stage: keyof typeof wall, f: () => unknown) => {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    f();
    wall[stage] += performance.now() - w0;
    const c = process.cpuUsage(c0);
    cpu[stage] += (c.user + c.system) / 1000;
  };
  for (let i = 0; i < RELAY_EVENTS; i += perAppend) {
    timed('append', () =>
      store.appendToStream(
        `account-${(i / perAppend) % 500}`,
        Array.from({ length: perAppend }, (_, j) => ({ type: 'Deposited', data: { amount: 1 + ((i + j) % 7) } })),
      ),
    );
    if ((i / perAppend) % 50 === 49) {
      timed('relay', () => r.runUntilCaughtUp());
      timed('consume', drain);
    }
  }
  timed('relay', () => r.runUntilCaughtUp());
  timed('consume', drain);
  const ms = wall.append + wall.relay + wall.consume;
  const cpuMs = cpu.append + cpu.relay + cpu.consume;
  const check = db.prepare('SELECT SUM(events) AS n FROM totals').get() as { n: number };
  if (check.n !== RELAY_EVENTS) throw new Error(`projection saw ${check.n} of ${RELAY_EVENTS}`);
  store.close();
  db.close();
  const rate = (n: number) => Math.round(RELAY_EVENTS / (n / 1000));
  return {
    wall: rate(ms),
    cpu: rate(cpuMs),
    withoutAppendWall: rate(wall.relay + wall.consume),
    stageCpuMs: { append: Math.round(cpu.append), relay: Math.round(cpu.relay), consume_inbox: Math.round(cpu.consume) },
  };
}

/**
 * The inspector files the gap between Profiler.start and its first sample under its own dispatch
 * (one sample carrying the whole gap, often longer than the workload under load): not the workload,
 * so it is left out of the shares and reported apart.
 */
const START_GAP = 'the profiler’s start-up gap';

/** The breakdown without the start-up gap: shares of the workload's own samples, and the gap's ms. */
function workloadOnly(b: Breakdown): { breakdown: Breakdown; gapMs: number } {
  const gap = b.shares.find((x) => x.label === START_GAP)?.ms ?? 0;
  const total = b.totalMs - gap;
  const shares = b.shares.filter((x) => x.label !== START_GAP).map((x) => ({ ...x, percent: total > 0 ? Math.round((x.ms / total) * 1000) / 10 : 0 }));
  return { breakdown: { totalMs: total, shares, topOther: b.topOther }, gapMs: gap };
}

/** A group matching any of the given tests. */
const anyOf =
  (...tests: ((name: string, url: string) => boolean)[]) =>
  (name: string, url: string): boolean =>
    tests.some((t) => t(name, url));

/**
 * CPU profiles of one produce and one consume round, grouped by what the time was spent on. A
 * function V8 inlined into its caller counts for the caller (most of the validation runs inside
 * sendWith, most of the record-making inside poll), so the groups are what the profile can tell apart.
 */
async function profiles(): Promise<{ produce: Breakdown; consume: Breakdown; gapMs: number }> {
  const broker = benchBroker();
  const batches = inputBatches(orderText);
  const produce = workloadOnly(
    await profile(() => produceAll(broker, batches), [
      ['validating records (prepare, freeze)', fn(['prepare', 'freezeValue', 'freezeHeaders'])],
      ['choosing partitions (murmur2 of the key)', fn(['partitionForKey', 'murmur2', 'murmur2Chars', 'encodeUtf8', 'murmur2Bytes'])],
      ['making segment columns (new 16,384-slot arrays)', fn(['Segment', 'tail'], 'log.ts')],
      ['writing the log columns', fn(['appendBatch'], 'log.ts')],
      ['journal entries', anyOf(fn(['record'], 'broker.ts'), fn(['add'], 'journal.ts'), fn(['newestKeys'], 'log.ts'))],
      ['the returned metadata objects, grouping per partition', fn(['deliver', 'sendWith', 'sendInternal', 'send'], 'producer.ts')],
      ['garbage collection', fn(['(garbage collector)'])],
      ['the bench’s loop, with the send code V8 inlined into it', fn(['produceAll'], 'brokerWorkload.ts')],
      [START_GAP, fn(['dispatch'])],
    ]),
  );
  const consumers = benchConsumers(broker);
  let sink = 0;
  const consume = workloadOnly(
    await profile(() => {
      sink ^= consumeAll(consumers).sink;
    }, [
      ['making the record objects from the columns', fn(['readRecords'], 'log.ts')],
      ['journal entries', anyOf(fn(['record'], 'broker.ts'), fn(['add'], 'journal.ts'))],
      ['poll and commit bookkeeping (group, positions)', fn(['poll', 'commit', 'commitPositions', 'commitOffsets', 'maintain', 'resetPosition', 'ensureUsable'])],
      ['garbage collection', fn(['(garbage collector)'])],
      ['the bench’s loop, with the poll code V8 inlined into it (the record objects, mostly)', fn(['consumeAll'], 'brokerWorkload.ts')],
      [START_GAP, fn(['dispatch'])],
    ]),
  );
  if (!Number.isInteger(sink)) throw new Error('unreachable');
  return { produce: produce.breakdown, consume: consume.breakdown, gapMs: produce.gapMs + consume.gapMs };
}

/** What V8's collector did inside one phase, per record: bytes allocated, surviving a scavenge, promoted. */
interface GcTrace {
  scavenges: number;
  mark_compacts: number;
  pause_ms: number;
  allocated_bytes_per_record: number;
  survived_bytes_per_record: number;
  promoted_bytes_per_record: number;
  /** Where the scavenges' main-thread time went, ms per scavenge (V8's own scopes, --trace-gc-nvp). */
  scavenge: ScavengeBreakdown;
}

/**
 * One scavenge's main-thread time, split as V8 itemises it: roots (stack, handles), the parallel
 * phase (copying survivors and scanning the old-to-new remembered set, shared with a helper thread)
 * and the rest of its `scavenge` scope, which V8 does not itemise: a perf profile of this bench puts
 * nearly all of it in ScavengerCollector::CollectGarbage's walk over every old-generation page
 * (looking for pages with remembered sets), so it grows with the heap, not with what survives.
 */
interface ScavengeBreakdown {
  ms: number;
  roots_ms: number;
  parallel_ms: number;
  page_walk_and_rest_ms: number;
  /** Heap size before the scavenge (mean), MB, and that in V8's 256 KiB pages. */
  heap_mb: number;
  heap_pages: number;
}

/**
 * Runs bench/lib/brokerGcTrace.ts under --trace-gc-nvp (one line per collection, with what it found)
 * and adds up the lines inside each phase of its second round. "promoted" includes large objects
 * moved to the old generation as whole pages (not copied); "survived" was copied within the young one.
 */
function gcTraceByPhase(): Record<'produce' | 'consume', GcTrace> | null {
  const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib/brokerGcTrace.ts');
  const run = spawnSync(process.execPath, ['--trace-gc-nvp', '--import', 'tsx', child], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) return null;
  const sums = { produce: new Map<string, number>(), consume: new Map<string, number>() };
  let phase: 'produce' | 'consume' | null = null;
  for (const line of run.stdout.split('\n')) {
    const marker = /^phase (produce|consume|end) (\d+)$/.exec(line);
    if (marker) {
      phase = marker[2] === '1' && marker[1] !== 'end' ? (marker[1] as 'produce' | 'consume') : null;
      continue;
    }
    if (phase === null || !line.includes(' gc=')) continue;
    const fields = new Map(line.split(' ').filter((f) => f.includes('=')).map((f) => f.split('=') as [string, string]));
    const add = (k: string, v: number) => sums[phase as 'produce' | 'consume'].set(k, (sums[phase as 'produce' | 'consume'].get(k) ?? 0) + v);
    const scavenge = fields.get('gc') === 's';
    add(scavenge ? 'scavenges' : 'mark_compacts', 1);
    for (const k of ['pause', 'allocated', 'new_space_survived', 'promoted']) add(k, Number(fields.get(k) ?? 0));
    if (scavenge) {
      for (const k of ['scavenge', 'scavenge.roots', 'scavenge.parallel', 'total_size_before']) add(`s:${k}`, Number(fields.get(k) ?? 0));
    }
  }
  const per = (m: Map<string, number>): GcTrace => {
    const n = Math.max(1, m.get('scavenges') ?? 0);
    const each = (k: string) => Math.round(((m.get(`s:${k}`) ?? 0) / n) * 100) / 100;
    const heapMb = (m.get('s:total_size_before') ?? 0) / n / (1024 * 1024);
    return {
      scavenges: m.get('scavenges') ?? 0,
      mark_compacts: m.get('mark_compacts') ?? 0,
      pause_ms: Math.round(m.get('pause') ?? 0),
      allocated_bytes_per_record: Math.round((m.get('allocated') ?? 0) / RECORDS),
      survived_bytes_per_record: Math.round(((m.get('new_space_survived') ?? 0) / RECORDS) * 10) / 10,
      promoted_bytes_per_record: Math.round(((m.get('promoted') ?? 0) / RECORDS) * 10) / 10,
      scavenge: {
        ms: each('scavenge'),
        roots_ms: each('scavenge.roots'),
        parallel_ms: each('scavenge.parallel'),
        page_walk_and_rest_ms: Math.round((each('scavenge') - each('scavenge.roots') - each('scavenge.parallel')) * 100) / 100,
        heap_mb: Math.round(heapMb),
        heap_pages: Math.round(heapMb * 4),
      },
    };
  };
  return { produce: per(sums.produce), consume: per(sums.consume) };
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-bench-'));
  const loadBefore = Math.round(os.loadavg()[0] * 100) / 100;
  try {
    // Median of three rounds: the machine may be shared, one slow round should not decide. Before
    // them one warm-up round of the same work, not counted (its rates are printed): V8 compiles the
    // hot paths during it, and the first round's end (the first empty polls, the journal's first
    // compaction) takes paths that had no type feedback yet, so V8 throws away the optimised poll
    // and compiles it again during the next round; measured, that round ran about half as fast.
    const produced: number[] = [];
    const consumed: number[] = [];
    const producePhases: Phase[] = [];
    const consumePhases: Phase[] = [];
    const warmUp = { produce: 0, consume: 0 };
    let lastBroker: ReturnType<typeof createBroker> | null = null;
    for (let round = -1; round < ROUNDS; round++) {
      lastBroker = null; // let the previous million records go before building the next
      const strings = produce(orderText);
      const c = consume(strings.broker);
      if (round < 0) {
        warmUp.produce = strings.perS;
        warmUp.consume = c.perS;
        continue;
      }
      produced.push(strings.perS);
      producePhases.push(strings.phase);
      consumed.push(c.perS);
      consumePhases.push(c.phase);
      lastBroker = strings.broker;
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // GC entries arrive asynchronously (a timer later, not an immediate)
    const produce_per_s = median(produced);
    const consume_per_s = median(consumed);
    const produce_per_cpu_s = median(producePhases.map((p) => Math.round(RECORDS / (p.cpuMs / 1000))));
    const consume_per_cpu_s = median(consumePhases.map((p) => Math.round(RECORDS / (p.cpuMs / 1000))));
    const sum = (phases: Phase[], k: 'wallMs' | 'cpuMs') => phases.reduce((a, p) => a + p[k], 0);
    // Share of the phases' wall time spent in GC pauses (all rounds): what the allocation per record costs.
    const produce_gc_share = Math.round((gcMsIn(producePhases) / sum(producePhases, 'wallMs')) * 1000) / 10;
    const consume_gc_share = Math.round((gcMsIn(consumePhases) / sum(consumePhases, 'wallMs')) * 1000) / 10;
    const produce_gc = gcKindsIn(producePhases);
    const consume_gc = gcKindsIn(consumePhases);
    const floors = [allocationFloor(), allocationFloor(), allocationFloor()];
    const floor_produce_per_cpu_s = median(floors.map((f) => f.producePerCpuS));
    const floor_consume_per_cpu_s = median(floors.map((f) => f.consumePerCpuS));
    const describe_us = describeMicros(lastBroker as ReturnType<typeof createBroker>);
    lastBroker = null;
    const objects = produce((i) => ({ orderId: `order-${i % 10_000}`, amount: i % 100 }));
    const produce_object_values_per_s = objects.perS;
    const produce_single_send_per_s = singleSends();
    const relayed = relay(dir);
    const relay_events_per_s = relayed.wall;
    const prof = await profiles();
    const gcTrace = gcTraceByPhase();
    const load_average = Math.round(os.loadavg()[0] * 100) / 100;
    const result = {
      produce_per_s,
      consume_per_s,
      produce_per_cpu_s,
      consume_per_cpu_s,
      // every measured round, and the uncounted warm-up round before them
      produce_rounds_per_s: produced,
      consume_rounds_per_s: consumed,
      warm_up_round_per_s: warmUp,
      produce_gc_percent: produce_gc_share,
      consume_gc_percent: consume_gc_share,
      // GC pauses per round by kind (scavenges of the young generation, pauses of the old one)
      produce_gc,
      consume_gc,
      // the floor: only the objects the API returns, made in a plain loop (allocationFloor)
      floor_produce_per_cpu_s,
      floor_consume_per_cpu_s,
      relay_events_per_s,
      describe_us,
      produce_object_values_per_s,
      produce_single_send_per_s,
      relay_events_per_cpu_s: relayed.cpu,
      relay_without_append_events_per_s: relayed.withoutAppendWall,
      relay_stage_cpu_ms: relayed.stageCpuMs,
      load_average,
      load_average_before: loadBefore,
      profile_produce: prof.produce,
      profile_consume: prof.consume,
      profiler_start_gap_ms: prof.gapMs,
      gc_trace: gcTrace,
      cpus: os.cpus().length,
    };
    const rows: [string, string, string][] = [
      ['produce, 1,000,000 keyed records in sends of 1000 (string values, median of 3), records/s', fmt(produce_per_s), check(produce_per_s >= 5_000_000, '≥ 5,000,000 (issue #18)')],
      ['  same, records per second of this process’s CPU time', fmt(produce_per_cpu_s), check(produce_per_cpu_s >= 5_000_000, '≥ 5,000,000 by CPU time')],
      ['  the rounds, records/s (the warm-up round first, not counted)', [warmUp.produce, ...produced].map(fmt).join(' / '), ''],
      ['  share of the produce time spent in GC pauses (all rounds), %', String(produce_gc_share), ''],
      ['  GC pauses per round: scavenges (ms) / old-generation pauses (ms)', `${produce_gc.scavenges} (${produce_gc.scavenge_ms}) / ${produce_gc.old_generation} (${produce_gc.old_generation_ms})`, ''],
      ['  floor: a plain loop making one metadata object per record and storing the record in columns, per CPU second', fmt(floor_produce_per_cpu_s), ''],
      ['  same with object values (validated, deep-frozen copies), records/s', fmt(produce_object_values_per_s), ''],
      ['  one record per send, idempotent producer, records/s', fmt(produce_single_send_per_s), ''],
      ['consume, 1 group × 3 consumers, 6 partitions, poll 500 + commit (median of 3), records/s', fmt(consume_per_s), check(consume_per_s >= 20_000_000, '≥ 20,000,000 (issue #18)')],
      ['  same, records per second of this process’s CPU time', fmt(consume_per_cpu_s), check(consume_per_cpu_s >= 20_000_000, '≥ 20,000,000 by CPU time')],
      ['  the rounds, records/s (the warm-up round first, not counted)', [warmUp.consume, ...consumed].map(fmt).join(' / '), ''],
      ['  share of the consume time spent in GC pauses (all rounds), %', String(consume_gc_share), ''],
      ['  GC pauses per round: scavenges (ms) / old-generation pauses (ms)', `${consume_gc.scavenges} (${consume_gc.scavenge_ms}) / ${consume_gc.old_generation} (${consume_gc.old_generation_ms})`, ''],
      ['  floor: a plain loop making one record object per record from columns, per CPU second', fmt(floor_consume_per_cpu_s), ''],
      ['relay: append (100/append) → relay (2000/round) → topic → consumer (polls of 5000) + SQLite inbox → projection, events/s', fmt(relay_events_per_s), check(relay_events_per_s >= 50_000, '≥ 50,000')],
      ['  same, events per second of this process’s CPU time (less sensitive to a busy machine)', fmt(relayed.cpu), ''],
      ['  relay + consumer + inbox + projection only (the store’s append not counted), events/s', fmt(relayed.withoutAppendWall), ''],
      [`  CPU ms per stage for ${fmt(RELAY_EVENTS)} events: append / relay / consume+inbox`, `${relayed.stageCpuMs.append} / ${relayed.stageCpuMs.relay} / ${relayed.stageCpuMs.consume_inbox}`, ''],
      ['describe() with 1,000,000 records stored, µs', String(describe_us), check(describe_us <= 200, '≤ 200')],
    ];
    const w = Math.max(...rows.map((x) => x[0].length));
    const v = Math.max(...rows.map((x) => x[1].length));
    console.log(`Broker benchmark (load average ${loadBefore} → ${load_average} on ${os.cpus().length} CPUs)\n`);
    for (const [name, value, target] of rows) console.log(`${name.padEnd(w)}  ${value.padStart(v)}  ${target}`);
    console.log('');
    console.log('(functions V8 inlined count for their caller: see profiles() in bench/broker.ts)');
    for (const l of breakdownLines('Where a produce round spends its time', prof.produce)) console.log(l);
    for (const l of breakdownLines('Where a consume round spends its time', prof.consume)) console.log(l);
    console.log(`  (left out of both: ${fmt(prof.gapMs)} ms the inspector files under its dispatch between starting the profiler and its first sample)`);
    if (gcTrace) {
      console.log(`What the garbage collector does inside a warm round (V8's --trace-gc-nvp, a child process), per record:`);
      for (const [name, g] of [['produce', gcTrace.produce], ['consume', gcTrace.consume]] as const) {
        console.log(
          `  ${name}: ${g.allocated_bytes_per_record} B allocated, ${g.survived_bytes_per_record} B copied by scavenges, ${g.promoted_bytes_per_record} B promoted (large objects moved whole); ${g.scavenges} scavenges, ${g.mark_compacts} mark-compacts, ${g.pause_ms} ms of pauses`,
        );
        const sc = g.scavenge;
        console.log(
          `    one scavenge, main thread: ${sc.ms} ms = roots ${sc.roots_ms} + copying survivors and the remembered set ${sc.parallel_ms} + the walk over every old-generation page and the rest ${sc.page_walk_and_rest_ms} (heap ${sc.heap_mb} MB ≈ ${fmt(sc.heap_pages)} pages)`,
        );
      }
    } else console.log('GC trace: the child process failed');
    console.log('');
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function check(ok: boolean, target: string): string {
  return `${ok ? 'ok' : 'MISSED'} (target ${target})`;
}
