// The relay (transactional outbox, log-tailing flavour): a checkpointed reader of the event store's
// global log that publishes every stored event to a topic, keyed by stream id. It only ever sees
// committed events and is the only writer of the topic, so command handlers never dual-write.
// It checkpoints *after* publishing: killed in between, it publishes again (at least once), and it
// never skips an event. Consumers deduplicate by event id (see the inbox helpers).
import type { Broker } from './broker';
import { BrokerError } from './errors';
import type { Clock, ProducerRecord } from './types';

/** The slice of a stored event the relay needs (the event store's RecordedEvent fits). */
export interface RelayEvent {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion?: number;
  data: unknown;
  metadata?: Record<string, unknown>;
  recordedAt?: string;
}

/**
 * The event store's global log (the EventStore of electron/engine/store fits as is). With
 * getCheckpoint/setCheckpoint the relay keeps its checkpoint in the store itself; with onAppended
 * it can follow new commits live.
 */
export interface RelaySource {
  readAll(options?: { after?: number; maxCount?: number }): RelayEvent[];
  getCheckpoint?(name: string): number;
  setCheckpoint?(name: string, position: number): void;
  onAppended?(listener: () => void): () => void;
}

/** Where the relay remembers the global position it has published up to. */
export interface CheckpointStore {
  load(name: string): number;
  save(name: string, position: number): void;
}

export interface RelayOptions {
  source: RelaySource;
  topic: string;
  /** Default: the source's own getCheckpoint/setCheckpoint. */
  checkpoints?: CheckpointStore;
  /** Checkpoint name; default 'relay:<topic>'. */
  name?: string;
  /** The message key of an event. Default (and right): its stream id, so a stream keeps its order. */
  keyOf?: (event: RelayEvent) => string;
  /** Events read per round (and per checkpoint). Default 256. */
  batchSize?: number;
  /** Fault-injection points for tests: throw from one to simulate the relay dying there. */
  hooks?: {
    /** Called for each event of a batch before the batch is sent. */
    beforePublish?(event: RelayEvent): void;
    /** Called for each event of a batch after the batch was sent (the checkpoint comes later). */
    afterPublish?(event: RelayEvent): void;
    beforeCheckpoint?(position: number): void;
  };
}

export interface Relay {
  readonly name: string;
  /** Publishes at most one batch; returns how many events it published. */
  runOnce(): number;
  /** Publishes until the source has nothing after the checkpoint; returns how many it published. */
  runUntilCaughtUp(): number;
  checkpoint(): number;
  /** Live mode: publish after every commit the source reports (needs source.onAppended). Returns stop. */
  follow(onError?: (error: unknown) => void): () => void;
}

export const RELAY_HEADERS = { eventId: 'event-id', eventType: 'event-type', globalPosition: 'global-position', streamVersion: 'stream-version' } as const;

export function createMemoryCheckpointStore(): CheckpointStore {
  const positions = new Map<string, number>();
  return { load: (name) => positions.get(name) ?? 0, save: (name, position) => void positions.set(name, position) };
}

/**
 * The record the relay publishes for a stored event (key: the stream id unless the relay chooses): the
 * envelope as the value, the event's id, type, position and version as headers. Anything that sends
 * stored events on the relay's behalf (the playground's dual-writing service) sends this same shape.
 */
export function relayRecord(e: RelayEvent, key: string = e.streamId): ProducerRecord {
  return {
    key,
    value: {
      eventId: e.eventId,
      streamId: e.streamId,
      streamVersion: e.streamVersion,
      globalPosition: e.globalPosition,
      type: e.type,
      schemaVersion: e.schemaVersion ?? 1,
      data: e.data,
      metadata: e.metadata ?? {},
      recordedAt: e.recordedAt ?? null,
    },
    headers: {
      [RELAY_HEADERS.eventId]: e.eventId,
      [RELAY_HEADERS.eventType]: e.type,
      [RELAY_HEADERS.globalPosition]: String(e.globalPosition),
      [RELAY_HEADERS.streamVersion]: String(e.streamVersion),
    },
  };
}

export function createRelay<C extends Clock>(broker: Broker<C>, options: RelayOptions): Relay {
  broker.topic(options.topic);
  const name = options.name ?? `relay:${options.topic}`;
  const batchSize = options.batchSize ?? 256;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new BrokerError('INVALID_ARGUMENT', 'batchSize must be a positive integer');
  const producer = broker.producer({ idempotent: true, clientId: name });
  const hooks = options.hooks ?? {};
  const source = options.source;
  let checkpoints = options.checkpoints;
  if (!checkpoints) {
    if (typeof source.getCheckpoint !== 'function' || typeof source.setCheckpoint !== 'function') {
      throw new BrokerError('INVALID_ARGUMENT', 'the relay needs a checkpoint store (or a source with getCheckpoint/setCheckpoint)');
    }
    checkpoints = { load: (n) => (source.getCheckpoint as (n: string) => number)(n), save: (n, p) => (source.setCheckpoint as (n: string, p: number) => void)(n, p) };
  }
  const cp: CheckpointStore = checkpoints;

  const toRecord = (e: RelayEvent): ProducerRecord => relayRecord(e, options.keyOf ? options.keyOf(e) : e.streamId);

  const relay: Relay = {
    name,
    runOnce() {
      const after = cp.load(name);
      const events = source.readAll({ after, maxCount: batchSize });
      if (events.length === 0) return 0;
      // One send per batch: the batch lands atomically, each stream's events in order.
      if (hooks.beforePublish) for (const e of events) hooks.beforePublish(e);
      producer.sendOwned(options.topic, events.map(toRecord));
      if (hooks.afterPublish) for (const e of events) hooks.afterPublish(e);
      const last = events[events.length - 1].globalPosition;
      hooks.beforeCheckpoint?.(last);
      cp.save(name, last);
      return events.length;
    },
    runUntilCaughtUp() {
      let total = 0;
      for (let n = relay.runOnce(); n > 0; n = relay.runOnce()) total += n;
      return total;
    },
    checkpoint: () => cp.load(name),
    follow(onError) {
      if (typeof source.onAppended !== 'function') throw new BrokerError('INVALID_ARGUMENT', 'this source cannot report appends (no onAppended)');
      const run = () => {
        try {
          relay.runUntilCaughtUp();
        } catch (e) {
          // Nothing is lost: the checkpoint stayed behind the failure, the next wake retries.
          onError?.(e);
        }
      };
      run();
      return source.onAppended(run);
    },
  };
  return relay;
}
