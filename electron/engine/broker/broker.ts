// The broker: topics of partition logs, producers, and consumer groups with an eager rebalance
// protocol. Single process and synchronous by design; every step is journaled.
import { assignors } from './assignors';
import { createSimClock, type SimClock } from './clock';
import { Consumer } from './consumer';
import { GroupCoordinator } from './coordinator';
import type { ConsumerHost } from './host';
import { BrokerError } from './errors';
import { Journal, type JournalEntry, type JournalInput } from './journal';
import { PartitionLog } from './log';
import { Producer } from './producer';
import { createRandom } from './random';
import { partitionKey, type GroupState, type MemberState, type TopicState } from './state';
import type {
  AssignorName,
  BrokerDescription,
  Clock,
  ConsumerOptions,
  ConsumerRecord,
  GroupDescription,
  GroupPartitionDescription,
  ProducerOptions,
  TopicConfig,
  TopicDescription,
  TopicPartition,
  TopicPartitionOffset,
} from './types';

export interface BrokerOptions<C extends Clock = SimClock> {
  /** Time source; defaults to a simulated clock at 0 that only moves when you advance it. */
  clock?: C;
  /** Seed for every random choice (member ids, injected faults). */
  seed?: number;
  /** How many journal entries to keep (older ones drop off; sequence numbers continue). */
  journalLimit?: number;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
const DEFAULT_DELETE_RETENTION_MS = 86_400_000;

function isSafeOffset(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

export class Broker<C extends Clock = SimClock> implements ConsumerHost {
  readonly clock: C;
  /** @internal */ readonly random: () => number;
  /** @internal */ readonly topics = new Map<string, TopicState>();
  /** The consumer groups: membership, rebalances, committed offsets (the Kafka port's members join here too). */
  readonly coordinator: GroupCoordinator;
  private readonly log: Journal;
  private nextProducerId = 1000;
  private nextClientNumber = 1;

  constructor(options: BrokerOptions<C> = {}) {
    this.clock = options.clock ?? (createSimClock() as unknown as C); // default type parameter is SimClock
    this.random = createRandom(options.seed ?? 1);
    this.log = new Journal(options.journalLimit ?? 100_000, () => this.clock.now());
    this.coordinator = new GroupCoordinator(this);
  }

  // ---- topics -------------------------------------------------------------------------------

  createTopic(name: string, config: TopicConfig): TopicDescription {
    if (typeof name !== 'string' || !TOPIC_NAME.test(name) || name === '.' || name === '..') {
      throw new BrokerError('INVALID_ARGUMENT', `invalid topic name ${JSON.stringify(name)} (letters, digits, '.', '_', '-'; at most 249)`);
    }
    if (this.topics.has(name)) throw new BrokerError('TOPIC_EXISTS', `topic ${name} already exists`);
    const partitions = config?.partitions;
    if (!Number.isSafeInteger(partitions) || partitions < 1 || partitions > 10_000) {
      throw new BrokerError('INVALID_ARGUMENT', `topic ${name}: partitions must be an integer from 1 to 10000`);
    }
    const retentionMs = config.retentionMs ?? null;
    if (retentionMs !== null && (!Number.isFinite(retentionMs) || retentionMs < 0)) {
      throw new BrokerError('INVALID_ARGUMENT', `topic ${name}: retentionMs must be a non-negative number`);
    }
    const cleanupPolicy = config.cleanupPolicy ?? 'delete';
    if (!['delete', 'compact', 'compact,delete'].includes(cleanupPolicy)) {
      throw new BrokerError('INVALID_ARGUMENT', `topic ${name}: unknown cleanupPolicy ${JSON.stringify(cleanupPolicy)}`);
    }
    const deleteRetentionMs = config.deleteRetentionMs ?? DEFAULT_DELETE_RETENTION_MS;
    if (!Number.isFinite(deleteRetentionMs) || deleteRetentionMs < 0) {
      throw new BrokerError('INVALID_ARGUMENT', `topic ${name}: deleteRetentionMs must be a non-negative number`);
    }
    const state: TopicState = {
      name,
      logs: Array.from({ length: partitions }, () => new PartitionLog()),
      retentionMs,
      cleanupPolicy,
      deleteRetentionMs,
      roundRobin: -1,
    };
    this.topics.set(name, state);
    this.record({ type: 'topic.created', topic: name, partitions, retentionMs, cleanupPolicy });
    return this.describeTopic(state);
  }

  /** @internal */ topic(name: string): TopicState {
    const t = typeof name === 'string' ? this.topics.get(name) : undefined;
    if (!t) throw new BrokerError('UNKNOWN_TOPIC', `unknown topic ${JSON.stringify(name)}`);
    return t;
  }

  /** @internal */ partitionLog(topic: string, partition: number): PartitionLog {
    const t = this.topic(topic);
    if (!Number.isSafeInteger(partition) || partition < 0 || partition >= t.logs.length) {
      throw new BrokerError('PARTITION_OUT_OF_RANGE', `topic ${topic} has partitions 0..${t.logs.length - 1}, not ${String(partition)}`);
    }
    return t.logs[partition];
  }

  /** Reads records without any consumer group (for browsing a partition in the UI). */
  read(topic: string, partition: number, options: { fromOffset?: number; maxRecords?: number } = {}): ConsumerRecord[] {
    const log = this.partitionLog(topic, partition);
    const from = options.fromOffset ?? log.logStartOffset;
    if (!isSafeOffset(from)) throw new BrokerError('INVALID_OFFSET', `fromOffset must be a non-negative integer, got ${String(from)}`);
    const max = options.maxRecords ?? 500;
    if (!Number.isSafeInteger(max) || max < 0) throw new BrokerError('INVALID_ARGUMENT', 'maxRecords must be a non-negative integer');
    const out: ConsumerRecord[] = [];
    log.read(Math.max(from, log.logStartOffset), max, (seg, i) => {
      out.push(seg.recordAt(i, topic, partition));
    });
    return out;
  }

  // ---- clients ------------------------------------------------------------------------------

  producer(options: ProducerOptions = {}): Producer {
    const idempotent = options.idempotent ?? false;
    const producerId = idempotent ? this.allocateProducerId() : null;
    return new Producer(this, producerId, options.clientId ?? `producer-${this.nextClientNumber++}`);
  }

  consumer(options: ConsumerOptions): Consumer {
    if (!options || typeof options.groupId !== 'string' || options.groupId.length === 0) {
      throw new BrokerError('INVALID_ARGUMENT', 'consumer needs a non-empty groupId');
    }
    const reset = options.autoOffsetReset ?? 'latest';
    if (!['earliest', 'latest', 'none'].includes(reset)) throw new BrokerError('INVALID_ARGUMENT', `autoOffsetReset must be earliest, latest or none`);
    const assignor = options.assignor ?? 'range';
    if (!(assignor in assignors)) throw new BrokerError('INVALID_ARGUMENT', `unknown assignor ${JSON.stringify(assignor)}`);
    for (const k of ['autoCommitIntervalMs', 'sessionTimeoutMs', 'maxPollIntervalMs'] as const) {
      const v = options[k];
      if (v !== undefined && (!Number.isFinite(v) || v < 0)) throw new BrokerError('INVALID_ARGUMENT', `${k} must be a non-negative number`);
    }
    const rate = options.duplicateDeliveryRate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new BrokerError('INVALID_ARGUMENT', 'duplicateDeliveryRate must be between 0 and 1');
    const clientId = options.clientId ?? `consumer-${this.nextClientNumber++}`;
    const member = this.newMember(clientId, options.groupId, {
      autoCommit: options.autoCommit ?? false,
      autoCommitIntervalMs: options.autoCommitIntervalMs ?? 5000,
      autoOffsetReset: reset,
      assignor,
      sessionTimeoutMs: options.sessionTimeoutMs ?? 0,
      maxPollIntervalMs: options.maxPollIntervalMs ?? 300_000,
      duplicateDeliveryRate: rate,
      origin: 'app',
    });
    return new Consumer(this, this.coordinator, member);
  }

  /**
   * @internal A member driven from outside (a real client on the Kafka port): it joins now with the
   * group's assignor (or `assignor` when the group is empty), never auto-commits, is never timed out
   * by the simulated clock (its session runs on the caller's real clock) and fetches by itself.
   */
  joinRemoteMember(options: { groupId: string; clientId: string; topics: string[]; assignor: AssignorName }): MemberState {
    const group = this.coordinator.group(options.groupId);
    const assignor = group.members.size > 0 && group.assignor !== null ? group.assignor : options.assignor;
    const member = this.newMember(options.clientId, options.groupId, {
      autoCommit: false,
      autoCommitIntervalMs: 5000,
      autoOffsetReset: 'latest',
      assignor,
      sessionTimeoutMs: 0,
      maxPollIntervalMs: Number.POSITIVE_INFINITY,
      duplicateDeliveryRate: 0,
      origin: 'kafka',
    });
    this.coordinator.join(member, [...new Set(options.topics)].sort());
    return member;
  }

  /** A fresh, not yet joined member of `groupId`: the settings given, every piece of group state at its start. */
  private newMember(
    clientId: string,
    groupId: string,
    settings: Pick<MemberState, 'autoCommit' | 'autoCommitIntervalMs' | 'autoOffsetReset' | 'assignor' | 'sessionTimeoutMs' | 'maxPollIntervalMs' | 'duplicateDeliveryRate' | 'origin'>,
  ): MemberState {
    return {
      memberId: `${clientId}-${this.randomHex()}`,
      clientId,
      groupId,
      status: 'active',
      subscription: [],
      assignment: [],
      generation: -1,
      lastPollAt: null,
      lastAutoCommitAt: this.clock.now(),
      crashedAt: null,
      listener: undefined,
      fetchCursor: 0,
      ...settings,
    };
  }

  /** @internal Producer ids for idempotent producers, in-app or on the Kafka port (one sequence). */
  allocateProducerId(): number {
    return this.nextProducerId++;
  }

  /** @internal Called after every append (journal entry 'produce'); the Kafka port wakes long-polling fetches with it. */
  readonly appendWatchers = new Set<() => void>();

  /** @internal */ randomHex(): string {
    return Math.floor(this.random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  }

  /** @internal */ validateOffsets(offsets: readonly TopicPartitionOffset[]): void {
    if (!Array.isArray(offsets)) throw new BrokerError('INVALID_ARGUMENT', 'offsets must be an array of {topic, partition, offset}');
    for (const o of offsets) {
      this.partitionLog(o?.topic, o?.partition);
      if (!isSafeOffset(o.offset)) throw new BrokerError('INVALID_OFFSET', `offset for ${o.topic}-${o.partition} must be a non-negative integer, got ${String(o.offset)}`);
    }
  }

  // ---- housekeeping -------------------------------------------------------------------------

  /** Advances broker housekeeping to the clock's now: retention deletes old records; timed-out members leave. */
  tick(): void {
    const now = this.clock.now();
    for (const t of this.topics.values()) {
      if (t.retentionMs === null || t.cleanupPolicy === 'compact') continue;
      t.logs.forEach((log, partition) => {
        const deleted = log.deleteOlderThan(now - (t.retentionMs as number));
        if (deleted > 0) this.record({ type: 'retention', topic: t.name, partition, deleted, logStartOffset: log.logStartOffset });
      });
    }
    this.coordinator.maintain(true);
  }

  /** Runs the log cleaner on a compacted topic now: newest record per key survives, old tombstones go. */
  compact(topic: string): { removed: number } {
    const t = this.topic(topic);
    if (t.cleanupPolicy === 'delete') throw new BrokerError('INVALID_ARGUMENT', `topic ${topic} is not compacted (cleanupPolicy delete)`);
    const cutoff = this.clock.now() - t.deleteRetentionMs;
    let removed = 0;
    t.logs.forEach((log, partition) => {
      const r = log.compact(cutoff);
      removed += r;
      this.record({ type: 'compaction', topic, partition, removed: r, size: log.size });
    });
    return { removed };
  }

  // ---- observation --------------------------------------------------------------------------

  /** @internal */ record(body: JournalInput): void {
    this.log.add(body);
    if (body.type === 'produce' && this.appendWatchers.size > 0) for (const w of this.appendWatchers) w();
  }

  /** @internal */ recordPoll(groupId: string, memberId: string, generation: number, ranges: readonly (string | number)[], rangeCount: number, count: number, heldBack: number): void {
    this.log.addPoll(groupId, memberId, generation, ranges, rangeCount, count, heldBack);
  }

  /** @internal */ recordCommit(groupId: string, memberId: string, generation: number, auto: boolean, offsets: readonly (string | number)[], offsetCount: number): void {
    this.log.addCommit(groupId, memberId, generation, auto, offsets, offsetCount);
  }

  /** Journal entries with seq > `after`, oldest first. Entries are plain data; treat them as read-only. */
  journal(options: { after?: number; limit?: number } = {}): JournalEntry[] {
    return this.log.list(options.after ?? 0, options.limit ?? Infinity);
  }

  private describeTopic(t: TopicState): TopicDescription {
    return {
      name: t.name,
      partitions: t.logs.map((log, partition) => ({ partition, logStartOffset: log.logStartOffset, logEndOffset: log.logEndOffset, size: log.size })),
      retentionMs: t.retentionMs,
      cleanupPolicy: t.cleanupPolicy,
    };
  }

  private describeGroup(g: GroupState): GroupDescription {
    const owners = new Map<string, { owner: string; position: number | null }>();
    const topics = new Set<string>();
    const members = [...g.members.values()].map((m) => {
      for (const t of m.subscription) topics.add(t);
      for (const a of m.assignment) owners.set(a.key, { owner: m.memberId, position: a.position });
      return {
        memberId: m.memberId,
        clientId: m.clientId,
        origin: m.origin,
        status: m.status,
        subscription: [...m.subscription],
        assignment: m.assignment.map((a) => ({ ...a.tp })),
        generation: m.generation,
        lastPollAt: m.lastPollAt,
      };
    });
    for (const k of g.committed.keys()) topics.add(k.slice(0, k.indexOf('\u0000')));
    const partitions: GroupPartitionDescription[] = [];
    let totalLag = 0;
    for (const topic of [...topics].sort()) {
      const t = this.topics.get(topic);
      if (!t) continue;
      t.logs.forEach((log, partition) => {
        const key = partitionKey(topic, partition);
        const committed = g.committed.get(key) ?? null;
        const o = owners.get(key);
        const lag = committed === null ? null : Math.max(0, log.logEndOffset - committed);
        if (lag !== null) totalLag += lag;
        partitions.push({
          topic,
          partition,
          owner: o?.owner ?? null,
          position: o?.position ?? null,
          committed,
          logStartOffset: log.logStartOffset,
          logEndOffset: log.logEndOffset,
          lag,
        });
      });
    }
    return {
      groupId: g.groupId,
      state: g.members.size === 0 ? 'empty' : 'stable',
      generation: g.generation,
      assignor: g.assignor,
      members,
      partitions,
      totalLag,
    };
  }

  /** A snapshot of topics and groups; its cost depends on partitions and members, never on records. */
  describe(): BrokerDescription {
    return {
      time: this.clock.now(),
      journalSeq: this.log.seq,
      topics: [...this.topics.values()].map((t) => this.describeTopic(t)),
      groups: [...this.coordinator.groups.values()].map((g) => this.describeGroup(g)),
    };
  }
}
