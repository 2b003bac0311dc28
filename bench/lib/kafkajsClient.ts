// The client side of `npm run bench -- kafka-port`, run as its own process like a student's program:
// one kafkajs producer (batches of 1,000 × 100 B, acks=all), one kafkajs consumer reading them all
// back, then produce → fetch round trips of single records. Usage: kafkajsClient.ts <port> <records>;
// the broker must already have the topics 'bench' and 'latency'. Prints one JSON line.
import { Kafka, logLevel } from 'kafkajs';

const BATCH = 1000;
const VALUE_BYTES = 100;
const LATENCY_SAMPLES = 300;

const value = (i: number) => `${String(i).padStart(10, '0')}-${'x'.repeat(VALUE_BYTES - 11)}`;
const key = (i: number) => `key-${i % 10_000}`;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
}

/** Producer, consumer and round-trip figures for a kafkajs client against `brokerPort`. */
export async function runKafkajsClient(brokerPort: number, records: number) {
  const kafka = new Kafka({ clientId: 'bench', brokers: [`127.0.0.1:${brokerPort}`], logLevel: logLevel.NOTHING });
  const batches = Array.from({ length: records / BATCH }, (_, b) => Array.from({ length: BATCH }, (_, j) => ({ key: key(b * BATCH + j), value: value(b * BATCH + j) })));
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'bench', acks: -1, messages: batches[0].slice(0, 10) }); // warm the connection and metadata
  const t0 = performance.now();
  for (const messages of batches) await producer.send({ topic: 'bench', acks: -1, messages });
  const produceMs = performance.now() - t0;

  const consumer = kafka.consumer({ groupId: 'bench-reader', maxBytesPerPartition: 4 * 1024 * 1024, maxBytes: 16 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'bench', fromBeginning: true });
  const total = records + 10;
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
  return {
    produce_per_s: Math.round(records / (produceMs / 1000)),
    consume_per_s: Math.round(records / (consumeMs / 1000)),
    roundtrip_p50_ms: Number(percentile(samples, 50).toFixed(2)),
    roundtrip_p99_ms: Number(percentile(samples, 99).toFixed(2)),
  };
}

if (process.argv[1]?.endsWith('kafkajsClient.ts') && process.argv[2]) {
  const cpu = process.cpuUsage();
  const figures = await runKafkajsClient(Number(process.argv[2]), Number(process.argv[3]));
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ...figures, client_cpu_s: Math.round(((used.user + used.system) / 1e6) * 100) / 100 }));
}
