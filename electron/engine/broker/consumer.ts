// A group consumer in explicit steps, after Kafka's Java consumer: subscribe → poll → commit,
// with seek, close and the crash fault. Position (next offset to read) and the group's committed
// offset are separate; the gap between them is what a crash re-delivers.
import type { GroupMembership } from './coordinator';
import type { ConsumerHost } from './host';
import { BrokerError } from './errors';
import { RANGE_FIELDS } from './packedEntries';
import { partitionKey, type AssignedPartition, type MemberState } from './state';
import type { ConsumerRecord, PollOptions, RebalanceListener, TopicPartition, TopicPartitionOffset } from './types';
import { genericArray } from './elementsKind';

const DEFAULT_MAX_RECORDS = 500;

export class Consumer {
  private joined = false;
  private closing = false;
  /** A poll's ranges as (topic, partition, fromOffset, toOffset, count) fields on their way to the journal (reused: it copies them). */
  private readonly polledRanges = genericArray<string | number>();

  /** @internal */
  constructor(
    private readonly broker: ConsumerHost,
    private readonly coordinator: GroupMembership,
    private readonly member: MemberState,
  ) {}

  get memberId(): string {
    return this.member.memberId;
  }

  get groupId(): string {
    return this.member.groupId;
  }

  get status(): MemberState['status'] {
    return this.member.status;
  }

  /** Joins the group (or changes the subscription); either way the group rebalances at once. */
  subscribe(topics: string[], listener?: RebalanceListener): void {
    this.ensureUsable();
    if (!Array.isArray(topics) || topics.length === 0) throw new BrokerError('INVALID_ARGUMENT', 'subscribe needs a non-empty array of topic names');
    for (const t of topics) this.broker.topic(t);
    const sorted = [...new Set(topics)].sort();
    this.member.listener = listener;
    if (!this.joined) {
      this.coordinator.join(this.member, sorted);
      this.joined = true;
    } else if (sorted.join('\u0000') !== this.member.subscription.join('\u0000')) {
      this.coordinator.changeSubscription(this.member, sorted);
    }
  }

  /** Partitions currently assigned to this member. */
  assignment(): TopicPartition[] {
    return this.member.assignment.map((a) => ({ ...a.tp }));
  }

  /**
   * Fetches up to `maxRecords` records from the assigned partitions. First runs what Kafka's poll
   * runs: group housekeeping, syncing to a new generation (onPartitionsAssigned), a due auto-commit
   * of the positions reached by earlier polls, and position initialisation (committed offset, or the
   * autoOffsetReset policy when there is none or it is out of range).
   */
  poll(options: PollOptions = {}): ConsumerRecord[] {
    this.ensureUsable();
    if (!this.joined) throw new BrokerError('NOT_SUBSCRIBED', 'poll before subscribe');
    const max = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    if (!Number.isSafeInteger(max) || max < 1) throw new BrokerError('INVALID_ARGUMENT', 'maxRecords must be a positive integer');
    const broker = this.broker;
    const groups = this.coordinator;
    const m = this.member;
    groups.maintain();
    if (m.status === 'removed') {
      // Kicked out for polling too slowly: rejoin as a new member, as the Java consumer does.
      m.memberId = `${m.clientId}-${broker.randomHex()}`;
      m.generation = -1;
      groups.join(m, m.subscription);
    }
    const group = groups.group(m.groupId);
    const now = broker.clock.now();
    if (m.generation !== group.generation) {
      m.generation = group.generation;
      m.lastAutoCommitAt = now;
      m.listener?.onPartitionsAssigned?.(this.assignment());
    } else if (m.autoCommit && now - m.lastAutoCommitAt >= m.autoCommitIntervalMs) {
      groups.commitPositions(m, true);
      m.lastAutoCommitAt = now;
    }
    m.lastPollAt = now;

    // Like Kafka's updateFetchPositions: every assigned partition gets a position, fetched from or not.
    for (const a of m.assignment) if (a.position === null) this.resetPosition(a);

    // At most `max` records, or as many as the assigned partitions hold past their positions: made at
    // that length once rather than grown record by record (trimmed to what was read at the end).
    let room = 0;
    for (const a of m.assignment) room += Math.max(0, a.log.logEndOffset - (a.position ?? a.log.logStartOffset));
    const out: ConsumerRecord[] = new Array(Math.min(max, room));
    let got = 0;
    const ranges = this.polledRanges;
    let rangeCount = 0;
    let heldBack = 0;
    const n = m.assignment.length;
    let stoppedAt = -1;
    for (let k = 0; k < n && got < max; k++) {
      const idx = (m.fetchCursor + k) % n;
      const a = m.assignment[idx];
      let position = a.position;
      if (position === null || position < a.log.logStartOffset || position > a.log.logEndOffset) {
        position = this.resetPosition(a);
      }
      const { topic, partition } = a.tp;
      const before = got;
      got = a.log.readRecords(position, max - before, topic, partition, out, before);
      const count = got - before;
      if (count > 0) {
        const last = out[got - 1].offset;
        a.position = last + 1;
        const r = rangeCount++ * RANGE_FIELDS;
        ranges[r] = topic;
        ranges[r + 1] = partition;
        ranges[r + 2] = out[before].offset;
        ranges[r + 3] = last;
        ranges[r + 4] = count;
        if (m.duplicateDeliveryRate > 0 && broker.random() < m.duplicateDeliveryRate) {
          a.position = last; // fault: the last record of this batch comes again next poll
          heldBack++;
        }
        if (got >= max) stoppedAt = idx;
      } else {
        a.position = position;
      }
    }
    if (out.length !== got) out.length = got;
    // Continue next time where this poll stopped, so no partition starves behind a busy one.
    if (n > 0) m.fetchCursor = stoppedAt >= 0 ? stoppedAt : (m.fetchCursor + 1) % n;
    if (got > 0) {
      broker.recordPoll(m.groupId, m.memberId, m.generation, ranges, rangeCount, got, heldBack);
    }
    return out;
  }

