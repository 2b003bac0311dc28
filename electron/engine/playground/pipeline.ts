// The broker side of the playground: the relay publishes the store's global log to topic 'order-events'
// (key = stream id), the 'read-model' consumer group feeds the read model (through the inbox when
// it is on), and the 'notifier' group handles records with retries, back-off and a dead-letter
// topic. Everything moves only when pump() runs, so tests can drive it step by step.
// For the crash labs the relay can be down (its process died) and can die after a send before its
// checkpoint; events an order service sent itself (a dual write) are left to that service.
import {
  createBroker,
  createMemoryCheckpointStore,
  createRelay,
  createRetryingConsumer,
  createSimClock,
  type Broker,
  type Consumer,
  type ConsumerRecord,
  type Relay,
  type RetryingConsumer,
  type SimClock,
} from '../broker';
import type { EventStore, ReadAllOptions, RecordedEvent } from '../store';
import type { ActivityLog } from './activity';
import { PlaygroundReadModel, recordToEvent } from './readModel';

export const TOPIC = 'order-events';
export const READ_MODEL_GROUP = 'read-model';
export const NOTIFIER_GROUP = 'notifier';
export const RETRY_DELAYS_MS = [1000, 3000];
/** The readers' max.poll.interval.ms (the Java client's default): a member silent for longer is removed. */
export const MAX_POLL_INTERVAL_MS = 300_000;
/** How often the other members poll while a slow one works (simulated time). */
const SLOW_TICK_MS = 30_000;
const LAG_SAMPLES = 60;

export interface LagSample {
  at: number;
  /** Lag per partition of the read-model group (unconsumed records when nothing is committed). */
  lags: number[];
}

export interface PumpResult {
  delivered: number;
  redelivered: number;
  /** Records waiting in retry topics: call pump again later. */
  waitingRetries: number;
}

export interface PipelineOptions {
  store: EventStore;
  activity: ActivityLog;
  partitions: number;
  consumers: number;
  seed?: number;
}

export class Pipeline {
  readonly clock: SimClock = createSimClock(0);
  readonly broker: Broker<SimClock>;
  readonly model = new PlaygroundReadModel();
  private readonly relay: Relay;
  private readonly notifier: RetryingConsumer;
  private readonly readers: Consumer[] = [];
  private readonly deliveries = new Map<string, number>();
  private readonly lagHistory: LagSample[] = [];
  private journalSeen = 0;
  private crashArmed = false;
  private commitFirstArmed = false;
  private slowArmed = false;
  /** A misconfigured relay: while true, records are keyed by event type instead of stream id. */
  keyByType = false;
  /** Ids of stored events an order service sends to the topic itself (a dual write): the relay skips them. */
  readonly sentByService = new Set<string>();
  private relayUp = true;
  private relayDiesBeforeCheckpoint = false;
  private readerCounter = 0;
  notificationsSent = 0;
  readonly partitions: number;
  private readonly relayCheckpoints = createMemoryCheckpointStore();

  constructor(private readonly options: PipelineOptions) {
    this.partitions = options.partitions;
    this.broker = createBroker({ seed: options.seed ?? 7, clock: this.clock });
    this.broker.createTopic(TOPIC, { partitions: options.partitions });
    // The broker lives in memory: on start the relay republishes the whole stored log, so the
    // store plus the (deterministic) broker journal replay the playground's run.
    this.relay = createRelay(this.broker, {
      source: { readAll: (o) => this.relaySourceRead(o ?? {}) },
      topic: TOPIC,
      checkpoints: this.relayCheckpoints,
      batchSize: 1000,
      keyOf: (e) => (this.keyByType ? e.type : e.streamId),
      hooks: { beforeCheckpoint: (position) => this.maybeDieBeforeCheckpoint(position) },
    });
    this.notifier = createRetryingConsumer(this.broker, {
      topic: TOPIC,
      groupId: NOTIFIER_GROUP,
      retryDelaysMs: RETRY_DELAYS_MS,
      handler: (record) => this.notify(record),
    });
    for (let i = 0; i < options.consumers; i++) this.addConsumer();
  }

