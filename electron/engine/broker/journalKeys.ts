// The keys a 'produce' journal entry lists, kept as spans of the partition log's own key columns
// instead of a new array per batch: the entry gets an array of its own only when someone reads the
// journal. (A new array per batch lived as long as the journal kept the entry, so the young-generation
// collector copied every produced key twice, and the journal held a second copy of every key.)

/** A batch's keys: `count` slots of `column` from `at`, then the spans in `next` (a batch may cross segments). */
export class StoredKeys {
  constructor(
    readonly column: readonly (string | null)[],
    readonly at: number,
    readonly count: number,
    readonly next: StoredKeys | null,
  ) {}

  /** The keys as a plain array of their own. */
  toArray(): (string | null)[] {
    let total = 0;
    for (let s: StoredKeys | null = this; s !== null; s = s.next) total += s.count;
    const out = new Array<string | null>(total);
    let n = 0;
    for (let s: StoredKeys | null = this; s !== null; s = s.next) for (let i = 0; i < s.count; i++) out[n++] = s.column[s.at + i];
    return out;
  }
}
