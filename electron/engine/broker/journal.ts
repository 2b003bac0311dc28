// The broker's journal: one plain-data entry per observable step, numbered and timestamped on the
// broker clock. Same seed + clock + script ⇒ the same journal, so the UI can replay a run from it.
import { StoredKeys } from './journalKeys';
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

/**
 * A bounded ring of entries: old ones fall off past `limit`, sequence numbers keep counting.
 *
 * An entry is kept as the body it was recorded with, its time in a parallel array and its sequence
 * number implied by its place in the ring; `seq` and `time` are written onto the body when it is first
 * listed (after its own fields, so entries read as before). Adding them at record time gave every
 * body a second, out-of-object property store, allocated on each poll and commit of a consumer, and
 * a store the compiler could not specialise (entry shapes differ by type); nobody reads them unlisted.
 */
export class Journal {
  /** Bodies as recorded: a 'produce' entry's keys stay StoredKeys until the entry is first listed. */
  private entries: (JournalInput & { seq?: number; time?: number })[] = [];
  /** times[i]: the clock when entries[i] was recorded. */
  private times: number[] = [];
  private start = 0;
  seq = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
  ) {}

  add(body: JournalInput): void {
    this.seq++;
    this.entries.push(body);
    this.times.push(this.now());
    if (this.entries.length - this.start > this.limit) {
      this.start++;
      // compact the backing arrays now and then instead of shifting on every add
      if (this.start > 1024 && this.start * 2 > this.entries.length) {
        this.entries = this.entries.slice(this.start);
        this.times = this.times.slice(this.start);
        this.start = 0;
      }
    }
  }

  /** Entries with seq > after (all retained ones by default), oldest first. */
  list(after = 0, limit = Infinity): JournalEntry[] {
    const firstSeq = this.seq - (this.entries.length - this.start) + 1;
    const from = this.start + Math.max(0, after - firstSeq + 1);
    const to = Math.min(this.entries.length, from + limit);
    const out = this.entries.slice(from, to);
    for (let i = 0; i < out.length; i++) {
      const e = out[i];
      if (e.seq !== undefined) continue;
      e.seq = firstSeq + (from + i - this.start);
      e.time = this.times[from + i];
      if (e.type === 'produce' && e.keys instanceof StoredKeys) e.keys = e.keys.toArray();
    }
    return out as JournalEntry[];
  }
}
