// One partition's append-only log, stored column-wise in segments so a million records cost a few
// arrays rather than a million objects, and so retention can drop whole segments.
import { StoredKeys } from './journalKeys';
import type { ConsumerRecord, Headers } from './types';
import { EMPTY_HEADERS } from './values';

/**
 * Largest segment: 16,384 slots make each column array 128 KiB and a little more, past V8's largest
 * regular heap object, so the columns live in large-object space, which the young-generation
 * collector never copies (with 4,096 slots every column was copied twice on its way to the old
 * generation: most of a produce round's scavenge time). A partition's first segment holds
 * MIN_SEGMENT_CAPACITY and each next one twice the previous, so a small topic stays small.
 */
export const SEGMENT_CAPACITY = 16_384;
export const MIN_SEGMENT_CAPACITY = 256;

/** Capacity of the segment after one of `previous` slots (none yet: the smallest). */
export function nextCapacity(previous: number): number {
  return previous <= 0 ? MIN_SEGMENT_CAPACITY : Math.min(SEGMENT_CAPACITY, previous * 2);
}

export class Segment {
  // Made at full capacity once: growing them record by record copied each column ~2× over and left
  // the copies to the garbage collector. Slots at or past `count` are unused.
  readonly keys: (string | null)[];
  readonly values: unknown[];
  /** Made on the segment's first record with headers; null while none has any (all EMPTY_HEADERS). */
  headers: Headers[] | null = null;
  /**
   * Timestamps as runs: slot runStarts[r] begins a run of slots that all have runTimes[r], up to the
   * next run's start. A producer's batch is one run (one time for the whole send), so a segment keeps
   * a few numbers per batch rather than a column of 8 bytes per record. Plain arrays, not
   * Float64Arrays: a number read from a typed array into a record object made the record's field a
   * double, boxed in a new heap number per record read; from a plain array a simulated clock's times
   * and every offset stay small integers, stored in the record as they are.
   */
  readonly runStarts: number[] = [];
  readonly runTimes: number[] = [];
  /** Offsets of each slot; null while the segment is dense (offset = baseOffset + index). Set by compaction. */
  offsets: number[] | null = null;
  count = 0;

  constructor(
    readonly baseOffset: number,
    readonly capacity: number,
  ) {
    this.keys = new Array<string | null>(capacity);
    this.values = new Array<unknown>(capacity);
  }

  /** Slot `count`'s timestamp is `timestamp`: starts a run unless it equals the last run's time. */
  private stamp(timestamp: number): void {
    const runs = this.runTimes.length;
    if (runs === 0 || this.runTimes[runs - 1] !== timestamp) {
      this.runStarts.push(this.count);
      this.runTimes.push(timestamp);
    }
  }

  /** The slots from `count` on (a batch about to be written) all have `timestamp`. */
  stampBatch(timestamp: number): void {
    this.stamp(timestamp);
  }

