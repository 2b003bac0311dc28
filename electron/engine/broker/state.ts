// Internal state of topics, groups and members (not part of the public API).
import type { PartitionLog } from './log';
import type { AssignorName, AutoOffsetReset, CleanupPolicy, MemberOrigin, MemberStatus, RebalanceListener, TopicPartition } from './types';

export interface TopicState {
  name: string;
  logs: PartitionLog[];
  retentionMs: number | null;
  cleanupPolicy: CleanupPolicy;
  deleteRetentionMs: number;
  /** Round-robin counter for records without key or partition. */
  roundRobin: number;
}

export interface AssignedPartition {
  tp: TopicPartition;
  key: string;
  log: PartitionLog;
  /** Next offset to fetch; null until initialised from the committed offset (or the reset policy). */
  position: number | null;
}

export interface MemberState {
  memberId: string;
  clientId: string;
  groupId: string;
  status: MemberStatus;
  subscription: string[];
  assignment: AssignedPartition[];
  /** Generation the member has synced to; commits from an older generation fail. */
  generation: number;
  lastPollAt: number | null;
  lastAutoCommitAt: number;
  crashedAt: number | null;
  autoCommit: boolean;
  autoCommitIntervalMs: number;
  autoOffsetReset: AutoOffsetReset;
  assignor: AssignorName;
  sessionTimeoutMs: number;
  maxPollIntervalMs: number;
  duplicateDeliveryRate: number;
  listener: RebalanceListener | undefined;
  /** Which assigned partition the next fetch starts from (rotates for fairness). */
  fetchCursor: number;
  /** 'app': a Consumer of this process; 'kafka': a real client on the Kafka port (it fetches by itself). */
  origin: MemberOrigin;
}

export interface GroupState {
  groupId: string;
  generation: number;
  assignor: AssignorName | null;
  /** In join order. */
  members: Map<string, MemberState>;
  /** Committed offsets by partition key `topic\0partition`. */
  committed: Map<string, number>;
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
