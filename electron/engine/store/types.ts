// The event store's public types, shared by the SQLite and the in-memory implementation.
// Pure TypeScript: the sandbox bundles these files, so nothing here may import Node modules.

/** An event as a caller hands it to appendToStream. */
export interface NewEvent {
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
  /** Give one to make retries idempotent; generated (UUID) when absent. */
  eventId?: string;
  /** Version of the event's schema, 1 when absent; upcasters lift old versions on read. */
  schemaVersion?: number;
}

/** An event as the store hands it back: fresh objects on every read, so callers may mutate them freely. */
export interface RecordedEvent {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as expectedVersion next time. */
  nextExpectedVersion: number;
  firstGlobalPosition: number;
  lastGlobalPosition: number;
  createdNewStream: boolean;
}

/** A number is the exact current version (0 = the stream does not exist yet). */
export type ExpectedVersion = number | 'any' | 'no_stream' | 'stream_exists';

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** Lowest version to return (inclusive), whatever the direction. Default 1. */
  fromVersion?: number;
  /** Highest version to return (inclusive), whatever the direction. Default: the last. */
  toVersion?: number;
  /** At most this many events, counted from the start of the chosen direction. */
  maxCount?: number;
  direction?: 'forward' | 'backward';
}

export interface ReadStreamResult {
  events: RecordedEvent[];
  /** The stream's version now, independent of the range asked for (0 when it does not exist). */
  currentVersion: number;
  streamExists: boolean;
}

export interface ReadAllOptions {
  /** Return events after this global position (exclusive). Default 0. */
  after?: number;
  /** Do not return events past this global position (inclusive). */
  upTo?: number;
  maxCount?: number;
  /** Only these stored event types. */
  types?: string[];
  /**
   * Leave `data` and `metadata` as JSON text until first read (a LazyRecordedEvent): for catch-up
   * readers that skip most payloads. Such an event survives JSON.stringify but not a spread or
   * structuredClone (its payloads are accessors): call toPlain() before handing it on. Default false;
   * the in-memory store returns plain events either way.
   */
  lazy?: boolean;
}

/** Lifts `data` of one event type from `fromSchemaVersion` to `fromSchemaVersion + 1`. */
export type UpcastFn = (data: unknown, event: Readonly<RecordedEvent>) => unknown;

export interface SnapshotOptions<State> {
  /** Version of the state's shape; a stored snapshot with another version is discarded, never upcast. */
  version: number;
  /** Write a snapshot once this many events were folded since the last one. Default 100. */
  every?: number;
  /** Several aggregates may read one stream; each keeps its own snapshot. Default 'default'. */
  name?: string;
  /** Turn the state into JSON-safe data (default: the state itself). */
  serialize?: (state: State) => unknown;
  /** Rebuild the state from what serialize returned (default: the data itself). */
  deserialize?: (data: unknown) => State;
}

export interface AggregateStreamOptions<State> {
  evolve: (state: State, event: RecordedEvent) => State;
  initialState: () => State;
  snapshot?: SnapshotOptions<State>;
  /** Time travel: the state as of this stream version. Snapshots newer than it are ignored and none is written. */
  toVersion?: number;
}

export interface AggregateStreamResult<State> {
  state: State;
  currentVersion: number;
  streamExists: boolean;
  /** Stream version the loaded snapshot covered (0 when none was used). */
  snapshotVersion: number;
  /** How many events were folded on top of the snapshot. */
  eventsFolded: number;
}

export interface StoredSnapshot {
  streamId: string;
  name: string;
  snapshotVersion: number;
  streamVersion: number;
  state: unknown;
  createdAt: string;
}

export interface AppendedNotice {
  streamId: string;
  firstGlobalPosition: number;
  lastGlobalPosition: number;
  count: number;
}

/** A projection whose effects are committed together with its checkpoint (exactly once). */
export interface ProjectionDefinition {
  name: string;
  /** Only these stored event types reach `apply`; the checkpoint still moves past the others. */
  types?: string[];
  /** Synchronous: runs inside the store's transaction (SQLite: use the store's `database`). */
  apply(event: RecordedEvent): void;
  /** Events per transaction. Default 500. */
  batchSize?: number;
}

export interface ProjectionRunResult {
  processed: number;
  position: number;
}

export interface SubscriptionOptions {
  name: string;
  types?: string[];
  /** At least once: the checkpoint moves only past events whose handler returned (or resolved). */
  handle(event: RecordedEvent): void | Promise<void>;
  batchSize?: number;
  /** Also check for new events on this interval (ms): for appends by other processes. Off by default. */
  pollIntervalMs?: number;
  /** Called when a handler throws; the subscription then stops, its checkpoint at the last handled event. */
  onError?(error: unknown, event: RecordedEvent): void;
}

export interface Subscription {
  readonly name: string;
  /** Global position of the last handled event. */
  position(): number;
  status(): 'running' | 'stopped' | 'failed';
  /** Resolves once every event appended so far (in this process) has been handled. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): AppendResult;
  readStream(streamId: string, options?: ReadStreamOptions): ReadStreamResult;
  readAll(options?: ReadAllOptions): RecordedEvent[];
  /** Global position of the newest event (0 when empty). */
  headPosition(): number;

  aggregateStream<State>(streamId: string, options: AggregateStreamOptions<State>): AggregateStreamResult<State>;
  readSnapshot(streamId: string, name?: string): StoredSnapshot | undefined;
  /** Snapshots are a cache: dropping them never loses data. */
  deleteSnapshot(streamId: string, name?: string): void;

  /** Register `upcast` to lift `type` from `fromSchemaVersion` to the next; chains apply in order on read. */
  registerUpcaster(type: string, fromSchemaVersion: number, upcast: UpcastFn): void;

  getCheckpoint(name: string): number;
  setCheckpoint(name: string, position: number): void;
  /** Catch a projection up to the head now, in transactions of `batchSize` events with its checkpoint. */
  runProjection(projection: ProjectionDefinition): ProjectionRunResult;
  /** Live: catches up, then wakes after every commit to this store. */
  subscribe(options: SubscriptionOptions): Subscription;
  /** Same as subscribe, for a projection: each wake runs runProjection. */
  subscribeProjection(projection: ProjectionDefinition, options?: { pollIntervalMs?: number; onError?(error: unknown): void }): Subscription;
  /** Called after each committed append; returns an unsubscribe function. */
  onAppended(listener: (notice: AppendedNotice) => void): () => void;

  /** Runs fn in one transaction (SQLite: immediate; memory: all-or-nothing is the caller's job). */
  transaction<T>(fn: () => T): T;
  close(): void;
}
