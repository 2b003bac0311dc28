// Producer: validates a whole send before touching any log (bad input changes nothing), picks the
// partition (explicit > key hash > round robin), appends. An idempotent producer numbers its
// batches per partition so the broker can drop a retried batch it already has.
import type { ProducerHost } from './host';
import { BrokerError } from './errors';
import { partitionForKey } from './murmur2';
import { partitionKey } from './state';
import type { Headers, ProducerRecord, RecordMetadata, SendOptions } from './types';
import { freezeHeaders, freezeOwnedValue, freezeValue } from './values';
import { genericArray, genericHoleyArray } from './elementsKind';

/**
 * A validated send, column-wise (no object per record): what each record holds, the partition it
 * goes to, and the partitions' batches as index lists in the order each partition first appears.
 */
interface Batches {
  keys: (string | null)[];
  values: unknown[];
  headers: Headers[];
  /** Record indexes grouped by batch: batch b is order[starts[b] .. starts[b + 1]). */
  order: Int32Array;
  starts: number[];
  partitions: number[];
  baseSequences: number[];
}

/** Column arrays for one send, kept by a producer between sends so a send allocates none per record. */
class SendColumns {
  keys = genericArray<string | null>();
  values = genericArray<unknown>();
  headers = genericArray<Headers>();
  chosen = new Int32Array(0);
  order = new Int32Array(0);

  /** Makes room for `n` records (the arrays only grow; slots past `n` hold leftovers of earlier sends). */
  reserve(n: number): void {
    if (this.chosen.length >= n) return;
    const size = Math.max(n, this.chosen.length * 2);
    this.keys = genericHoleyArray<string | null>(size);
    this.values = genericHoleyArray<unknown>(size);
    this.headers = genericHoleyArray<Headers>(size);
    this.chosen = new Int32Array(size);
    this.order = new Int32Array(size);
  }
}

export class Producer {
  /** Next sequence number per topic-partition (idempotent producers only). */
  private readonly sequences = new Map<string, number>();
  /** Reused by every send; null while a send is using them (a send from inside a send gets its own). */
  private columns: SendColumns | null = new SendColumns();

  /** @internal */
  constructor(
    private readonly broker: ProducerHost,
    /** Producer id; null when not idempotent. */
    readonly producerId: number | null,
    readonly clientId: string,
  ) {}

  get idempotent(): boolean {
    return this.producerId !== null;
  }

  /** Appends one record or a batch; returns where each landed, in the order given. */
  send(topic: string, records: ProducerRecord | ProducerRecord[], options: SendOptions = {}): RecordMetadata[] {
    return this.sendInternal(topic, records, options, false);
  }

  /** @internal For callers that build the values themselves and give them up (the relay): freeze instead of copy. */
  sendOwned(topic: string, records: ProducerRecord[]): RecordMetadata[] {
    return this.sendInternal(topic, records, {}, true);
  }

  private sendInternal(topic: string, records: ProducerRecord | ProducerRecord[], options: SendOptions, owned: boolean): RecordMetadata[] {
    const columns = this.columns ?? new SendColumns();
    this.columns = null;
    try {
      return this.sendWith(columns, topic, records, options, owned);
    } finally {
      this.columns = columns;
    }
  }

