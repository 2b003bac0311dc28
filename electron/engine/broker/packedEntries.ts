// Consumers' 'poll' and 'commit' journal entries kept packed: their fields one after another in one
// plain array of strings and numbers, an entry made as an object only when the journal is listed.
// A consumer polls and commits hundreds of times per million records, and as objects each entry was
// 3–5 small ones (the entry, its ranges or offsets array, one object per partition) that the journal
// keeps: every young-generation collection copied them, promoted them, and scanned the journal's old
// array for its slots pointing at them (all but a few bytes of what survived a consume's scavenges).
// Here an entry's fields are numbers and the long-lived strings of group, member and topic ids.
import type { JournalInput } from './journalEntries';
import { genericArray } from './elementsKind';

const POLL = 0;
const COMMIT = 1;
/** Fields per polled range: topic, partition, fromOffset, toOffset, count. */
export const RANGE_FIELDS = 5;
/** Fields per committed offset: topic, partition, offset. */
export const OFFSET_FIELDS = 3;

export class PackedEntries {
  private fields = genericArray<string | number | boolean>();
  /** Position of fields[0]: the fields before it went with their entries. */
  private base = 0;

  /** The position the next packed entry will have (positions only grow). */
  get end(): number {
    return this.base + this.fields.length;
  }

  /** A poll: `ranges` holds `rangeCount` × (topic, partition, fromOffset, toOffset, count). Returns its position. */
  poll(groupId: string, memberId: string, generation: number, ranges: readonly (string | number)[], rangeCount: number, count: number, heldBack: number): number {
    const at = this.end;
    const f = this.fields;
    f.push(POLL, groupId, memberId, generation, count, heldBack, rangeCount);
    for (let i = 0, n = rangeCount * RANGE_FIELDS; i < n; i++) f.push(ranges[i]);
    return at;
  }

  /** A commit: `offsets` holds `offsetCount` × (topic, partition, offset). Returns its position. */
  commit(groupId: string, memberId: string, generation: number, auto: boolean, offsets: readonly (string | number)[], offsetCount: number): number {
    const at = this.end;
    const f = this.fields;
    f.push(COMMIT, groupId, memberId, generation, auto, offsetCount);
    for (let i = 0, n = offsetCount * OFFSET_FIELDS; i < n; i++) f.push(offsets[i]);
    return at;
  }

  /** The entry at `position` as an object, its keys in the order the broker always wrote them. */
  entry(position: number): JournalInput {
    const f = this.fields;
    let i = position - this.base;
    const kind = f[i++];
    const groupId = f[i++] as string;
    const memberId = f[i++] as string;
    const generation = f[i++] as number;
    if (kind === POLL) {
      const count = f[i++] as number;
      const heldBack = f[i++] as number;
      const ranges = new Array<{ topic: string; partition: number; fromOffset: number; toOffset: number; count: number }>(f[i++] as number);
      for (let r = 0; r < ranges.length; r++, i += RANGE_FIELDS) {
        ranges[r] = { topic: f[i] as string, partition: f[i + 1] as number, fromOffset: f[i + 2] as number, toOffset: f[i + 3] as number, count: f[i + 4] as number };
      }
      return { type: 'poll', groupId, memberId, generation, ranges, count, heldBack };
    }
    const auto = f[i++] as boolean;
    const offsets = new Array<{ topic: string; partition: number; offset: number }>(f[i++] as number);
    for (let o = 0; o < offsets.length; o++, i += OFFSET_FIELDS) offsets[o] = { topic: f[i] as string, partition: f[i + 1] as number, offset: f[i + 2] as number };
    return { type: 'commit', groupId, memberId, generation, auto, offsets };
  }

  /** Lets go of the fields before `position` (no entry still packed starts before it). */
  dropBefore(position: number): void {
    if (position <= this.base) return;
    this.fields = this.fields.slice(position - this.base);
    this.base = position;
  }
}