  get crashIsArmed(): boolean {
    return this.crashArmed;
  }

  /** Publishes new store events to the topic; cheap when there are none. Nothing while the relay is down. */
  publish(): number {
    if (!this.relayUp) return 0;
    let n: number;
    try {
      n = this.relay.runUntilCaughtUp();
    } catch (error) {
      if (!(error instanceof RelayDied)) throw error;
      this.relayUp = false;
      this.options.activity.add('relay-died-before-checkpoint', { sent: error.sent, checkpoint: error.checkpoint });
      n = error.sent;
    }
    if (n > 0) this.sampleLag();
    return n;
  }

  get relayIsUp(): boolean {
    return this.relayUp;
  }

  /** The global position the relay has published up to (its checkpoint). */
  relayCheckpoint(): number {
    return this.relay.checkpoint();
  }

  /** The relay's process died: until startRelay(), stored events stay in the log (the outbox) unpublished. */
  stopRelay(): void {
    this.relayUp = false;
  }

  /** The relay's process starts again and resumes from its checkpoint; returns how many events it sent. */
  startRelay(): number {
    this.relayUp = true;
    return this.publish();
  }

  /** Fault: the relay's next batch is sent, then it dies before saving its checkpoint (it will send it again). */
  armRelayDeathBeforeCheckpoint(): void {
    this.relayDiesBeforeCheckpoint = true;
  }

  advance(ms: number): void {
    if (ms > 0) this.clock.advance(ms);
  }

  addConsumer(): string {
    const c = this.broker.consumer({ groupId: READ_MODEL_GROUP, autoOffsetReset: 'earliest', clientId: `reader-${++this.readerCounter}`, maxPollIntervalMs: MAX_POLL_INTERVAL_MS });
    c.subscribe([TOPIC]);
    this.readers.push(c);
    this.options.activity.add('consumer-added', { memberId: c.memberId });
    this.drainJournal();
    return c.memberId;
  }

  removeConsumer(memberId?: string): boolean {
    const i = memberId ? this.readers.findIndex((c) => c.memberId === memberId) : this.readers.length - 1;
    if (i < 0) return false;
    const [c] = this.readers.splice(i, 1);
    c!.close();
    this.options.activity.add('consumer-removed', { memberId: c!.memberId });
    this.drainJournal();
    return true;
  }

  memberIds(): string[] {
    return this.readers.map((c) => c.memberId);
  }

  /** Fault: the next consumer that gets records handles them and dies before it commits. */
  armCrash(armed = true): void {
    this.crashArmed = armed;
  }

  /**
   * Fault: the next consumer that gets records commits them first and dies before handling them
   * (commit before processing). Its successor starts after them: the read model never sees them.
   */
  armCommitFirstCrash(): void {
    this.commitFirstArmed = true;
  }

  /**
   * Fault: the next consumer that gets records spends longer on them than max.poll.interval.ms. The
   * group removes it meanwhile, its commit fails, and the batch goes to another member again.
   */
  armSlowConsumer(): void {
    this.slowArmed = true;
  }

  /** Fault: a record no handler can parse, written straight to the topic (a buggy producer). */
  injectPoison(key: string): { partition: number; offset: number } {
    const [meta] = this.broker.producer({ clientId: 'legacy-producer' }).send(TOPIC, { key, value: { garbage: true, note: 'not an event' } });
    this.options.activity.add('poison', { key, partition: meta!.partition, offset: meta!.offset });
    this.sampleLag();
    return { partition: meta!.partition, offset: meta!.offset };
  }

