// Event store benchmark (`npm run bench -- store`): the store against plain better-sqlite3 doing the
// same inserts in the same run, against Emmett SQLite, plus reads, catch-up and snapshot loads.
// Prints a table, then one JSON line with the figures.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../electron/engine/sqlite';
import { openEventStore, STORE_MIGRATIONS, type EventStore } from '../electron/engine/store';

const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replayground-bench-store-'));
const STREAMS = 100;
const SINGLE_APPENDS = 5000;
const BATCH_APPENDS = 200; // × 100 events
const ROUNDS = 3;
let fileNo = 0;
const freshFile = (label: string) => path.join(tmp, `${label}-${fileNo++}.sqlite`);
const data = (i: number) => ({ orderId: `order-${i % STREAMS}`, sku: `SKU-${i % 37}`, quantity: 1 + (i % 5), unitPrice: 9.99, note: 'bench' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
};

/** The store: `appends` appends of `perAppend` events over 100 streams, each with its expected version. Events/s. */
function storeAppends(appends: number, perAppend: number): number {
  const store = openEventStore({ path: freshFile('store'), durability: 'normal' });
  const versions = new Array<number>(STREAMS).fill(0);
  const seconds = time(() => {
    for (let i = 0; i < appends; i++) {
      const s = i % STREAMS;
      const events = new Array(perAppend);
      for (let j = 0; j < perAppend; j++) events[j] = { type: 'ItemAdded', data: data(i * perAppend + j) };
      versions[s] = store.appendToStream(`order-${s}`, events, { expectedVersion: versions[s] }).nextExpectedVersion;
    }
  });
  store.close();
  return (appends * perAppend) / seconds;
}

/** Plain better-sqlite3: the same rows into the same events table (same indexes, same pragmas), one immediate transaction per append. */
function rawInserts(appends: number, perAppend: number): number {
  const db = openDatabase(freshFile('raw'), { durability: 'normal' });
  db.exec(STORE_MIGRATIONS[0]);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const versions = new Array<number>(STREAMS).fill(0);
  const tx = db.transaction((i: number) => {
    const s = i % STREAMS;
    const now = new Date().toISOString();
    for (let j = 0; j < perAppend; j++) {
      insert.run(`order-${s}`, ++versions[s], randomUUID(), 'ItemAdded', 1, JSON.stringify(data(i * perAppend + j)), '{}', now);
    }
  });
  const seconds = time(() => {
    for (let i = 0; i < appends; i++) tx.immediate(i);
  });
  db.close();
  return (appends * perAppend) / seconds;
}

function fill(store: EventStore, streams: number, perStream: number, perAppend: number): void {
  for (let s = 0; s < streams; s++) {
    for (let v = 0; v < perStream; v += perAppend) {
      const n = Math.min(perAppend, perStream - v);
      store.appendToStream(`stream-${s}`, Array.from({ length: n }, (_, j) => ({ type: 'ItemAdded', data: data(v + j) })), { expectedVersion: v });
    }
  }
}

function readStream100(): number {
  const store = openEventStore({ path: freshFile('read'), durability: 'normal' });
  fill(store, 200, 100, 100);
  let reads = 0;
  const seconds = time(() => {
    for (; reads < 10_000; reads++) {
      if (store.readStream(`stream-${(reads * 7) % 200}`).events.length !== 100) throw new Error('short read');
    }
  });
  store.close();
  return reads / seconds;
}

function catchUp(): number {
  const store = openEventStore({ path: freshFile('catchup'), durability: 'normal' });
  fill(store, 100, 2000, 1000); // 200,000 events
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0;
    const seconds = time(() => {
      let after = 0;
      for (;;) {
        const page = store.readAll({ after, maxCount: 1000 });
        if (page.length === 0) break;
        count += page.length;
        after = page[page.length - 1].globalPosition;
      }
    });
    rates.push(count / seconds);
  }
  store.close();
  return median(rates);
}