  /** Index of the run holding slot `i`. */
  runOf(i: number): number {
    const starts = this.runStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  timestampAt(i: number): number {
    return this.runTimes[this.runOf(i)];
  }

  /** Writes one record into slot `count` (there must be room). */
  put(key: string | null, value: unknown, headers: Headers, timestamp: number): void {
    const i = this.count;
    this.stamp(timestamp);
    this.keys[i] = key;
    this.values[i] = value;
    this.putHeaders(i, headers);
    this.count = i + 1;
  }

  offsetAt(i: number): number {
    return this.offsets === null ? this.baseOffset + i : this.offsets[i];
  }

  headersAt(i: number): Headers {
    return this.headers === null ? EMPTY_HEADERS : this.headers[i];
  }

  /** Sets slot `i`'s headers, making the column when the first record with headers comes. */
  putHeaders(i: number, headers: Headers): void {
    if (this.headers !== null) this.headers[i] = headers;
    else if (headers !== EMPTY_HEADERS) (this.headers = new Array<Headers>(this.capacity).fill(EMPTY_HEADERS))[i] = headers;
  }

  /** The record in slot `i`, as readers hand it out. */
  recordAt(i: number, topic: string, partition: number): ConsumerRecord {
    return { topic, partition, offset: this.offsetAt(i), key: this.keys[i], value: this.values[i], timestamp: this.timestampAt(i), headers: this.headersAt(i) };
  }

  /** Index of the first slot whose offset is ≥ `offset` (count when none). */
  indexOf(offset: number): number {
    if (this.offsets === null) {
      const i = offset - this.baseOffset;
      return i < 0 ? 0 : i > this.count ? this.count : i;
    }
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsets[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Visitor for reads: gets the segment and slot so callers build only the objects they need. */
export type RecordVisitor = (seg: Segment, index: number) => void;

export class PartitionLog {
  segments: Segment[] = [];
  /** First live segment and slot (everything before was deleted by retention). */
  private head = 0;
  private headIndex = 0;
  logStartOffset = 0;
  logEndOffset = 0;
  size = 0;
  /** Idempotent-producer state: producer id → last accepted batch. */
  readonly producers = new Map<number, { lastSeq: number; baseSeq: number; baseOffset: number; count: number; epoch?: number }>();

  /** Capacity of the newest segment made (0 before the first): the next one doubles it. */
  private lastCapacity = 0;

  /** The segment new records go to, with room for at least one more. */
  private tail(): Segment {
    let seg = this.segments.length > 0 ? this.segments[this.segments.length - 1] : undefined;
    if (seg === undefined || seg === EMPTY_SEGMENT || seg.count === seg.capacity || seg.offsets !== null) {
      // (EMPTY_SEGMENT: retention released every segment; never write into the shared placeholder)
      this.lastCapacity = nextCapacity(this.lastCapacity);
      seg = new Segment(this.logEndOffset, this.lastCapacity);
      this.segments.push(seg);
    }
    return seg;
  }

  append(key: string | null, value: unknown, headers: Headers, timestamp: number): number {
    this.tail().put(key, value, headers, timestamp);
    this.size++;
    return this.logEndOffset++;
  }

  /**
   * Appends records order[from .. from + count) of the given columns, all with one timestamp (a
   * producer's batch). Returns the first offset.
   */
  appendBatch(
    keys: readonly (string | null)[],
    values: readonly unknown[],
    headers: readonly Headers[],
    order: Int32Array,
    from: number,
    count: number,
    timestamp: number,
  ): number {
    const baseOffset = this.logEndOffset;
    let j = 0;
    while (j < count) {
      const seg = this.tail();
      const start = seg.count;
      const end = Math.min(seg.capacity, start + count - j);
      const sk = seg.keys;
      const sv = seg.values;
      let sh = seg.headers;
      seg.stampBatch(timestamp);
      for (let i = start; i < end; i++, j++) {
        const r = order[from + j];
        sk[i] = keys[r];
        sv[i] = values[r];
        const h = headers[r];
        if (sh !== null) sh[i] = h;
        else if (h !== EMPTY_HEADERS) {
          seg.putHeaders(i, h);
          sh = seg.headers;
        }
      }
      // (before the next tail(): a new segment starts at the log's end offset)
      this.size += end - start;
      this.logEndOffset += end - start;
      seg.count = end;
    }
    return baseOffset;
  }

  /**
   * The keys of the newest `count` records (a batch just appended), as spans of the segments' key
   * columns: the journal lists them from there, so a batch's keys are stored once. (Slots once
   * written never change: compaction writes new segments and retention only lets go of old ones.)
   */
  newestKeys(count: number): StoredKeys {
    let spans: StoredKeys | null = null;
    let left = Math.min(count, this.size);
    for (let s = this.segments.length - 1; left > 0; s--) {
      const seg = this.segments[s];
      const n = Math.min(left, seg.count);
      spans = new StoredKeys(seg.keys, seg.count - n, n, spans);
      left -= n;
    }
    return spans ?? new StoredKeys([], 0, 0, null);
  }

  /** Index of the segment holding the first record with offset ≥ `offset`, or -1. */
  private findSegment(offset: number): number {
    const segs = this.segments;
    let lo = this.head;
    let hi = segs.length - 1;
    if (hi < lo) return -1;
    // last segment whose first offset ≤ offset
    let found = lo;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (segs[mid].offsetAt(0) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * Visits up to `max` records with offset ≥ `from`, in order. Returns the offset after the last
   * visited record (or `from` if none). Gaps left by compaction are skipped.
   */
  read(from: number, max: number, visit: RecordVisitor): number {
    if (max <= 0 || from >= this.logEndOffset || this.size === 0) return from;
    let s = this.findSegment(from);
    if (s < 0) return from;
    let next = from;
    let i = this.segments[s].indexOf(from);
    if (s === this.head && i < this.headIndex) i = this.headIndex;
    let left = max;
    const segs = this.segments;
    while (left > 0 && s < segs.length) {
      const seg = segs[s];
      const end = Math.min(seg.count, i + left);
      for (let j = i; j < end; j++) visit(seg, j);
      if (end > i) {
        next = seg.offsetAt(end - 1) + 1;
        left -= end - i;
      }
      s++;
      i = 0;
    }
    return next;
  }

  /**
   * Same as read(), but writes the records themselves into `out` from index `at` (the consumer's
   * poll): one loop over the segment's columns, no visitor call per record. Returns the index after
   * the last record written; the next offset to read is the last record's offset + 1.
   */
  readRecords(from: number, max: number, topic: string, partition: number, out: ConsumerRecord[], at: number): number {
    if (max <= 0 || from >= this.logEndOffset || this.size === 0) return at;
    let s = this.findSegment(from);
    if (s < 0) return at;
    let i = this.segments[s].indexOf(from);
    if (s === this.head && i < this.headIndex) i = this.headIndex;
    let left = max;
    const segs = this.segments;
    while (left > 0 && s < segs.length) {
      const seg = segs[s];
      const end = Math.min(seg.count, i + left);
      if (end > i) {
        const { keys, values, headers, offsets, runStarts, runTimes } = seg;
        const base = seg.baseOffset;
        const runs = runStarts.length;
        // one run (one producer batch, one time) at a time; within it the common case, a dense
        // segment without headers, is a loop that does nothing but make the records
        for (let run = seg.runOf(i), j = i; j < end; run++) {
          const timestamp = runTimes[run];
          const runEnd = run + 1 < runs ? Math.min(end, runStarts[run + 1]) : end;
          if (offsets === null && headers === null) {
            for (; j < runEnd; j++) out[at++] = { topic, partition, offset: base + j, key: keys[j], value: values[j], timestamp, headers: EMPTY_HEADERS };
          } else {
            for (; j < runEnd; j++) {
              out[at++] = {
                topic,
                partition,
                offset: offsets === null ? base + j : offsets[j],
                key: keys[j],
                value: values[j],
                timestamp,
                headers: headers === null ? EMPTY_HEADERS : headers[j],
              };
            }
          }
        }
        left -= end - i;
      }
      s++;
      i = 0;
    }
    return at;
  }

  /** Deletes records appended before `cutoff` from the log start. Returns how many were deleted. */
  deleteOlderThan(cutoff: number): number {
    let deleted = 0;
    const segs = this.segments;
    while (this.head < segs.length) {
      const seg = segs[this.head];
      let i = this.headIndex;
      // whole runs at a time: a run's slots share one time
      if (i < seg.count) {
        for (let r = seg.runOf(i); r < seg.runTimes.length && seg.runTimes[r] < cutoff; r++) {
          i = r + 1 < seg.runStarts.length ? seg.runStarts[r + 1] : seg.count;
        }
      }
      deleted += i - this.headIndex;
      if (i < seg.count) {
        this.headIndex = i;
        break;
      }
      // whole segment gone: release its arrays
      segs[this.head] = EMPTY_SEGMENT;
      this.head++;
      this.headIndex = 0;
    }
    if (deleted > 0) {
      this.size -= deleted;
      this.logStartOffset = this.size === 0 ? this.logEndOffset : segs[this.head].offsetAt(this.headIndex);
      if (this.head > 64) {
        segs.splice(0, this.head);
        this.head = 0;
      }
    }
    return deleted;
  }

  /**
   * Keeps only the newest record per key; tombstones (null values) older than `tombstoneCutoff`
   * disappear entirely. Offsets never move: the survivors keep theirs, leaving gaps.
   */
  compact(tombstoneCutoff: number): number {
    const last = new Map<string | null, number>();
    this.read(this.logStartOffset, this.size, (seg, i) => last.set(seg.keys[i], seg.offsetAt(i)));
    // at most one survivor per key: segments sized for what is left of that, none bigger than the largest
    let room = last.size;
    const kept: Segment[] = [];
    let cur: Segment | null = null;
    let keptCount = 0;
    const before = this.size;
    this.read(this.logStartOffset, this.size, (seg, i) => {
      const off = seg.offsetAt(i);
      const key = seg.keys[i];
      if (last.get(key) !== off) return;
      const value = seg.values[i];
      const timestamp = seg.timestampAt(i);
      if (value === null && timestamp < tombstoneCutoff) return;
      if (cur === null || cur.count === cur.capacity) {
        const capacity = Math.min(SEGMENT_CAPACITY, Math.max(1, room));
        room -= capacity;
        cur = new Segment(off, capacity);
        cur.offsets = new Array<number>(capacity);
        kept.push(cur);
      }
      const j: number = cur.count;
      (cur.offsets as number[])[j] = off;
      cur.put(key, value, seg.headersAt(i), timestamp);
      keptCount++;
    });
    this.segments = kept;
    this.head = 0;
    this.headIndex = 0;
    this.size = keptCount;
    return before - keptCount;
  }
}

const EMPTY_SEGMENT = new Segment(0, 0);
