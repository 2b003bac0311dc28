// The SQLite event store: WAL, one immediate transaction per append, prepared statements made once.
// Opened only through electron/engine/sqlite so the Electron build can point at its own binary.
import type Database from 'better-sqlite3';
import { DatabaseFileError, migrate, moveAside, openDatabase } from '../sqlite';
import { EventStoreBase } from './base';
import { checkSubscriptionName } from './projection';
import { ConcurrencyError, EventIdConflictError, InvalidInputError } from './errors';
import { newTimeOrderedEventId } from './ids';
import { LazyRecordedEvent } from './lazyEvent';
import { decodeLazyPage, decodePage, PAGE_TEXT_BYTES, PAGE_RANGE_SQL, PAGE_TYPED_SQL, type PageRow } from './pageText';
import { parseStoredJson, parseStoredMetadata } from './storedJson';
import { resolveRepeatedAppend, type StoredPlace } from './repeatedAppend';
import { STORE_APPLICATION_ID, STORE_MIGRATIONS, STORE_NAMESPACE } from './schema';
import type { AppendOptions, AppendResult, ExpectedVersion, NewEvent, ReadAllOptions, ReadStreamOptions, ReadStreamResult, RecordedEvent, StoredSnapshot } from './types';
import {
  checkExpectedVersion,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkStreamId,
  checkVersionNumber,
  enforceExpected,
  prepareEvents,
  type PreparedEvent,
} from './validate';

export interface OpenEventStoreOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** 'normal' (default): WAL + synchronous=NORMAL, survives a process crash; 'full' also survives power loss. */
  durability?: 'normal' | 'full';
  /** 'full' (default) runs PRAGMA integrity_check on open; 'quick' runs quick_check. */
  integrityCheck?: 'full' | 'quick';
  /** When the file is damaged or not a store, move it (and its -wal/-shm) aside and start fresh instead of throwing. */
  moveAsideIfDamaged?: boolean;
}

/** global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata (null for '{}'), recorded_at. */
type Row = [number, string, number, string, string, number, string, string | null, string];
type StreamRow = [number, number, string, string, number, string, string, string];

/** Events per page of an eager readAll: one page query, one page text, one JSON.parse of its payloads. */
const PAGE_EVENTS = 1000;

export class SqliteEventStore extends EventStoreBase {
  private readonly selectVersion: Database.Statement;
  private readonly insertEvent: Database.Statement;
  private readonly selectById: Database.Statement;
  private readonly readForward: Database.Statement;
  private readonly readBackward: Database.Statement;
  private readonly readAllPlain: Database.Statement;
  private readonly readAllTyped: Database.Statement;
  private readonly pageRange: Database.Statement;
  private readonly pageTyped: Database.Statement;
  private readonly selectNextPosition: Database.Statement;
  private readonly selectHead: Database.Statement;
  private readonly selectSnapshot: Database.Statement;
  private readonly upsertSnapshot: Database.Statement;
  private readonly removeSnapshot: Database.Statement;
  private readonly selectCheckpoint: Database.Statement;
  private readonly upsertCheckpoint: Database.Statement;
  private readonly appendTx: Database.Transaction<(streamId: string, expected: ExpectedVersion, events: PreparedEvent[]) => AppendResult>;
  private readonly runTx: Database.Transaction<(fn: () => unknown) => unknown>;
  private readonly readPagesTx: Database.Transaction<(after: number, upTo: number, types: string | null, maxCount: number, lazy: boolean) => RecordedEvent[]>;

