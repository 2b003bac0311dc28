// Kafka port benchmark: `npm run bench -- kafka-port`. One kafkajs producer (batches of 1,000
// records of 100 bytes, acks=all) and one kafkajs consumer through the port on 127.0.0.1, the
// produce → fetch round trip of single records (p50/p99), and beside them the in-app broker's direct
// API on the same workload as the baseline. The client runs twice: as its own process (as a student's
// program does: client and broker each get a core; the targets are read here) and inside the bench's
// own process (client and port share one core and one heap: kafkajs's encoding is then most of the
// time). The port's CPU profile shows where its own share goes. Prints a table, then one JSON line.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBroker, type Broker, type Clock } from '../electron/engine/broker';
import { openKafkaPort } from '../electron/engine/kafka-port';
import { runKafkajsClient } from './lib/kafkajsClient';
import { breakdownLines, type Breakdown } from './lib/profile';
import { Session } from 'node:inspector/promises';

const RECORDS = 200_000;
const BATCH = 1000;
const PARTITIONS = 6;
const VALUE_BYTES = 100;
const TARGETS = { produce_per_s: 50_000, consume_per_s: 100_000, roundtrip_p50_ms: 5 };
const here = path.dirname(fileURLToPath(import.meta.url));

const value = (i: number) => `${String(i).padStart(10, '0')}-${'x'.repeat(VALUE_BYTES - 11)}`;
const key = (i: number) => `key-${i % 10_000}`;

type ClientFigures = Awaited<ReturnType<typeof runKafkajsClient>> & { client_cpu_s?: number };

function newBroker(): Broker<Clock> {
  const broker = createBroker({ clock: { now: () => Date.now() }, journalLimit: 10_000 }) as Broker<Clock>;
  broker.createTopic('bench', { partitions: PARTITIONS });
  broker.createTopic('latency', { partitions: 1 });
  return broker;
}

/** The kafkajs client in a child process against a port in this one; also the port's CPU time and profile. */
async function separateProcess(): Promise<{ figures: ClientFigures; portCpuS: number; profile: Breakdown }> {
  const broker = newBroker();
  const port = await openKafkaPort({ broker, port: 0 });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const cpu = process.cpuUsage();
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'lib/kafkajsClient.ts'), String(port.port), String(RECORDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`kafkajs client exited with ${code}`))));
    });
    const used = process.cpuUsage(cpu);
    const { profile: p } = (await session.post('Profiler.stop')) as unknown as { profile: Parameters<typeof portBreakdown>[0] };
    return { figures: JSON.parse(out.trim().split('\n').pop()!) as ClientFigures, portCpuS: (used.user + used.system) / 1e6, profile: portBreakdown(p) };
  } finally {
    session.disconnect();
    await port.close();
  }
}

/** Self time of the port process by file: kafka-port/<file>, broker, GC, Node's sockets and the rest. */
function portBreakdown(p: { nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[]; samples: number[]; timeDeltas: number[] }): Breakdown {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number): string | null => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { url, functionName } = (byId.get(cur) as (typeof p.nodes)[number]).callFrame;
      if (functionName === '(idle)' || functionName === '(program)') return null;
      if (functionName === '(garbage collector)') return 'garbage collection';
      const m = /kafka-port\/(\w+)\.ts$/.exec(url);
      if (m) return `port: ${m[1]}.ts`;
      if (/engine\/broker\//.test(url)) return 'broker (logs, journal)';
    }
    return 'Node (sockets, buffers, timers) and the rest';
  };
  const ms = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const l = label(p.samples[i]);
    if (l === null) continue;
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    ms.set(l, (ms.get(l) ?? 0) + dt);
  }
  const shares = [...ms].sort((a, b) => b[1] - a[1]).map(([l, t]) => ({ label: l, ms: Math.round(t), percent: Math.round((t / total) * 1000) / 10 }));
  return { totalMs: Math.round(total), shares, topOther: [] };
}

/** The kafkajs client and the port in this one process (one core, one heap). */
async function sameProcess(): Promise<ClientFigures> {
  const broker = newBroker();
  const port = await openKafkaPort({ broker, port: 0 });
  try {
    return await runKafkajsClient(port.port, RECORDS);
  } finally {
    await port.close();
  }
}

function direct() {
  const broker = newBroker();
  const batches = Array.from({ length: RECORDS / BATCH }, (_, b) => Array.from({ length: BATCH }, (_, j) => ({ key: key(b * BATCH + j), value: value(b * BATCH + j) })));
  const p = broker.producer();
  const t0 = performance.now();
  for (const b of batches) p.send('bench', b);
  const produceMs = performance.now() - t0;
  const c = broker.consumer({ groupId: 'bench-reader', autoOffsetReset: 'earliest' });
  c.subscribe(['bench']);
  let seen = 0;
  const c0 = performance.now();
  while (seen < RECORDS) {
    seen += c.poll({ maxRecords: 5000 }).length;
    c.commit();
  }
  const consumeMs = performance.now() - c0;
  return { produce_per_s: Math.round(RECORDS / (produceMs / 1000)), consume_per_s: Math.round(RECORDS / (consumeMs / 1000)) };
}