  /** One round of delivery: publish, let every reader poll until nothing is left, step the notifier. */
  pump(): PumpResult {
    this.publish();
    let delivered = 0;
    let redelivered = 0;
    for (let round = 0; round < 1000; round++) {
      let got = 0;
      for (const c of [...this.readers]) {
        const records = c.poll({ maxRecords: 500 });
        if (records.length === 0) continue;
        got += records.length;
        if (this.slowArmed) {
          this.slowArmed = false;
          redelivered += this.handleBatch(c, records);
          redelivered += this.workSlowly(c);
          continue;
        }
        if (this.commitFirstArmed) {
          this.commitFirstArmed = false;
          c.commit();
          this.crash(c, records.length, records[0]);
          continue;
        }
        redelivered += this.handleBatch(c, records);
        if (this.crashArmed) {
          this.crashArmed = false;
          this.crash(c, records.length);
          continue;
        }
        try {
          c.commit();
        } catch {
          // COMMIT_FAILED after a rebalance: the records come again to the new owner (at least once).
        }
      }
      delivered += got;
      if (got === 0) break;
    }
    let waitingRetries = 0;
    for (let i = 0; i < 10_000; i++) {
      const r = this.notifier.step();
      waitingRetries = r.waiting;
      if (r.succeeded + r.retried + r.deadLettered === 0) break;
    }
    this.drainJournal();
    this.sampleLag();
    return { delivered, redelivered, waitingRetries };
  }

  lag(): LagSample[] {
    return this.lagHistory.slice();
  }

  close(): void {
    for (const c of this.readers) if (c.status === 'active') c.close();
    this.notifier.close();
  }

  /** The log as the relay sees it: without the events an order service sent itself. */
  private relaySourceRead(options: ReadAllOptions): RecordedEvent[] {
    if (this.sentByService.size === 0) return this.options.store.readAll(options);
    for (let after = options.after ?? 0; ; ) {
      const batch = this.options.store.readAll({ ...options, after });
      if (batch.length === 0) return batch;
      const mine = batch.filter((e) => !this.sentByService.has(e.eventId));
      if (mine.length > 0) return mine;
      after = batch[batch.length - 1]!.globalPosition;
    }
  }

  private maybeDieBeforeCheckpoint(position: number): void {
    if (!this.relayDiesBeforeCheckpoint) return;
    this.relayDiesBeforeCheckpoint = false;
    const checkpoint = this.relay.checkpoint();
    const sent = this.options.store.readAll({ after: checkpoint, upTo: position, lazy: true }).filter((e) => !this.sentByService.has(e.eventId)).length;
    throw new RelayDied(sent, checkpoint);
  }

  private handleBatch(c: Consumer, records: ConsumerRecord[]): number {
    let redelivered = 0;
    let applied = 0;
    let skipped = 0;
    let first: ConsumerRecord | undefined;
    let resent: ConsumerRecord | undefined;
    let resentCount = 0;
    for (const r of records) {
      const key = `${r.partition}:${r.offset}`;
      const seen = this.deliveries.get(key) ?? 0;
      this.deliveries.set(key, seen + 1);
      const outcome = this.model.handleRecord(r);
      if (seen === 0 && outcome === 'duplicate-skipped') {
        // A record at a new offset whose event id the inbox knows: a second send (a relay re-send).
        resent ??= r;
        resentCount++;
      }
      if (seen > 0) {
        redelivered++;
        first ??= r;
        if (outcome === 'applied') applied++;
        if (outcome === 'duplicate-skipped') skipped++;
      }
    }
    if (redelivered > 0 && first) {
      this.options.activity.add('redelivery', {
        memberId: c.memberId,
        count: redelivered,
        partition: first.partition,
        offset: first.offset,
        skippedByInbox: skipped,
        appliedAgain: applied,
      });
      if (applied > 0) this.options.activity.add('duplicate-effect', { count: applied });
    }
    if (resent) this.options.activity.add('resent-skipped', { memberId: c.memberId, count: resentCount, partition: resent.partition, offset: resent.offset });
    return redelivered;
  }

