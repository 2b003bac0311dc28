// The in-memory event store: the same interface and rules as the SQLite store, for places where
// native modules cannot load (the student-code sandbox). Pure TypeScript: no Node imports, ever.
import { EventStoreBase } from './base';
import { checkSubscriptionName } from './projection';
import { InvalidInputError } from './errors';
import { newEventId } from './ids';
import { resolveRepeatedAppend } from './repeatedAppend';
import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions, ReadStreamResult, RecordedEvent, StoredSnapshot } from './types';
import {
  checkExpectedVersion,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkStreamId,
  checkVersionNumber,
  enforceExpected,
  prepareEvents,
} from './validate';

export * from './types';
export { ConcurrencyError, EventIdConflictError, InvalidInputError, StoreClosedError } from './errors';

interface Row {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  recordedAt: string;
}

interface SnapshotRow {
  snapshotVersion: number;
  streamVersion: number;
  state: string;
  createdAt: string;
}

export interface MemoryEventStoreOptions {
  /** Where recordedAt comes from (an injected clock keeps tests deterministic). Default: the wall clock. */
  now?: () => Date | string;
}

export class MemoryEventStore extends EventStoreBase {
  private readonly log: Row[] = [];
  private readonly streams = new Map<string, Row[]>();
  private readonly byId = new Map<string, Row>();
  private readonly snapshots = new Map<string, SnapshotRow>();
  private readonly checkpoints = new Map<string, number>();
  // Positions are never reused, even after a rolled-back transaction.
  private nextPosition = 1;
  private undo: Array<() => void> | undefined;

  constructor(private readonly options: MemoryEventStoreOptions = {}) {
    super();
  }

  appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): AppendResult {
    this.assertOpen();
    checkStreamId(streamId);
    const expected = checkExpectedVersion(options);
    const prepared = prepareEvents(events, newEventId);
    const lookup = (id: string) => this.byId.get(id);
    let rows = this.streams.get(streamId);
    const actual = rows ? rows.length : 0;
    try {
      enforceExpected(streamId, expected, actual);
    } catch (err) {
      const retried = resolveRepeatedAppend(streamId, expected, prepared, lookup);
      if (retried) return retried;
      throw err;
    }
    if (prepared.some((e) => e.idGiven && this.byId.has(e.eventId))) {
      // Either the exact earlier append (idempotent) or a conflict: resolveRepeatedAppend throws for the latter.
      const retried = resolveRepeatedAppend(streamId, expected, prepared, lookup);
      if (retried) return retried;
    }
    const recordedAt = this.now();
    const createdNewStream = rows === undefined;
    if (!rows) {
      rows = [];
      this.streams.set(streamId, rows);
    }
    const streamRows = rows;
    const firstGlobalPosition = this.nextPosition;
    for (let i = 0; i < prepared.length; i++) {
      const e = prepared[i];
      const row: Row = {
        globalPosition: this.nextPosition++,
        streamId,
        streamVersion: actual + i + 1,
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
        recordedAt,
      };
      this.log.push(row);
      streamRows.push(row);
      this.byId.set(row.eventId, row);
    }
    const count = prepared.length;
    this.record(() => {
      this.log.length -= count;
      streamRows.length -= count;
      if (streamRows.length === 0) this.streams.delete(streamId);
      for (const e of prepared) this.byId.delete(e.eventId);
    });
    const lastGlobalPosition = this.nextPosition - 1;
    this.appended({ streamId, firstGlobalPosition, lastGlobalPosition, count });
    return { nextExpectedVersion: actual + count, firstGlobalPosition, lastGlobalPosition, createdNewStream };
  }

  readStream(streamId: string, options?: ReadStreamOptions): ReadStreamResult {
    this.assertOpen();
    checkStreamId(streamId);
    const o = checkReadStreamOptions(options);
    const rows = this.streams.get(streamId);
    if (!rows) return { events: [], currentVersion: 0, streamExists: false };
    const lo = Math.max(o.fromVersion, 1);
    const hi = Math.min(o.toVersion, rows.length);
    const events: RecordedEvent[] = [];
    if (o.backward) {
      for (let v = hi; v >= lo && events.length < o.maxCount; v--) events.push(this.toRecorded(rows[v - 1]));
    } else {
      for (let v = lo; v <= hi && events.length < o.maxCount; v++) events.push(this.toRecorded(rows[v - 1]));
    }
    return { events, currentVersion: rows.length, streamExists: true };
  }

  readAll(options?: ReadAllOptions): RecordedEvent[] {
    this.assertOpen();
    const o = checkReadAllOptions(options);
    const types = o.types ? new Set(o.types) : undefined;
    const events: RecordedEvent[] = [];
    // Positions are dense except after rolled-back transactions, so start near `after` and scan.
    let i = lowerBound(this.log, o.after);
    for (; i < this.log.length && events.length < o.maxCount; i++) {
      const row = this.log[i];
      if (row.globalPosition > o.upTo) break;
      if (types && !types.has(row.type)) continue;
      events.push(this.toRecorded(row));
    }
    return events;
  }

  headPosition(): number {
    this.assertOpen();
    return this.log.length === 0 ? 0 : this.log[this.log.length - 1].globalPosition;
  }

  readSnapshot(streamId: string, name = 'default'): StoredSnapshot | undefined {
    this.assertOpen();
    const row = this.snapshots.get(snapshotKey(streamId, name));
    if (!row) return undefined;
    return { streamId, name, snapshotVersion: row.snapshotVersion, streamVersion: row.streamVersion, state: JSON.parse(row.state), createdAt: row.createdAt };
  }

  deleteSnapshot(streamId: string, name = 'default'): void {
    this.assertOpen();
    const key = snapshotKey(streamId, name);
    const before = this.snapshots.get(key);
    if (!before) return;
    this.snapshots.delete(key);
    this.record(() => this.snapshots.set(key, before));
  }

  protected writeSnapshot(streamId: string, name: string, snapshotVersion: number, streamVersion: number, stateJson: string): void {
    const key = snapshotKey(streamId, name);
    const before = this.snapshots.get(key);
    this.snapshots.set(key, { snapshotVersion, streamVersion, state: stateJson, createdAt: this.now() });
    this.record(() => (before ? this.snapshots.set(key, before) : this.snapshots.delete(key)));
  }

  getCheckpoint(name: string): number {
    this.assertOpen();
    checkSubscriptionName(name);
    return this.checkpoints.get(name) ?? 0;
  }

  setCheckpoint(name: string, position: number): void {
    this.assertOpen();
    checkSubscriptionName(name);
    checkVersionNumber(position, 'Checkpoint position');
    const before = this.checkpoints.get(name);
    this.checkpoints.set(name, position);
    this.record(() => (before === undefined ? this.checkpoints.delete(name) : this.checkpoints.set(name, before)));
  }

  protected atomically<T>(fn: () => T): T {
    const outer = this.undo === undefined;
    const undo = (this.undo ??= []);
    const mark = undo.length;
    try {
      return fn();
    } catch (err) {
      while (undo.length > mark) undo.pop()!();
      throw err;
    } finally {
      if (outer) this.undo = undefined;
    }
  }

  protected closeStorage(): void {
    // Nothing to release; the data goes with the object.
  }

  private record(undo: () => void): void {
    this.undo?.push(undo);
  }

  private now(): string {
    if (!this.options.now) return new Date().toISOString();
    const t = this.options.now();
    if (typeof t === 'string') return t;
    if (t instanceof Date) return t.toISOString();
    throw new InvalidInputError('The store clock must return a Date or an ISO string');
  }

  private toRecorded(r: Row): RecordedEvent {
    return this.recorded(r.globalPosition, r.streamId, r.streamVersion, r.eventId, r.type, r.schemaVersion, r.data, r.metadata, r.recordedAt);
  }
}

/** A fresh, empty in-memory event store. */
export function createMemoryEventStore(options?: MemoryEventStoreOptions): EventStore {
  return new MemoryEventStore(options);
}

function snapshotKey(streamId: string, name: string): string {
  return `${name}\u0000${streamId}`;
}

/** Index of the first row with globalPosition > after. */
function lowerBound(log: readonly Row[], after: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid].globalPosition <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
