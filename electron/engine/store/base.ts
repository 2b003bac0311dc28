// What both store implementations share above the storage layer: upcasting on read, aggregates
// with snapshots, projections and live subscriptions, and append notices delivered after commit.
import { InvalidInputError, StoreClosedError } from './errors';
import { LiveSubscription, ProjectionSubscription } from './subscriptions';
import type {
  AggregateStreamOptions,
  AggregateStreamResult,
  AppendedNotice,
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ProjectionDefinition,
  ProjectionRunResult,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  RecordedEvent,
  StoredSnapshot,
  Subscription,
  SubscriptionOptions,
  UpcastFn,
} from './types';
import { UpcasterRegistry } from './upcasters';
import { checkStreamId, checkVersionNumber, toJsonText } from './validate';

const DEFAULT_SNAPSHOT_EVERY = 100;
const DEFAULT_BATCH = 500;

export abstract class EventStoreBase implements EventStore {
  protected readonly upcasters = new UpcasterRegistry();
  protected closed = false;
  private readonly listeners = new Set<(notice: AppendedNotice) => void>();
  private readonly subscriptions = new Set<Subscription>();
  private pending: AppendedNotice[] = [];
  private depth = 0;

  abstract appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): AppendResult;
  abstract readStream(streamId: string, options?: ReadStreamOptions): ReadStreamResult;
  abstract readAll(options?: ReadAllOptions): RecordedEvent[];
  abstract headPosition(): number;
  abstract readSnapshot(streamId: string, name?: string): StoredSnapshot | undefined;
  abstract deleteSnapshot(streamId: string, name?: string): void;
  abstract getCheckpoint(name: string): number;
  abstract setCheckpoint(name: string, position: number): void;
  /** Stores snapshot JSON text (already checked). */
  protected abstract writeSnapshot(streamId: string, name: string, snapshotVersion: number, streamVersion: number, stateJson: string): void;
  /** Runs fn atomically; nested calls must be savepoints. */
  protected abstract atomically<T>(fn: () => T): T;
  protected abstract closeStorage(): void;

  transaction<T>(fn: () => T): T {
    this.assertOpen();
    if (typeof fn !== 'function') throw new InvalidInputError('transaction needs a function');
    if (isAsync(fn)) throw new InvalidInputError('transaction needs a synchronous function: work after an await would run outside it');
    const mark = this.pending.length;
    this.depth++;
    let result: T;
    try {
      result = this.atomically(fn);
    } catch (err) {
      this.pending.length = mark; // appends rolled back: nobody hears of them
      throw err;
    } finally {
      this.depth--;
    }
    if (this.depth === 0) this.flushNotices();
    return result;
  }

  registerUpcaster(type: string, fromSchemaVersion: number, upcast: UpcastFn): void {
    this.upcasters.register(type, fromSchemaVersion, upcast);
  }

  onAppended(listener: (notice: AppendedNotice) => void): () => void {
    if (typeof listener !== 'function') throw new InvalidInputError('onAppended needs a function');
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    for (const sub of [...this.subscriptions]) void sub.stop();
    this.closed = true;
    this.listeners.clear();
    this.closeStorage();
  }

  aggregateStream<State>(streamId: string, options: AggregateStreamOptions<State>): AggregateStreamResult<State> {
    this.assertOpen();
    checkStreamId(streamId);
    if (!options || typeof options.evolve !== 'function' || typeof options.initialState !== 'function') {
      throw new InvalidInputError('aggregateStream needs { evolve(state, event), initialState() }');
    }
    const toVersion = options.toVersion === undefined ? undefined : checkVersionNumber(options.toVersion, 'toVersion');
    const snap = options.snapshot;
    let name = 'default';
    let every = DEFAULT_SNAPSHOT_EVERY;
    let state: State | undefined;
    let from = 0;
    if (snap) {
      checkVersionNumber(snap.version, 'snapshot.version');
      if (snap.every !== undefined) every = checkVersionNumber(snap.every, 'snapshot.every', 1);
      if (snap.name !== undefined) name = snap.name;
      const stored = this.readSnapshot(streamId, name);
      if (stored && stored.snapshotVersion !== snap.version) {
        this.deleteSnapshot(streamId, name); // the state's shape changed: a cache entry, never upcast
      } else if (stored && (toVersion === undefined || stored.streamVersion <= toVersion)) {
        state = snap.deserialize ? snap.deserialize(stored.state) : (stored.state as State);
        from = stored.streamVersion;
      }
    }
    if (from === 0) state = options.initialState();
    const { events, currentVersion, streamExists } = this.readStream(streamId, { fromVersion: from + 1, toVersion });
    for (let i = 0; i < events.length; i++) state = options.evolve(state as State, events[i]);
    const reached = events.length > 0 ? events[events.length - 1].streamVersion : from;
    if (snap && toVersion === undefined && reached - from >= every) {
      const json = toJsonText(snap.serialize ? snap.serialize(state as State) : state, `Snapshot of "${streamId}"`);
      this.writeSnapshot(streamId, name, snap.version, reached, json);
    }
    return { state: state as State, currentVersion, streamExists, snapshotVersion: from, eventsFolded: events.length };
  }

  runProjection(projection: ProjectionDefinition): ProjectionRunResult {
    this.assertOpen();
    const { name, apply } = checkProjection(projection);
    const batchSize = projection.batchSize === undefined ? DEFAULT_BATCH : checkVersionNumber(projection.batchSize, 'batchSize', 1);
    let processed = 0;
    let position = 0;
    for (;;) {
      let failure: { error: unknown; event: RecordedEvent } | undefined;
      const done = this.transaction(() => {
        // Read the checkpoint inside the transaction: another process may run the same projection.
        position = this.getCheckpoint(name);
        const head = this.headPosition();
        if (position >= head) return true;
        const batch = this.readAll({ after: position, upTo: head, maxCount: batchSize, types: projection.types });
        let last = position;
        for (const event of batch) {
          try {
            // Savepoint: a throwing handler leaves no half-written rows.
            this.atomically(() => {
              const r = apply(event) as unknown;
              if (r && typeof (r as Promise<unknown>).then === 'function') {
                throw new InvalidInputError('A projection\'s apply must be synchronous (it runs inside a transaction); use subscribe for async handlers');
              }
            });
          } catch (error) {
            failure = { error, event };
            break;
          }
          last = event.globalPosition;
          processed++;
        }
        // A short (type-filtered) batch means nothing else matches up to head.
        if (!failure && batch.length < batchSize) last = head;
        if (last !== position) this.setCheckpoint(name, last);
        position = last;
        return false;
      });
      if (failure) {
        const { error, event } = failure;
        throw new Error(
          `Projection "${name}" failed on ${event.type} at global position ${event.globalPosition}: ${(error as Error)?.message ?? String(error)}`,
          { cause: error },
        );
      }
      if (done) return { processed, position };
    }
  }

  subscribe(options: SubscriptionOptions): Subscription {
    this.assertOpen();
    if (!options || typeof options.handle !== 'function') throw new InvalidInputError('subscribe needs { name, handle(event) }');
    checkSubscriptionName(options.name);
    const sub = new LiveSubscription(this, options, () => this.subscriptions.delete(sub));
    this.subscriptions.add(sub);
    sub.start();
    return sub;
  }

  subscribeProjection(projection: ProjectionDefinition, options: { pollIntervalMs?: number; onError?(error: unknown): void } = {}): Subscription {
    this.assertOpen();
    checkProjection(projection);
    const sub = new ProjectionSubscription(this, projection, options, () => this.subscriptions.delete(sub));
    this.subscriptions.add(sub);
    sub.start();
    return sub;
  }

  protected assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  /** Called by implementations after an append is written; delivered once the outermost transaction commits. */
  protected appended(notice: AppendedNotice): void {
    if (this.listeners.size === 0) return;
    this.pending.push(notice);
    if (this.depth === 0) this.flushNotices();
  }

  protected isInsideTransaction(): boolean {
    return this.depth > 0;
  }

  /** Builds the event a reader sees: payloads parsed afresh, old schema versions upcast. */
  protected recorded(
    globalPosition: number,
    streamId: string,
    streamVersion: number,
    eventId: string,
    type: string,
    schemaVersion: number,
    data: string,
    metadata: string,
    recordedAt: string,
  ): RecordedEvent {
    const event: RecordedEvent = {
      globalPosition,
      streamId,
      streamVersion,
      eventId,
      type,
      schemaVersion,
      data: JSON.parse(data),
      metadata: metadata === '{}' ? {} : JSON.parse(metadata),
      recordedAt,
    };
    return this.upcasters.size === 0 ? event : this.upcasters.apply(event);
  }

  private flushNotices(): void {
    const notices = this.pending;
    if (notices.length === 0) return;
    this.pending = [];
    for (const notice of notices) {
      for (const listener of this.listeners) {
        try {
          listener(notice);
        } catch (err) {
          // The append is committed; a failing listener must not make it look failed.
          console.error('event store: an onAppended listener threw', err);
        }
      }
    }
  }
}

function checkSubscriptionName(name: unknown): string {
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 200) {
    throw new InvalidInputError('A subscription or projection needs a name (1–200 characters): its checkpoint is stored under it');
  }
  return name;
}

function isAsync(fn: unknown): boolean {
  return (fn as { constructor?: { name?: string } }).constructor?.name === 'AsyncFunction';
}

function checkProjection(projection: ProjectionDefinition): { name: string; apply: (event: RecordedEvent) => void } {
  if (!projection || typeof projection.apply !== 'function') throw new InvalidInputError('A projection needs { name, apply(event) }');
  if (isAsync(projection.apply)) throw new InvalidInputError(`Projection "${String(projection.name)}": apply must be synchronous (it runs inside a transaction); use subscribe for async handlers`);
  return { name: checkSubscriptionName(projection.name), apply: projection.apply };
}

export { checkSubscriptionName };