/**
 * The ceiling kafkajs itself sets: CPU time its producer spends encoding the bench's produce requests
 * (partitioning, record batches, CRC, framing) with no socket and no broker at all, in records per
 * CPU-second of this process. A producer that awaits each send cannot go faster than this, whatever
 * the broker costs. Uses kafkajs's own protocol modules, the ones its producer calls.
 */
async function kafkajsEncodeCeiling(): Promise<number> {
  const require = createRequire(import.meta.url);
  // kafkajs's internal modules have no type declarations: typed here by the calls made.
  type Msg = { key: string; value: string };
  const produceRequest = require('kafkajs/src/protocol/requests/produce/v3/request.js') as (a: {
    acks: number;
    timeout: number;
    topicData: { topic: string; partitions: { partition: number; firstSequence: number; messages: Msg[] }[] }[];
  }) => { encode(): Promise<{ size(): number }> };
  const group = require('kafkajs/src/producer/groupMessagesPerPartition.js') as (a: { topic: string; partitionMetadata: unknown[]; messages: Msg[]; partitioner: unknown }) => Record<string, Msg[]>;
  const partitioner = (require('kafkajs/src/producer/partitioners/default/index.js') as () => unknown)();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, i) => ({ partitionId: i, leader: 0 }));
  const batches = Array.from({ length: RECORDS / BATCH / 4 }, (_, b) => Array.from({ length: BATCH }, (_, j) => ({ key: key(b * BATCH + j), value: value(b * BATCH + j) })));
  const rates: number[] = [];
  for (let round = 0; round < 3; round++) {
    const cpu = process.cpuUsage();
    for (const messages of batches) {
      const grouped = group({ topic: 'bench', partitionMetadata, messages, partitioner });
      const partitions = Object.keys(grouped).map((p) => ({ partition: Number(p), firstSequence: 0, messages: grouped[p] }));
      const encoded = await produceRequest({ acks: -1, timeout: 30_000, topicData: [{ topic: 'bench', partitions }] }).encode();
      if (encoded.size() < BATCH * VALUE_BYTES) throw new Error('kafkajs encoded less than the records');
    }
    const used = process.cpuUsage(cpu);
    rates.push(Math.round((batches.length * BATCH) / ((used.user + used.system) / 1e6)));
  }
  return rates.sort((a, b) => a - b)[1];
}

export async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0];
  const apart = await separateProcess();
  const port = apart.figures;
  const together = await sameProcess();
  const base = direct();
  const ceiling = await kafkajsEncodeCeiling();
  const pass = (ok: boolean) => (ok ? 'ok' : 'BELOW TARGET');
  console.log(
    `Kafka port bench: ${RECORDS.toLocaleString('en')} records of ${VALUE_BYTES} B, ${PARTITIONS} partitions, batches of ${BATCH}; ${os.cpus().length} CPUs, load ${loadBefore.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}`,
  );
  console.table({
    'kafkajs producer → port (acks=all), records/s': { 'client process': port.produce_per_s, target: `≥ ${TARGETS.produce_per_s}`, verdict: pass(port.produce_per_s >= TARGETS.produce_per_s), 'same process': together.produce_per_s, 'in-app direct API': base.produce_per_s },
    'kafkajs consumer ← port, records/s': { 'client process': port.consume_per_s, target: `≥ ${TARGETS.consume_per_s}`, verdict: pass(port.consume_per_s >= TARGETS.consume_per_s), 'same process': together.consume_per_s, 'in-app direct API': base.consume_per_s },
    'produce → fetch p50, ms': { 'client process': port.roundtrip_p50_ms, target: `≤ ${TARGETS.roundtrip_p50_ms}`, verdict: pass(port.roundtrip_p50_ms <= TARGETS.roundtrip_p50_ms), 'same process': together.roundtrip_p50_ms, 'in-app direct API': '—' },
    'produce → fetch p99, ms': { 'client process': port.roundtrip_p99_ms, target: '—', verdict: '', 'same process': together.roundtrip_p99_ms, 'in-app direct API': '—' },
  });
  console.log(`CPU seconds for the whole client run: port process ${apart.portCpuS.toFixed(2)}, kafkajs client process ${port.client_cpu_s ?? '?'}`);
  console.log(
    `kafkajs alone, encoding the same produce requests with no socket and no broker: ${ceiling.toLocaleString('en')} records per CPU-second (the most one awaiting producer can send, before any network or broker time)`,
  );
  for (const l of breakdownLines('Where the port process spends its CPU time', apart.profile).slice(0, -1)) console.log(l);
  console.log('');
  console.log(
    JSON.stringify({
      ...port,
      same_process: together,
      port_cpu_s: Math.round(apart.portCpuS * 100) / 100,
      port_profile: apart.profile.shares,
      kafkajs_encode_only_per_cpu_s: ceiling,
      direct_produce_per_s: base.produce_per_s,
      direct_consume_per_s: base.consume_per_s,
      cpus: os.cpus().length,
      load1: { before: Number(loadBefore.toFixed(2)), after: Number(os.loadavg()[0].toFixed(2)) },
    }),
  );
}