  constructor(
    /** The store's own connection: a projection keeping rows here writes them inside runProjection's transaction. */
    readonly database: Database.Database,
    readonly path: string,
    /** Where a damaged file was moved when moveAsideIfDamaged was set. */
    readonly recoveredFrom?: string,
  ) {
    super();
    const db = database;
    // A stream's version: one seek to the end of its range in the UNIQUE (stream_id, stream_version) index (NULL: no stream).
    this.selectVersion = db.prepare('SELECT MAX(stream_version) FROM events WHERE stream_id = ?').pluck();
    this.insertEvent = db.prepare(
      'INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectById = db.prepare('SELECT stream_id AS streamId, stream_version AS streamVersion, global_position AS globalPosition FROM events WHERE event_id = ?');
    const streamColumns = 'global_position, stream_version, event_id, type, schema_version, data, metadata, recorded_at';
    this.readForward = db
      .prepare(`SELECT ${streamColumns} FROM events WHERE stream_id = ? AND stream_version >= ? AND stream_version <= ? ORDER BY stream_version ASC LIMIT ?`)
      .raw();
    this.readBackward = db
      .prepare(`SELECT ${streamColumns} FROM events WHERE stream_id = ? AND stream_version >= ? AND stream_version <= ? ORDER BY stream_version DESC LIMIT ?`)
      .raw();
    // NULLIF: the common empty metadata comes back as null instead of one more string per row.
    const allColumns = "global_position, stream_id, stream_version, event_id, type, schema_version, data, NULLIF(metadata, '{}'), recorded_at";
    const page = (filter: string) => `SELECT ${allColumns} FROM events WHERE global_position > ? AND global_position <= ? ${filter} ORDER BY global_position LIMIT ?`;
    this.readAllPlain = db.prepare(page('')).raw();
    this.readAllTyped = db.prepare(page('AND type IN (SELECT value FROM json_each(?))')).raw();
    // readAll: a whole page as one text (pageText.ts), and where the next event is past a gap in the positions.
    this.pageRange = db.prepare(PAGE_RANGE_SQL).raw();
    this.pageTyped = db.prepare(PAGE_TYPED_SQL).raw();
    this.selectNextPosition = db.prepare('SELECT MIN(global_position) FROM events WHERE global_position > ?').pluck();
    this.selectHead = db.prepare('SELECT COALESCE(MAX(global_position), 0) FROM events').pluck();
    this.selectSnapshot = db.prepare('SELECT snapshot_version, stream_version, state, created_at FROM snapshots WHERE stream_id = ? AND name = ?').raw();
    this.upsertSnapshot = db.prepare(
      `INSERT INTO snapshots (stream_id, name, snapshot_version, stream_version, state, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (stream_id, name) DO UPDATE SET snapshot_version = excluded.snapshot_version, stream_version = excluded.stream_version,
         state = excluded.state, created_at = excluded.created_at
       WHERE excluded.stream_version > snapshots.stream_version OR excluded.snapshot_version <> snapshots.snapshot_version`,
    );
    this.removeSnapshot = db.prepare('DELETE FROM snapshots WHERE stream_id = ? AND name = ?');
    this.selectCheckpoint = db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck();
    this.upsertCheckpoint = db.prepare(
      'INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
    );
    this.appendTx = db.transaction((streamId: string, expected: ExpectedVersion, events: PreparedEvent[]) => this.writeAppend(streamId, expected, events));
    this.runTx = db.transaction((fn: () => unknown) => fn());
    this.readPagesTx = db.transaction((after: number, upTo: number, types: string | null, maxCount: number, lazy: boolean) =>
      this.readAllPages(after, upTo, types, maxCount, lazy),
    );
  }

  appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): AppendResult {
    this.assertOpen();
    checkStreamId(streamId);
    const expected = checkExpectedVersion(options);
    const prepared = prepareEvents(events, newTimeOrderedEventId);
    let result: AppendResult;
    try {
      result = this.appendTx.immediate(streamId, expected, prepared);
    } catch (err) {
      const conflict = err instanceof ConcurrencyError || isEventIdTaken(err);
      if (!conflict) throw err;
      // Rolled back. Was this a retry of an append that already succeeded?
      const retried = resolveRepeatedAppend(streamId, expected, prepared, this.lookup);
      if (retried) return retried;
      if (err instanceof ConcurrencyError) throw err;
      throw new EventIdConflictError(streamId, prepared.find((e) => e.idGiven)?.eventId ?? '?', 'by another append');
    }
    this.appended({ streamId, firstGlobalPosition: result.firstGlobalPosition, lastGlobalPosition: result.lastGlobalPosition, count: prepared.length });
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): ReadStreamResult {
    this.assertOpen();
    checkStreamId(streamId);
    const o = checkReadStreamOptions(options);
    const current = this.streamVersion(streamId);
    if (current === 0) return { events: [], currentVersion: 0, streamExists: false };
    // Capped at the version just read, so a concurrent writer cannot make events outrun currentVersion.
    const hi = Math.min(o.toVersion, current);
    const lo = Math.max(o.fromVersion, 1);
    if (lo > hi || o.maxCount === 0) return { events: [], currentVersion: current, streamExists: true };
    const limit = o.maxCount === Number.MAX_SAFE_INTEGER ? -1 : o.maxCount;
    const rows = (o.backward ? this.readBackward : this.readForward).all(streamId, lo, hi, limit) as StreamRow[];
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      events[i] = this.recorded(r[0], streamId, r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
    }
    return { events, currentVersion: current, streamExists: true };
  }