  private resetPosition(a: AssignedPartition): number {
    const m = this.member;
    const group = this.coordinator.group(m.groupId);
    const committed = group.committed.get(a.key);
    const log = a.log;
    if (a.position === null && committed !== undefined && committed >= log.logStartOffset && committed <= log.logEndOffset) {
      a.position = committed;
      return committed;
    }
    const from = a.position ?? committed ?? null;
    if (m.autoOffsetReset === 'none') {
      throw new BrokerError(
        'NO_OFFSET_FOR_PARTITION',
        `${a.tp.topic}-${a.tp.partition}: ${from === null ? 'no committed offset' : `offset ${from} is out of range [${log.logStartOffset}, ${log.logEndOffset}]`} and autoOffsetReset is none`,
      );
    }
    const to = m.autoOffsetReset === 'earliest' ? log.logStartOffset : log.logEndOffset;
    this.broker.record({ type: 'offset.reset', groupId: m.groupId, memberId: m.memberId, topic: a.tp.topic, partition: a.tp.partition, policy: m.autoOffsetReset, from, to });
    a.position = to;
    return to;
  }

  /**
   * Commits offsets (the next offset to read, as in Kafka). Without arguments commits the current
   * positions of all assigned partitions. Fails with COMMIT_FAILED if the group rebalanced since this
   * member's last poll.
   */
  commit(offsets?: TopicPartitionOffset[]): void {
    this.ensureUsable();
    if (!this.joined) throw new BrokerError('NOT_SUBSCRIBED', 'commit before subscribe');
    this.coordinator.maintain();
    if (this.member.status === 'removed') {
      throw new BrokerError('COMMIT_FAILED', 'commit failed: this member was removed from the group for not polling within maxPollIntervalMs');
    }
    if (offsets === undefined) {
      this.coordinator.commitPositions(this.member, false);
      return;
    }
    this.broker.validateOffsets(offsets);
    this.coordinator.commitOffsets(this.member, offsets, false);
  }

  /** Moves the position of an assigned partition; the next poll reads from there. */
  seek(target: TopicPartitionOffset): void {
    this.ensureUsable();
    this.broker.validateOffsets([target]);
    const a = this.assigned(target);
    a.position = target.offset;
    this.broker.record({ type: 'seek', groupId: this.member.groupId, memberId: this.member.memberId, topic: a.tp.topic, partition: a.tp.partition, offset: target.offset });
  }

  seekToBeginning(partitions: TopicPartition[] = this.assignment()): void {
    for (const tp of partitions) this.seek({ ...tp, offset: this.broker.partitionLog(tp.topic, tp.partition).logStartOffset });
  }

  seekToEnd(partitions: TopicPartition[] = this.assignment()): void {
    for (const tp of partitions) this.seek({ ...tp, offset: this.broker.partitionLog(tp.topic, tp.partition).logEndOffset });
  }

  /** Next offset this member will read from the partition (null until its first poll after a rebalance). */
  position(tp: TopicPartition): number | null {
    return this.assigned(tp).position;
  }

  /** The group's committed offset for the partition, or null. */
  committed(tp: TopicPartition): number | null {
    this.broker.partitionLog(tp.topic, tp.partition);
    // a plain lookup: reading must not create the group as a side effect
    return this.coordinator.groups.get(this.member.groupId)?.committed.get(partitionKey(tp.topic, tp.partition)) ?? null;
  }

  /** Leaves the group cleanly: auto-commit (if enabled), revoke callback, then the group rebalances. */
  close(): void {
    if (this.member.status === 'closed' || this.closing) return;
    this.ensureUsable();
    const m = this.member;
    if (this.joined) {
      this.coordinator.assertNotRebalancing('leave a group');
      this.closing = true; // a revocation listener calling close() again must not recurse
      try {
        const group = this.coordinator.group(m.groupId);
        if (m.autoCommit && m.generation === group.generation) this.coordinator.commitPositions(m, true);
        if (m.assignment.length > 0) m.listener?.onPartitionsRevoked?.(this.assignment());
        m.status = 'closed';
        this.coordinator.leave(m, 'close');
      } finally {
        this.closing = false;
      }
    }
    m.status = 'closed';
  }

  /**
   * Fault: the process dies. Nothing is committed; the group notices after sessionTimeoutMs (at once
   * by default) and gives the partitions to others, who resume from the last committed offsets.
   */
  crash(): void {
    this.ensureUsable();
    if (!this.joined) {
      this.member.status = 'crashed';
      return;
    }
    this.coordinator.crash(this.member);
  }

  private assigned(tp: TopicPartition): AssignedPartition {
    const a = this.member.assignment.find((x) => x.tp.topic === tp?.topic && x.tp.partition === tp?.partition);
    if (!a) throw new BrokerError('NOT_ASSIGNED', `${tp?.topic}-${tp?.partition} is not assigned to ${this.member.memberId}`);
    return a;
  }

  private ensureUsable(): void {
    const s = this.member.status;
    if (s === 'closed' || s === 'crashed') throw new BrokerError('CONSUMER_CLOSED', `consumer ${this.member.memberId} is ${s}`);
  }
}