  /**
   * The slow member's batch takes longer than max.poll.interval.ms of simulated time; the other members
   * go on polling (and handling what they get) meanwhile. Then its commit fails: it was removed.
   */
  private workSlowly(slow: Consumer): number {
    let redelivered = 0;
    for (let waited = 0; waited <= MAX_POLL_INTERVAL_MS; waited += SLOW_TICK_MS) {
      this.clock.advance(SLOW_TICK_MS);
      for (const other of this.readers) {
        if (other === slow) continue;
        const records = other.poll({ maxRecords: 500 });
        redelivered += this.handleBatch(other, records);
        this.commitQuietly(other);
      }
    }
    let committed = true;
    try {
      slow.commit();
    } catch {
      committed = false;
    }
    this.options.activity.add('slow-consumer', { memberId: slow.memberId, seconds: (MAX_POLL_INTERVAL_MS + SLOW_TICK_MS) / 1000, limit: MAX_POLL_INTERVAL_MS / 1000, committed });
    this.drainJournal();
    return redelivered;
  }

  private commitQuietly(c: Consumer): void {
    try {
      c.commit();
    } catch {
      // COMMIT_FAILED after a rebalance: the records come again to the new owner (at least once).
    }
  }

  /** A reader dies; with `lostFrom`, it had committed `handled` records from there without handling them. */
  private crash(c: Consumer, handled: number, lostFrom?: ConsumerRecord): void {
    c.crash();
    this.readers.splice(this.readers.indexOf(c), 1);
    if (lostFrom) this.options.activity.add('lost-after-commit', { memberId: c.memberId, count: handled, partition: lostFrom.partition, offset: lostFrom.offset });
    else this.options.activity.add('crash', { memberId: c.memberId, handled });
    if (this.readers.length === 0) {
      // Like an orchestrator restarting a dead pod: someone has to pick the partitions up.
      const id = this.addConsumer();
      this.options.activity.add('replacement', { memberId: id });
    }
  }

  private notify(record: ConsumerRecord): void {
    const event = recordToEvent(record);
    if (!event) throw new Error('cannot parse the record: it is not a stored event');
    if (event.type === 'OrderPaid' || event.type === 'OrderShipped') this.notificationsSent++;
  }

  /** Turns broker journal entries worth narrating into activity entries. */
  private drainJournal(): void {
    const entries = this.broker.journal({ after: this.journalSeen });
    for (const e of entries) {
      this.journalSeen = e.seq;
      if (e.type === 'rebalance' && e.groupId === READ_MODEL_GROUP) {
        const moves = e.members.map((m) => `${m.memberId}: [${m.assignment.map((tp) => tp.partition).join(',')}]`).join('; ');
        this.options.activity.add('rebalance', { generation: e.generation, reason: e.reason, assignment: moves });
      } else if (e.type === 'retry.scheduled') {
        this.options.activity.add('retry', { key: e.key, toTopic: e.toTopic, attempt: e.attempt, dueAt: e.dueAt, error: e.error });
      } else if (e.type === 'dead-letter') {
        this.options.activity.add('dead-letter', { key: e.key, toTopic: e.toTopic, attempts: e.attempts, error: e.error });
      }
    }
  }

  private sampleLag(): void {
    const d = this.broker.describe();
    const group = d.groups.find((g) => g.groupId === READ_MODEL_GROUP);
    const topic = d.topics.find((t) => t.name === TOPIC)!;
    const lags = topic.partitions.map((p) => {
      const gp = group?.partitions.find((x) => x.topic === TOPIC && x.partition === p.partition);
      return gp?.lag ?? p.logEndOffset - p.logStartOffset;
    });
    this.lagHistory.push({ at: Date.now(), lags });
    if (this.lagHistory.length > LAG_SAMPLES) this.lagHistory.shift();
  }
}

/** Thrown from the relay's checkpoint hook: the batch was sent, the checkpoint was not saved. */
class RelayDied extends Error {
  constructor(
    readonly sent: number,
    readonly checkpoint: number,
  ) {
    super('the relay died after sending, before saving its checkpoint');
  }
}