  readAll(options?: ReadAllOptions): RecordedEvent[] {
    this.assertOpen();
    const o = checkReadAllOptions(options);
    if (o.maxCount === 0) return [];
    const types = o.types ? JSON.stringify(o.types) : null;
    // More than one page: one read transaction, so the pages come from one snapshot of the file as a single query's rows would.
    if (o.maxCount <= PAGE_EVENTS || this.database.inTransaction) return this.readAllPages(o.after, o.upTo, types, o.maxCount, o.lazy);
    return this.readPagesTx(o.after, o.upTo, types, o.maxCount, o.lazy);
  }

  /**
   * readAll in pages of up to PAGE_EVENTS events, each fetched as one page text (pageText.ts) and
   * decoded into plain or lazy events; a page the decoder will not vouch for is read row by row.
   * Without a type filter a page is a range of positions, so a short page is either the end or a gap,
   * which one index seek skips.
   */
  private readAllPages(after: number, upTo: number, types: string | null, maxCount: number, lazy: boolean): RecordedEvent[] {
    let events: RecordedEvent[] | null = null;
    let want = maxCount;
    while (want > 0 && after < upTo) {
      const n = Math.min(want, PAGE_EVENTS);
      const row = this.pageText(after, upTo, types, n);
      let page: RecordedEvent[] | null = row === undefined ? null : lazy ? decodeLazyPage(row, after) : decodePage(row, after);
      const byRange = page !== null && types === null;
      if (page === null) page = this.readAllRows(after, upTo, types, n, lazy);
      if (this.upcasters.size > 0) for (let i = 0; i < page.length; i++) page[i] = this.upcast(page[i]);
      if (events === null) events = page;
      else for (let i = 0; i < page.length; i++) events.push(page[i]);
      want -= page.length;
      if (page.length === n) {
        after = page[n - 1].globalPosition;
        continue;
      }
      if (!byRange) break; // a LIMIT query gave fewer than asked: nothing more up to upTo
      // The range after…after+n held fewer than n events: the end of the log, or a gap past it.
      const next = this.selectNextPosition.get(Math.min(upTo, after + n)) as number | null;
      if (next === null || next > upTo) break;
      after = next - 1;
    }
    return events ?? [];
  }

  /** One page's text (pageText.ts); undefined when it would be too long to make one text of (SQLite's limit included). */
  private pageText(after: number, upTo: number, types: string | null, n: number): PageRow | undefined {
    try {
      return (types === null ? this.pageRange.get(after, upTo, after, n, PAGE_TEXT_BYTES) : this.pageTyped.get(after, upTo, types, n, PAGE_TEXT_BYTES)) as PageRow | undefined;
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_TOOBIG') return undefined;
      throw err;
    }
  }

  /** readAll's page as rows of nine values: for the rare pages a page text cannot carry (upcast by the caller). */
  private readAllRows(after: number, upTo: number, types: string | null, limit: number, lazy: boolean): RecordedEvent[] {
    const rows = (types === null ? this.readAllPlain.all(after, upTo, limit) : this.readAllTyped.all(after, upTo, types, limit)) as Row[];
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (lazy) {
        events[i] = LazyRecordedEvent.fromFields(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
        continue;
      }
      events[i] = { globalPosition: r[0], streamId: r[1], streamVersion: r[2], eventId: r[3], type: r[4], schemaVersion: r[5], data: parseStoredJson(r[6], r[0], 'data'), metadata: parseStoredMetadata(r[7], r[0]), recordedAt: r[8] };
    }
    return events;
  }

  headPosition(): number {
    this.assertOpen();
    return this.selectHead.get() as number;
  }

  readSnapshot(streamId: string, name = 'default'): StoredSnapshot | undefined {
    this.assertOpen();
    const row = this.selectSnapshot.get(streamId, name) as [number, number, string, string] | undefined;
    if (!row) return undefined;
    return { streamId, name, snapshotVersion: row[0], streamVersion: row[1], state: JSON.parse(row[2]), createdAt: row[3] };
  }

  deleteSnapshot(streamId: string, name = 'default'): void {
    this.assertOpen();
    this.removeSnapshot.run(streamId, name);
  }

  protected writeSnapshot(streamId: string, name: string, snapshotVersion: number, streamVersion: number, stateJson: string): void {
    this.upsertSnapshot.run(streamId, name, snapshotVersion, streamVersion, stateJson, new Date().toISOString());
  }

