// The keys a 'produce' journal entry lists, kept in large shared chunks instead of one new array per
// batch: the producer writes a batch's keys straight into a chunk while it appends the batch to the
// log, and the entry gets an array of its own only when someone reads the journal. (A new array per
// batch survived as long as the journal kept the entry, so the young-generation collector copied
// every produced key twice; a chunk is one large object it never copies.)

/** Slots per chunk: 16,384 × 8 bytes is past V8's largest regular object, so a chunk is a large object. */
export const KEY_CHUNK = 16_384;

/** A batch's keys: `count` slots of `chunk` from `at`. */
export class StoredKeys {
  constructor(
    readonly chunk: (string | null)[],
    readonly at: number,
    readonly count: number,
  ) {}

  /** The keys as a plain array of their own. */
  toArray(): (string | null)[] {
    const out = new Array<string | null>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.chunk[this.at + i];
    return out;
  }
}

/** Hands out contiguous room for batches' keys; a full chunk is left to the entries that point into it. */
export class KeyChunks {
  private chunk: (string | null)[] = [];
  private used = 0;

  reserve(count: number): StoredKeys {
    if (this.used + count > this.chunk.length) {
      this.chunk = new Array<string | null>(Math.max(KEY_CHUNK, count));
      this.used = 0;
    }
    const keys = new StoredKeys(this.chunk, this.used, count);
    this.used += count;
    return keys;
  }
}
