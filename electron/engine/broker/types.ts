// Public data shapes of the broker. Everything here is plain JSON-friendly data so the UI can render
// and replay it; see docs/engine/broker.md.

/** Time source in milliseconds. The broker never reads the wall clock itself. */
export interface Clock {
  now(): number;
}

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';
export type AutoOffsetReset = 'earliest' | 'latest' | 'none';
export type AssignorName = 'range' | 'roundrobin' | 'sticky';

export interface TopicConfig {
  partitions: number;
  /** Records older than this (by append time on the broker clock) are deleted by `tick()`. Omit for forever. */
  retentionMs?: number;
  cleanupPolicy?: CleanupPolicy;
  /** How long compaction keeps a tombstone (null value) before removing it; Kafka's default is 24 h. */
  deleteRetentionMs?: number;
}

export type Headers = Readonly<Record<string, string>>;

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface TopicPartitionOffset extends TopicPartition {
  offset: number;
}

/** A record as handed to `producer.send`. `value: null` is a tombstone on a compacted topic. */
export interface ProducerRecord {
  key?: string | null;
  value: unknown;
  headers?: Record<string, string>;
  /** An explicit partition wins over the key. */
  partition?: number;
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
}

/** A record as a consumer (or `broker.read`) sees it. Values are deep-frozen copies of what was sent. */
export interface ConsumerRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: unknown;
  timestamp: number;
  headers: Headers;
}

export interface ProducerOptions {
  /** Idempotent producer: a producer id + a sequence per partition; the broker drops its retried duplicates. */
  idempotent?: boolean;
  clientId?: string;
}

export interface SendOptions {
  /**
   * Fault injection: the broker appends the batch but the acknowledgement is lost, so the producer
   * retries the same batch. Without idempotence this writes duplicates; with it the retry is dropped.
   */
  fault?: 'lost-ack';
}

export interface RebalanceListener {
  /** Called before a rebalance takes the member's partitions away (the place to commit). */
  onPartitionsRevoked?(partitions: TopicPartition[]): void;
  /** Called on the member's first poll after a rebalance, with its new partitions. */
  onPartitionsAssigned?(partitions: TopicPartition[]): void;
}

export interface ConsumerOptions {
  groupId: string;
  autoOffsetReset?: AutoOffsetReset;
  /** Commit positions automatically: at the start of a poll once `autoCommitIntervalMs` has passed, on close, before a rebalance. */
  autoCommit?: boolean;
  autoCommitIntervalMs?: number;
  assignor?: AssignorName;
  clientId?: string;
  /** A crashed member is noticed this long after the crash (Kafka's session.timeout.ms). 0 = at once. */
  sessionTimeoutMs?: number;
  /** A member that does not poll for longer than this is removed from the group (max.poll.interval.ms). */
  maxPollIntervalMs?: number;
  /** Fault injection: probability that a polled record is delivered once more by the next poll. */
  duplicateDeliveryRate?: number;
}

export interface PollOptions {
  maxRecords?: number;
}

export type MemberStatus = 'active' | 'crashed' | 'removed' | 'closed';
/** Where a group member lives: a Consumer in this process, or a real Kafka client on the Kafka port. */
export type MemberOrigin = 'app' | 'kafka';

export interface PartitionDescription {
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  /** Records currently stored (less than end − start after compaction). */
  size: number;
}

export interface TopicDescription {
  name: string;
  partitions: PartitionDescription[];
  retentionMs: number | null;
  cleanupPolicy: CleanupPolicy;
}

export interface MemberDescription {
  memberId: string;
  clientId: string;
  origin: MemberOrigin;
  status: MemberStatus;
  subscription: string[];
  assignment: TopicPartition[];
  /** Generation this member last synced to (lags the group's until its next poll after a rebalance). */
  generation: number;
  lastPollAt: number | null;
}

export interface GroupPartitionDescription extends TopicPartition {
  owner: string | null;
  /** Next offset the owner will read; null until the owner has polled since the last rebalance. */
  position: number | null;
  committed: number | null;
  logStartOffset: number;
  logEndOffset: number;
  /** logEnd − committed; null when nothing is committed (Kafka's tools print '-'). */
  lag: number | null;
}

export interface GroupDescription {
  groupId: string;
  state: 'empty' | 'stable';
  generation: number;
  assignor: AssignorName | null;
  members: MemberDescription[];
  partitions: GroupPartitionDescription[];
  /** Sum of the non-null lags. */
  totalLag: number;
}

export interface BrokerDescription {
  time: number;
  /** Sequence number of the newest journal entry (0 = none). */
  journalSeq: number;
  topics: TopicDescription[];
  groups: GroupDescription[];
}
