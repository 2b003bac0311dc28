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
import { parseStoredJson, parseStoredMetadata } from './storedJson';
import { aggregateStream, type SnapshotAccess } from './aggregate';
import { checkProjection, checkSubscriptionName, isAsync, runProjection, type ProjectionAccess } from './projection';

export abstract class EventStoreBase implements EventStore {
  protected readonly upcasters = new UpcasterRegistry();
  protected closed = false;
  private readonly listeners = new Set<(notice: AppendedNotice) => void>();
  private readonly subscriptions = new Set<Subscription>();
  private pending: AppendedNotice[] = [];
  private depth = 0;
  private readonly snapshotAccess: SnapshotAccess = {
    readStream: (streamId, options) => this.readStream(streamId, options),
    readSnapshot: (streamId, name) => this.readSnapshot(streamId, name),
    deleteSnapshot: (streamId, name) => this.deleteSnapshot(streamId, name),
    writeSnapshot: (streamId, name, snapshotVersion, streamVersion, json) => this.writeSnapshot(streamId, name, snapshotVersion, streamVersion, json),
  };
  private readonly projectionAccess: ProjectionAccess = {
    transaction: (fn) => this.transaction(fn),
    savepoint: (fn) => this.atomically(fn),
    getCheckpoint: (name) => this.getCheckpoint(name),
    setCheckpoint: (name, position) => this.setCheckpoint(name, position),
    headPosition: () => this.headPosition(),
    readAll: (options) => this.readAll(options),
  };

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
    return aggregateStream(this.snapshotAccess, streamId, options);
  }

  runProjection(projection: ProjectionDefinition): ProjectionRunResult {
    this.assertOpen();
    return runProjection(this.projectionAccess, projection);
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
    return this.parsed(globalPosition, streamId, streamVersion, eventId, type, schemaVersion, parseStoredJson(data, globalPosition, 'data'), parseStoredMetadata(metadata, globalPosition), recordedAt);
  }

  /** Same, for payloads the caller parsed already (fresh objects, never shared between reads). */
  protected parsed(
    globalPosition: number,
    streamId: string,
    streamVersion: number,
    eventId: string,
    type: string,
    schemaVersion: number,
    data: unknown,
    metadata: Record<string, unknown>,
    recordedAt: string,
  ): RecordedEvent {
    const event: RecordedEvent = { globalPosition, streamId, streamVersion, eventId, type, schemaVersion, data, metadata, recordedAt };
    return this.upcasters.size === 0 ? event : this.upcasters.apply(event);
  }

  /** Old schema versions lifted by the registered upcasters (the event itself when there are none). */
  protected upcast<E extends RecordedEvent>(event: E): E {
    return this.upcasters.size === 0 ? event : (this.upcasters.apply(event) as E);
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