  getCheckpoint(name: string): number {
    this.assertOpen();
    checkSubscriptionName(name);
    return (this.selectCheckpoint.get(name) as number | undefined) ?? 0;
  }

  setCheckpoint(name: string, position: number): void {
    this.assertOpen();
    checkSubscriptionName(name);
    checkVersionNumber(position, 'Checkpoint position');
    this.upsertCheckpoint.run(name, position, new Date().toISOString());
  }

  protected atomically<T>(fn: () => T): T {
    // Immediate: take the write lock up front so a read-then-write cannot be overtaken; nested calls become savepoints.
    return this.runTx.immediate(fn) as T;
  }

  protected closeStorage(): void {
    this.database.close();
  }

  private readonly lookup = (eventId: string): StoredPlace | undefined => this.selectById.get(eventId) as StoredPlace | undefined;

  /** The version of the stream's newest event; 0 when it has none. */
  private streamVersion(streamId: string): number {
    return (this.selectVersion.get(streamId) as number | null) ?? 0;
  }

  // Runs inside the immediate transaction: the version read and the writes cannot interleave with another writer.
  private writeAppend(streamId: string, expected: ExpectedVersion, events: PreparedEvent[]): AppendResult {
    const n = events.length;
    const now = new Date().toISOString();
    const actual = this.streamVersion(streamId);
    enforceExpected(streamId, expected, actual); // throws ConcurrencyError on a mismatch: nothing written
    const insert = this.insertEvent;
    let first = 0;
    let last = 0;
    for (let i = 0; i < n; i++) {
      const e = events[i];
      last = insert.run(streamId, actual + i + 1, e.eventId, e.type, e.schemaVersion, e.data, e.metadata, now).lastInsertRowid as number;
      if (i === 0) first = last;
    }
    return { nextExpectedVersion: actual + n, firstGlobalPosition: first, lastGlobalPosition: last, createdNewStream: actual === 0 };
  }
}

function isEventIdTaken(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string' && e.message.includes('events.event_id');
}

/** Opens (creating and migrating if needed) the event store in a SQLite file, or ':memory:'. */
export function openEventStore(options: OpenEventStoreOptions): SqliteEventStore {
  if (!options || typeof options !== 'object') throw new InvalidInputError('openEventStore needs { path }');
  const file = options.path;
  if (typeof file !== 'string' || file.length === 0) throw new InvalidInputError('openEventStore needs a path (a file, or ":memory:")');
  if (options.durability !== undefined && options.durability !== 'normal' && options.durability !== 'full') {
    throw new InvalidInputError(`durability must be "normal" or "full", got ${String(options.durability)}`);
  }
  try {
    return new SqliteEventStore(openStoreDatabase(file, options), file);
  } catch (err) {
    if (!(err instanceof DatabaseFileError) || !options.moveAsideIfDamaged || file === ':memory:') throw err;
    const movedTo = moveAside(file);
    return new SqliteEventStore(openStoreDatabase(file, options), file, movedTo);
  }
}

function openStoreDatabase(file: string, options: OpenEventStoreOptions): Database.Database {
  const db = openDatabase(file, { durability: options.durability ?? 'normal', integrityCheck: options.integrityCheck ?? 'full' });
  try {
    // One read snapshot: another process creating the store commits step 1 (id and tables together).
    db.transaction(() => assertIsStore(db, file))();
    migrate(db, STORE_NAMESPACE, STORE_MIGRATIONS);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Refuses databases that belong to something else, or to a newer Replayground. */
function assertIsStore(db: Database.Database, file: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === STORE_APPLICATION_ID) {
    const applied = db.prepare('SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE namespace = ?').pluck().get(STORE_NAMESPACE) as number;
    if (applied > STORE_MIGRATIONS.length) {
      throw new DatabaseFileError(file, `it is an event store from a newer Replayground (schema ${applied}; this version knows ${STORE_MIGRATIONS.length})`);
    }
    return;
  }
  if (appId !== 0) throw new DatabaseFileError(file, `it is a SQLite database of another application (application_id 0x${(appId >>> 0).toString(16)})`);
  // schema_migrations alone: another process is creating this store right now (step 1 sets the id).
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").pluck().all() as string[];
  if (tables.length > 0) {
    throw new DatabaseFileError(file, `it is a SQLite database but not a Replayground event store (it has tables: ${tables.slice(0, 5).join(', ')})`);
  }
}
