// The shapes of the broker's journal entries, apart from the journal that keeps them, so the packed
// entries (packedEntries.ts) and the journal (journal.ts) both read them without importing each other.
import type { StoredKeys } from './journalKeys';
import type { AssignorName, AutoOffsetReset, TopicPartition, TopicPartitionOffset } from './types';

export type LeaveReason = 'close' | 'crash' | 'session-timeout' | 'poll-timeout';

export interface RebalanceMember {
  memberId: string;
  assignment: TopicPartition[];
  /** Partitions this member gained / lost compared with the previous generation. */
  added: TopicPartition[];
  removed: TopicPartition[];
}

export interface PolledRange extends TopicPartition {
  fromOffset: number;
  /** Offset of the last record returned. */
  toOffset: number;
  count: number;
}

export type JournalEntryBody =
  | { type: 'topic.created'; topic: string; partitions: number; retentionMs: number | null; cleanupPolicy: string }
  | { type: 'produce'; topic: string; partition: number; producerId: number | null; baseOffset: number; count: number; keys: (string | null)[] }
  | { type: 'produce.retry'; topic: string; producerId: number | null; reason: 'lost-ack' }
  | { type: 'produce.duplicate'; topic: string; partition: number; producerId: number; baseSequence: number; count: number; baseOffset: number }
  | { type: 'member.joined'; groupId: string; memberId: string; clientId: string; topics: string[] }
  | { type: 'member.crashed'; groupId: string; memberId: string; uncommitted: TopicPartitionOffset[] }
  | { type: 'member.left'; groupId: string; memberId: string; reason: LeaveReason }
  | { type: 'rebalance'; groupId: string; generation: number; assignor: AssignorName; reason: string; members: RebalanceMember[]; unassigned: TopicPartition[] }
  | { type: 'poll'; groupId: string; memberId: string; generation: number; ranges: PolledRange[]; count: number; heldBack: number }
  | { type: 'commit'; groupId: string; memberId: string; generation: number; auto: boolean; offsets: TopicPartitionOffset[] }
  | { type: 'commit.failed'; groupId: string; memberId: string; memberGeneration: number; groupGeneration: number }
  | { type: 'seek'; groupId: string; memberId: string; topic: string; partition: number; offset: number }
  | { type: 'offset.reset'; groupId: string; memberId: string; topic: string; partition: number; policy: AutoOffsetReset; from: number | null; to: number }
  | { type: 'retention'; topic: string; partition: number; deleted: number; logStartOffset: number }
  | { type: 'compaction'; topic: string; partition: number; removed: number; size: number }
  | { type: 'retry.scheduled'; fromTopic: string; partition: number; offset: number; key: string | null; toTopic: string; attempt: number; dueAt: number; error: string }
  | { type: 'dead-letter'; fromTopic: string; partition: number; offset: number; key: string | null; toTopic: string; attempts: number; error: string };

export type JournalEntry = JournalEntryBody & { seq: number; time: number };

/** What the broker hands the journal: a 'produce' entry's keys may still be in the journal's key chunks. */
export type JournalInput =
  | Exclude<JournalEntryBody, { type: 'produce' }>
  | (Omit<Extract<JournalEntryBody, { type: 'produce' }>, 'keys'> & { keys: (string | null)[] | StoredKeys });
export type JournalEntryType = JournalEntry['type'];