function aggregate(): { withSnapshotMs: number; withoutSnapshotMs: number; firstLoadMs: number } {
  const store = openEventStore({ path: freshFile('aggregate'), durability: 'normal' });
  fill(store, 1, 10_000, 1000);
  type State = { items: number; total: number; lastSku: string };
  const evolve = (s: State, e: { data: unknown }): State => {
    const d = e.data as { quantity: number; unitPrice: number; sku: string };
    return { items: s.items + d.quantity, total: s.total + d.quantity * d.unitPrice, lastSku: d.sku };
  };
  const initialState = () => ({ items: 0, total: 0, lastSku: '' });
  const snapshot = { version: 1, every: 100 };
  const msOf = (fn: () => void, n: number) => median(Array.from({ length: n }, () => time(fn) * 1000));
  const withoutSnapshotMs = msOf(() => store.aggregateStream('stream-0', { evolve, initialState }), 7);
  const firstLoadMs = time(() => store.aggregateStream('stream-0', { evolve, initialState, snapshot })) * 1000; // writes the snapshot
  // A few events past the snapshot, as in real use.
  store.appendToStream('stream-0', [{ type: 'ItemAdded', data: data(1) }, { type: 'ItemAdded', data: data(2) }]);
  const withSnapshotMs = msOf(() => {
    const r = store.aggregateStream('stream-0', { evolve, initialState, snapshot });
    if (r.snapshotVersion === 0) throw new Error('snapshot not used');
  }, 51);
  store.close();
  return { withSnapshotMs, withoutSnapshotMs, firstLoadMs };
}

interface EmmettFigures {
  /** Its defaults: a connection per call, synchronous=FULL. */
  default_single_append_per_s: number;
  /** One shared connection, its default synchronous=FULL. */
  shared_single_append_per_s: number;
  /** One shared connection with synchronous=NORMAL: the same durability as ours, its best case. */
  normal_single_append_per_s: number;
  normal_batch_append_events_per_s: number;
}

