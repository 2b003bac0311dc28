// The Emmett side of `npm run bench -- store`: the same workloads on @event-driven-io/emmett-sqlite.
// Run as a child process so its own node_modules (node-sqlite3, legacy peers) stay out of the project.
// Usage: node run.mjs <dir> <singleAppends> <batchAppends>; prints one JSON line.
import path from 'node:path';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';

const [dir, singleText, batchText] = process.argv.slice(2);
const singles = Number(singleText);
const batches = Number(batchText);
const STREAMS = 100;
const data = (i) => ({ orderId: `order-${i % STREAMS}`, sku: `SKU-${i % 37}`, quantity: 1 + (i % 5), unitPrice: 9.99, note: 'bench' });

async function run(label, options, count, perAppend) {
  const store = getSQLiteEventStore({ fileName: path.join(dir, `emmett-${label}.sqlite`), ...options });
  await store.appendToStream('warm-up', [{ type: 'WarmUp', data: {} }]); // creates the schema
  const versions = new Array(STREAMS).fill(undefined);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const s = i % STREAMS;
    const events = Array.from({ length: perAppend }, (_, j) => ({ type: 'ItemAdded', data: data(i * perAppend + j) }));
    const r = await store.appendToStream(`order-${s}`, events, { expectedStreamVersion: versions[s] ?? STREAM_DOES_NOT_EXIST });
    versions[s] = r.nextExpectedStreamVersion;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close?.();
  return (count * perAppend) / seconds;
}

const result = {
  version: (await import('@event-driven-io/emmett-sqlite/package.json', { with: { type: 'json' } }).catch(() => ({ default: {} }))).default.version ?? null,
  // Its defaults: a connection per call.
  default_single_append_per_s: await run('default', {}, singles, 1),
  // One shared connection: Emmett's fastest configuration for this workload.
  shared_single_append_per_s: await run('shared', { connectionOptions: { singleton: true } }, singles, 1),
  shared_batch_append_events_per_s: await run('shared-batch', { connectionOptions: { singleton: true } }, batches, 100),
};
process.stdout.write(JSON.stringify(result) + '\n');