  private sendWith(columns: SendColumns, topic: string, records: ProducerRecord | ProducerRecord[], options: SendOptions, owned: boolean): RecordMetadata[] {
    const t = this.broker.topic(topic);
    const list = Array.isArray(records) ? records : [records];
    const n = list.length;
    const partitionCount = t.logs.length;
    const compacted = t.cleanupPolicy !== 'delete';
    columns.reserve(n);
    const { keys, values, headers, chosen, order } = columns; // chosen[i]: explicit partition, or -1
    for (let i = 0; i < n; i++) chosen[i] = this.prepare(list[i], i, partitionCount, compacted, owned, keys, values, headers);
    if (options.fault !== undefined && options.fault !== 'lost-ack') throw new BrokerError('INVALID_ARGUMENT', `unknown fault ${JSON.stringify(options.fault)}`);

    // Everything is valid: choose partitions (this advances the round-robin counter) and batch per partition.
    const batchOf = new Int32Array(partitionCount).fill(-1);
    const partitions: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < n; i++) {
      let partition = chosen[i];
      if (partition < 0) {
        const key = keys[i];
        partition = key !== null ? partitionForKey(key, partitionCount) : (++t.roundRobin & 0x7fffffff) % partitionCount;
      }
      let b = batchOf[partition];
      if (b < 0) {
        b = batchOf[partition] = partitions.length;
        partitions.push(partition);
        counts.push(0);
      }
      chosen[i] = b;
      counts[b]++;
    }
    const starts = new Array<number>(partitions.length + 1);
    starts[0] = 0;
    for (let b = 0; b < partitions.length; b++) starts[b + 1] = starts[b] + counts[b];
    const fill = new Int32Array(partitions.length);
    for (let b = 0; b < partitions.length; b++) fill[b] = starts[b];
    for (let i = 0; i < n; i++) order[fill[chosen[i]]++] = i;
    const baseSequences = new Array<number>(partitions.length).fill(0);
    if (this.producerId !== null) {
      for (let b = 0; b < partitions.length; b++) {
        const k = partitionKey(topic, partitions[b]);
        baseSequences[b] = this.sequences.get(k) ?? 0;
        this.sequences.set(k, baseSequences[b] + counts[b]);
      }
    }
    const batches: Batches = { keys, values, headers, order, starts, partitions, baseSequences };
    const out: RecordMetadata[] = new Array(n);
    this.deliver(topic, batches, out);
    if (options.fault === 'lost-ack') {
      // The acknowledgement never arrived: the producer sends the very same batches again.
      this.broker.record({ type: 'produce.retry', topic, producerId: this.producerId, reason: 'lost-ack' });
      this.deliver(topic, batches, out);
    }
    return out;
  }

  private deliver(topic: string, batches: Batches, out: RecordMetadata[]): void {
    const broker = this.broker;
    const t = broker.topic(topic);
    const now = broker.clock.now();
    const { keys, values, headers, order, starts } = batches;
    for (let b = 0; b < batches.partitions.length; b++) {
      const partition = batches.partitions[b];
      const from = starts[b];
      const count = starts[b + 1] - from;
      const baseSequence = batches.baseSequences[b];
      const log = t.logs[partition];
      if (this.producerId !== null) {
        const state = log.producers.get(this.producerId);
        if (state !== undefined && state.baseSeq === baseSequence && state.count === count) {
          // A retry of the batch the broker already has: acknowledge with the original offsets, write nothing.
          broker.record({ type: 'produce.duplicate', topic, partition, producerId: this.producerId, baseSequence, count, baseOffset: state.baseOffset });
          for (let j = 0; j < count; j++) out[order[from + j]] = { topic, partition, offset: state.baseOffset + j, timestamp: now };
          continue;
        }
        const expected = state === undefined ? 0 : state.lastSeq + 1;
        if (baseSequence !== expected) {
          throw new BrokerError('OUT_OF_ORDER_SEQUENCE', `producer ${this.producerId}: sequence ${baseSequence} on ${topic}-${partition}, expected ${expected}`);
        }
      }
      const baseOffset = log.appendBatch(keys, values, headers, order, from, count, now);
      for (let j = 0; j < count; j++) out[order[from + j]] = { topic, partition, offset: baseOffset + j, timestamp: now };
      if (this.producerId !== null) {
        log.producers.set(this.producerId, { lastSeq: baseSequence + count - 1, baseSeq: baseSequence, baseOffset, count });
      }
      broker.record({ type: 'produce', topic, partition, producerId: this.producerId, baseOffset, count, keys: log.newestKeys(count) });
    }
  }

  /** Validates record `i` into the columns; returns its explicit partition, or -1. Throws before anything is written. */
  private prepare(
    r: ProducerRecord,
    i: number,
    partitions: number,
    compacted: boolean,
    owned: boolean,
    keys: (string | null)[],
    values: unknown[],
    headers: Headers[],
  ): number {
    if (r === null || typeof r !== 'object') throw new BrokerError('INVALID_RECORD', `record ${i} must be an object with a value`);
    const key = r.key ?? null;
    if (key !== null && typeof key !== 'string') throw new BrokerError('INVALID_RECORD', `record ${i}: key must be a string or null`);
    if (compacted && key === null) throw new BrokerError('INVALID_RECORD', `record ${i}: a compacted topic needs a key on every record`);
    const partition = r.partition;
    if (partition !== undefined && partition !== null && (!Number.isSafeInteger(partition) || partition < 0 || partition >= partitions)) {
      throw new BrokerError('PARTITION_OUT_OF_RANGE', `record ${i}: partition ${String(partition)} is not in 0..${partitions - 1}`);
    }
    if (!('value' in r)) throw new BrokerError('NOT_SERIALIZABLE', `record ${i}: value is missing (use null for a tombstone)`);
    let value: unknown;
    try {
      value = owned ? freezeOwnedValue(r.value) : freezeValue(r.value);
    } catch (e) {
      if (e instanceof BrokerError) throw new BrokerError(e.code, `record ${i}: ${e.message}`);
      throw e;
    }
    keys[i] = key;
    values[i] = value;
    headers[i] = freezeHeaders(r.headers, owned);
    return partition ?? -1;
  }
}