/** Installs the Emmett peer on first use, then runs its workloads in a child process. */
function emmett(): { figures?: EmmettFigures; error?: string } {
  if (process.env.BENCH_SKIP_PEERS) return { error: 'skipped (BENCH_SKIP_PEERS is set)' };
  const peer = path.join(here, 'peers/emmett');
  const installed = fs.existsSync(path.join(peer, 'node_modules/@event-driven-io/emmett-sqlite')) && fs.existsSync(path.join(peer, 'node_modules/sqlite3/build/Release'));
  if (!installed) {
    console.error('Installing the Emmett peer (bench/peers/emmett, node-sqlite3 compiles for ~2 min)…');
    const install = spawnSync('flock', ['/tmp/npm.lock', 'npm', 'install', '--legacy-peer-deps', '--no-audit', '--no-fund'], { cwd: peer, encoding: 'utf8' });
    if (install.status !== 0) return { error: `npm install in bench/peers/emmett failed: ${(install.stderr || install.stdout || String(install.error)).trim().split('\n').slice(-3).join(' ')}` };
  }
  const run = spawnSync(process.execPath, [path.join(peer, 'run.mjs'), tmp, '2000', '100'], { cwd: peer, encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) return { error: `Emmett run failed: ${(run.stderr || String(run.error)).trim().split('\n').slice(-3).join(' ')}` };
  try {
    return { figures: JSON.parse(run.stdout.trim().split('\n').pop()!) as EmmettFigures };
  } catch {
    return { error: `Emmett run printed no result: ${run.stdout.slice(-200)}` };
  }
}

export function main(): void {
  try {
    const single: number[] = [];
    const rawSingle: number[] = [];
    const batch: number[] = [];
    const rawBatch: number[] = [];
    // Alternate store and raw so both see the same machine load.
    for (let round = 0; round < ROUNDS; round++) {
      rawSingle.push(rawInserts(SINGLE_APPENDS, 1));
      single.push(storeAppends(SINGLE_APPENDS, 1));
      rawBatch.push(rawInserts(BATCH_APPENDS, 100));
      batch.push(storeAppends(BATCH_APPENDS, 100));
    }
    const readRate = readStream100();
    const catchUpRate = catchUp();
    const agg = aggregate();
    const em = emmett();

    const r = (x: number) => Math.round(x);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const singleRate = median(single);
    const batchRate = median(batch);
    const result = {
      single_append_per_s: r(singleRate),
      raw_single_insert_per_s: r(median(rawSingle)),
      single_vs_raw: ratio(singleRate, median(rawSingle)),
      batch_append_events_per_s: r(batchRate),
      raw_batch_insert_per_s: r(median(rawBatch)),
      batch_vs_raw: ratio(batchRate, median(rawBatch)),
      // Compared at the same durability (shared connection, synchronous=NORMAL): Emmett's best case here.
      emmett_single_append_per_s: em.figures ? r(em.figures.normal_single_append_per_s) : null,
      vs_emmett: em.figures ? ratio(singleRate, em.figures.normal_single_append_per_s) : null,
      emmett_shared_full_single_append_per_s: em.figures ? r(em.figures.shared_single_append_per_s) : null,
      emmett_default_single_append_per_s: em.figures ? r(em.figures.default_single_append_per_s) : null,
      vs_emmett_defaults: em.figures ? ratio(singleRate, em.figures.default_single_append_per_s) : null,
      emmett_batch_append_events_per_s: em.figures ? r(em.figures.normal_batch_append_events_per_s) : null,
      ...(em.error ? { emmett_error: em.error } : {}),
      read_stream_100_per_s: r(readRate),
      catch_up_events_per_s: r(catchUpRate),
      aggregate_with_snapshot_ms: Math.round(agg.withSnapshotMs * 1000) / 1000,
      aggregate_without_snapshot_ms: Math.round(agg.withoutSnapshotMs * 100) / 100,
      aggregate_first_load_ms: Math.round(agg.firstLoadMs * 100) / 100,
      durability: 'normal',
      rounds: ROUNDS,
    };

    const rows: Array<[string, string, string]> = [
      ['single append (1 event/append), appends/s', fmt(result.single_append_per_s), ''],
      ['  raw better-sqlite3, same rows, 1 tx each', fmt(result.raw_single_insert_per_s), ''],
      ['  store / raw', String(result.single_vs_raw), check(result.single_vs_raw >= 0.7, '≥ 0.7')],
      ['batch append (100 events/append), events/s', fmt(result.batch_append_events_per_s), ''],
      ['  raw better-sqlite3, 100 rows/tx', fmt(result.raw_batch_insert_per_s), ''],
      ['  store / raw', String(result.batch_vs_raw), check(result.batch_vs_raw >= 0.7, '≥ 0.7')],
      ['Emmett SQLite single append, shared connection, NORMAL', em.figures ? fmt(result.emmett_single_append_per_s!) : 'n/a', ''],
      ['  store / Emmett (same durability)', result.vs_emmett === null ? `n/a: ${em.error}` : String(result.vs_emmett), result.vs_emmett === null ? '' : check(result.vs_emmett >= 3, '≥ 3')],
      ['Emmett SQLite single append, shared connection, FULL', em.figures ? fmt(result.emmett_shared_full_single_append_per_s!) : 'n/a', ''],
      ['Emmett SQLite single append, its defaults', em.figures ? fmt(result.emmett_default_single_append_per_s!) : 'n/a', ''],
      ['  store / Emmett defaults', result.vs_emmett_defaults === null ? 'n/a' : String(result.vs_emmett_defaults), ''],
      ['Emmett SQLite batch append (100/append, NORMAL), events/s', em.figures ? fmt(result.emmett_batch_append_events_per_s!) : 'n/a', ''],
      ['readStream of 100 events, reads/s', fmt(result.read_stream_100_per_s), ''],
      ['catch-up (readAll pages of 1000, JSON parsed), events/s', fmt(result.catch_up_events_per_s), check(result.catch_up_events_per_s >= 300_000, '≥ 300,000')],
      ['aggregate 10,000-event stream with snapshot, ms', String(result.aggregate_with_snapshot_ms), check(result.aggregate_with_snapshot_ms <= 5, '≤ 5')],
      ['  same without snapshot, ms', String(result.aggregate_without_snapshot_ms), ''],
      ['  first load (writes the snapshot), ms', String(result.aggregate_first_load_ms), ''],
    ];
    const w = Math.max(...rows.map((x) => x[0].length));
    const v = Math.max(...rows.map((x) => x[1].length));
    console.log(`Event store benchmark (file databases in ${tmp}, WAL, synchronous=NORMAL, median of ${ROUNDS} rounds)\n`);
    for (const [name, value, target] of rows) console.log(`${name.padEnd(w)}  ${value.padStart(v)}  ${target}`);
    console.log('');
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function check(ok: boolean, target: string): string {
  return `${ok ? 'ok' : 'MISSED'} (target ${target})`;
}
