// The Emmett side of `npm run bench -- store`: the same workloads on @event-driven-io/emmett-sqlite.
// Run as a child process so its own node_modules (node-sqlite3, legacy peers) stay out of the project.
// Usage: node run.mjs <dir> <singleAppends> <batchAppends>; prints one JSON line.
import path from 'node:path';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getSQLiteEventStore, sqliteConnection } from '@event-driven-io/emmett-sqlite';

const [dir, singleText, batchText] = process.argv.slice(2);
const singles = Number(singleText);
const batches = Number(batchText);
const STREAMS = 100;
const data = (i) => ({ orderId: `order-${i % STREAMS}`, sku: `SKU-${i % 37}`, quantity: 1 + (i % 5), unitPrice: 9.99, note: 'bench' });

/** One connection for the whole run (Emmett opens one per call by default); optionally with our pragmas. */
async function shared(fileName, synchronousNormal) {
  const connection = sqliteConnection({ fileName });
  if (synchronousNormal) await connection.command('PRAGMA synchronous = NORMAL');
  return { connectionOptions: { singleton: true, connection } };
}

let retries = 0;
let walRaces = 0;
const cpuRates = {};

// Emmett's connection setup fires `PRAGMA journal_mode = WAL` without waiting for it; when its first
// statement starts a transaction first, the PRAGMA fails ("cannot change into wal mode from within a
// transaction") as a rejection nobody handles, which would end this process. WAL is a property of the
// database file, set before each run (walFile), so the failed PRAGMA changes nothing: count it.
process.on('unhandledRejection', (err) => {
  if (/cannot change into wal mode/.test(err?.message ?? '')) walRaces++;
  else throw err;
});

/** Puts the run's database file in WAL mode, as Emmett's setup means to, before Emmett opens it. */
async function walFile(fileName) {
  const connection = sqliteConnection({ fileName });
  const [row] = await connection.query('PRAGMA journal_mode = WAL');
  connection.close();
  if (String(Object.values(row ?? {})[0]).toLowerCase() !== 'wal') throw new Error(`${fileName}: could not switch to WAL`);
}

// Under load node-sqlite3 sometimes fails a COMMIT with SQLITE_BUSY ("SQL statements in progress"):
// Emmett's connection setup runs a PRAGMA without waiting for it. Retry, as an application would.
async function appendWithRetry(store, stream, events, expected) {
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await store.appendToStream(stream, events, { expectedStreamVersion: expected ?? STREAM_DOES_NOT_EXIST });
      return r.nextExpectedStreamVersion;
    } catch (err) {
      if (err?.code !== 'SQLITE_BUSY' || attempt >= 5) throw err;
      retries++;
      const current = await store.readStream(stream);
      if (current.streamExists && current.currentStreamVersion !== (expected ?? 0n)) return current.currentStreamVersion; // it did commit
    }
  }
}

async function run(label, options, count, perAppend) {
  const fileName = path.join(dir, `emmett-${label}.sqlite`);
  await walFile(fileName);
  const store = getSQLiteEventStore({ fileName, ...(options === 'default' ? {} : await shared(fileName, options === 'normal')) });
  await appendWithRetry(store, 'warm-up', [{ type: 'WarmUp', data: {} }], undefined); // creates the schema
  const versions = new Array(STREAMS).fill(undefined);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const s = i % STREAMS;
    const events = Array.from({ length: perAppend }, (_, j) => ({ type: 'ItemAdded', data: data(i * perAppend + j) }));
    versions[s] = await appendWithRetry(store, `order-${s}`, events, versions[s]);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  await store.close?.();
  // CPU time covers every thread of this process, node-sqlite3's worker threads included.
  cpuRates[label] = Math.round((count * perAppend) / ((cpu.user + cpu.system) / 1e6));
  return (count * perAppend) / seconds;
}

/** A mode that fails (Emmett's shared connection sometimes hits SQLITE_BUSY on commit) reports why instead. */
async function attempt(label, mode, count, perAppend) {
  try {
    return await run(label, mode, count, perAppend);
  } catch (err) {
    return { error: `${label}: ${err?.code ?? ''} ${err?.message ?? String(err)}`.trim() };
  }
}

const result = {
  // Its defaults: a connection per call, synchronous=FULL.
  // Fewer appends here: a connection per call at synchronous=FULL manages only tens to hundreds per second.
  default_single_append_per_s: await attempt('default', 'default', Math.min(singles, 300), 1),
  // One shared connection.
  shared_single_append_per_s: await attempt('shared', 'shared', singles, 1),
  // One shared connection and synchronous=NORMAL, the same durability as our store: its best case.
  normal_single_append_per_s: await attempt('normal', 'normal', singles, 1),
  normal_batch_append_events_per_s: await attempt('normal-batch', 'normal', batches, 100),
};
result.busy_retries = retries;
result.wal_races = walRaces;
result.cpu_time = cpuRates;
process.stdout.write(JSON.stringify(result) + '\n');
