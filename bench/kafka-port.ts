// Kafka port benchmark: `npm run bench -- kafka-port`. One kafkajs producer (batches of 1,000
// records of 100 bytes, acks=all) and one kafkajs consumer through the port on 127.0.0.1, the
// produce → fetch round trip of single records (p50/p99), and beside them the in-app broker's direct
// API on the same workload as the baseline. Prints a table, then one JSON line.
import os from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { createBroker, type Broker, type Clock } from '../electron/engine/broker';
import { openKafkaPort } from '../electron/engine/kafka-port';

const RECORDS = 200_000;
const BATCH = 1000;
const PARTITIONS = 6;
const VALUE_BYTES = 100;
const LATENCY_SAMPLES = 300;
const TARGETS = { produce_per_s: 50_000, consume_per_s: 100_000, roundtrip_p50_ms: 5 };

const value = (i: number) => `${String(i).padStart(10, '0')}-${'x'.repeat(VALUE_BYTES - 11)}`;
const key = (i: number) => `key-${i % 10_000}`;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
}

function newBroker(): Broker<Clock> {
  return createBroker({ clock: { now: () => Date.now() }, journalLimit: 10_000 }) as Broker<Clock>;
}

async function throughPort() {
  const broker = newBroker();
  broker.createTopic('bench', { partitions: PARTITIONS });
  const port = await openKafkaPort({ broker, port: 0 });
  const kafka = new Kafka({ clientId: 'bench', brokers: [`127.0.0.1:${port.port}`], logLevel: logLevel.NOTHING });

  const batches = Array.from({ length: RECORDS / BATCH }, (_, b) => Array.from({ length: BATCH }, (_, j) => ({ key: key(b * BATCH + j), value: value(b * BATCH + j) })));
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'bench', acks: -1, messages: batches[0].slice(0, 10) }); // warm the connection and metadata
  const t0 = performance.now();
  for (const messages of batches) await producer.send({ topic: 'bench', acks: -1, messages });
  const produceMs = performance.now() - t0;

  const consumer = kafka.consumer({ groupId: 'bench-reader', maxBytesPerPartition: 4 * 1024 * 1024, maxBytes: 16 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'bench', fromBeginning: true });
  const total = RECORDS + 10;
  let seen = 0;
  let c0 = 0;
  const consumeMs = await new Promise<number>((resolve) => {
    void consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        if (c0 === 0) c0 = performance.now();
        seen += batch.messages.length;
        if (seen >= total) resolve(performance.now() - c0);
      },
    });
  });
  await consumer.disconnect();

  // produce → fetch: one record at a time, acks=all, timed until a running consumer receives it
  broker.createTopic('latency', { partitions: 1 });
  const watcher = kafka.consumer({ groupId: 'bench-latency', maxWaitTimeInMs: 1000 });
  await watcher.connect();
  await watcher.subscribe({ topic: 'latency', fromBeginning: false });
  const waiting = new Map<string, (t: number) => void>();
  const joined = new Promise<void>((r) => watcher.on(watcher.events.GROUP_JOIN, () => r()));
  void watcher.run({ eachMessage: async ({ message }) => waiting.get(message.value!.toString())?.(performance.now()) });
  await joined;
  await new Promise((r) => setTimeout(r, 300));
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES + 20; i++) {
    const id = `m${i}`;
    const got = new Promise<number>((r) => waiting.set(id, r));
    const start = performance.now();
    await producer.send({ topic: 'latency', acks: -1, messages: [{ value: id }] });
    const end = await got;
    waiting.delete(id);
    if (i >= 20) samples.push(end - start); // the first ones warm up the JIT
  }
  await watcher.disconnect();
  await producer.disconnect();
  await port.close();
  return {
    produce_per_s: Math.round(RECORDS / (produceMs / 1000)),
    consume_per_s: Math.round(RECORDS / (consumeMs / 1000)),
    roundtrip_p50_ms: Number(percentile(samples, 50).toFixed(2)),
    roundtrip_p99_ms: Number(percentile(samples, 99).toFixed(2)),
  };
}

function direct() {
  const broker = newBroker();
  broker.createTopic('bench', { partitions: PARTITIONS });
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

export async function main(): Promise<void> {
  const port = await throughPort();
  const base = direct();
  const pass = (ok: boolean) => (ok ? 'ok' : 'BELOW TARGET');
  console.log(`Kafka port bench: ${RECORDS.toLocaleString('en')} records of ${VALUE_BYTES} B, ${PARTITIONS} partitions, batches of ${BATCH}; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
  console.table({
    'kafkajs producer → port (acks=all), records/s': { measured: port.produce_per_s, target: `≥ ${TARGETS.produce_per_s}`, verdict: pass(port.produce_per_s >= TARGETS.produce_per_s), 'in-app direct API': base.produce_per_s },
    'kafkajs consumer ← port, records/s': { measured: port.consume_per_s, target: `≥ ${TARGETS.consume_per_s}`, verdict: pass(port.consume_per_s >= TARGETS.consume_per_s), 'in-app direct API': base.consume_per_s },
    'produce → fetch p50, ms': { measured: port.roundtrip_p50_ms, target: `≤ ${TARGETS.roundtrip_p50_ms}`, verdict: pass(port.roundtrip_p50_ms <= TARGETS.roundtrip_p50_ms), 'in-app direct API': '—' },
    'produce → fetch p99, ms': { measured: port.roundtrip_p99_ms, target: '—', verdict: '', 'in-app direct API': '—' },
  });
  console.log(JSON.stringify({ ...port, direct_produce_per_s: base.produce_per_s, direct_consume_per_s: base.consume_per_s, cpus: os.cpus().length, load1: Number(os.loadavg()[0].toFixed(2)) }));
}
