// The broker's journal: one plain-data entry per observable step, numbered and timestamped on the
// broker clock. Same seed + clock + script ⇒ the same journal, so the UI can replay a run from it.
import { StoredKeys } from './journalKeys';
import { PackedEntries } from './packedEntries';
import type { JournalEntry, JournalInput } from './journalEntries';
import { genericArray } from './elementsKind';

export type {
  JournalEntry,
  JournalEntryBody,
  JournalEntryType,
  JournalInput,
  LeaveReason,
  PolledRange,
  RebalanceMember,
} from './journalEntries';


/**
 * A bounded ring of entries: old ones fall off past `limit`, sequence numbers keep counting.
 *
 * An entry is kept as the body it was recorded with (or, for a consumer's poll or commit, as its
 * position among the packed entries), its time in a parallel array and its sequence number implied
 * by its place in the ring; `seq` and `time` are written onto the body when it is first listed
 * (after its own fields, so entries read as before). Adding them at record time gave every body a
 * second, out-of-object property store and a store the compiler could not specialise (entry shapes
 * differ by type); nobody reads them unlisted.
 */
export class Journal {
  /**
   * Bodies as recorded, or a packed entry's position (a number) until the entry is first listed; a
   * 'produce' entry's keys stay StoredKeys until then too.
   */
  private entries = genericArray<(JournalInput & { seq?: number; time?: number }) | number>();
  /** times[i]: the clock when entries[i] was recorded. */
  private times: number[] = [];
  private start = 0;
  private readonly packed = new PackedEntries();
  seq = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
  ) {}

  add(body: JournalInput): void {
    this.push(body);
  }

  /** A consumer's poll: `ranges` holds `rangeCount` × (topic, partition, fromOffset, toOffset, count), copied. */
  addPoll(groupId: string, memberId: string, generation: number, ranges: readonly (string | number)[], rangeCount: number, count: number, heldBack: number): void {
    this.push(this.packed.poll(groupId, memberId, generation, ranges, rangeCount, count, heldBack));
  }

  /** A commit: `offsets` holds `offsetCount` × (topic, partition, offset), copied. */
  addCommit(groupId: string, memberId: string, generation: number, auto: boolean, offsets: readonly (string | number)[], offsetCount: number): void {
    this.push(this.packed.commit(groupId, memberId, generation, auto, offsets, offsetCount));
  }

  private push(entry: JournalInput | number): void {
    this.seq++;
    this.entries.push(entry);
    this.times.push(this.now());
    if (this.entries.length - this.start > this.limit) {
      this.start++;
      // compact the backing arrays now and then instead of shifting on every add
      if (this.start > 1024 && this.start * 2 > this.entries.length) {
        this.entries = this.entries.slice(this.start);
        this.times = this.times.slice(this.start);
        this.start = 0;
        // packed positions grow with seq: the first entry still packed holds the oldest fields needed
        const firstPacked = this.entries.find((e) => typeof e === 'number');
        this.packed.dropBefore(typeof firstPacked === 'number' ? firstPacked : this.packed.end);
      }
    }
  }

  /** Entries with seq > after (all retained ones by default), oldest first. */
  list(after = 0, limit = Infinity): JournalEntry[] {
    const firstSeq = this.seq - (this.entries.length - this.start) + 1;
    const from = this.start + Math.max(0, after - firstSeq + 1);
    const to = Math.min(this.entries.length, from + limit);
    const out = new Array<JournalEntry>(Math.max(0, to - from));
    for (let i = from; i < to; i++) {
      let e = this.entries[i];
      if (typeof e === 'number') this.entries[i] = e = this.packed.entry(e);
      if (e.seq === undefined) {
        e.seq = firstSeq + (i - this.start);
        e.time = this.times[i];
        if (e.type === 'produce' && e.keys instanceof StoredKeys) e.keys = e.keys.toArray();
      }
      out[i - from] = e as JournalEntry;
    }
    return out;
  }
}
