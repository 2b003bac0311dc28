// Producer: validates a whole send before touching any log (bad input changes nothing), picks the
// partition (explicit > key hash > round robin), appends. An idempotent producer numbers its
// batches per partition so the broker can drop a retried batch it already has.
import type { ProducerHost } from './host';
import { BrokerError } from './errors';
import { partitionForKey } from './murmur2';
import { partitionKey } from './state';
import type { Headers, ProducerRecord, RecordMetadata, SendOptions } from './types';
import { freezeHeaders, freezeOwnedValue, freezeValue } from './values';

interface Prepared {
  key: string | null;
  value: unknown;
  headers: Headers;
  partition: number | undefined;
}

interface Batch {
  partition: number;
  records: Prepared[];
  /** Index of each record in the caller's array, to return metadata in the same order. */
  indexes: number[];
  baseSequence: number;
}

export class Producer {
  /** Next sequence number per topic-partition (idempotent producers only). */
  private readonly sequences = new Map<string, number>();

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
    const t = this.broker.topic(topic);
    const list = Array.isArray(records) ? records : [records];
    const prepared = list.map((r, i) => this.prepare(r, i, t.logs.length, t.cleanupPolicy !== 'delete', owned));
    if (options.fault !== undefined && options.fault !== 'lost-ack') throw new BrokerError('INVALID_ARGUMENT', `unknown fault ${JSON.stringify(options.fault)}`);

    // Everything is valid: choose partitions (this advances the round-robin counter) and batch per partition.
    const batches = new Map<number, Batch>();
    for (let i = 0; i < prepared.length; i++) {
      const p = prepared[i];
      let partition = p.partition;
      if (partition === undefined) {
        partition = p.key !== null ? partitionForKey(p.key, t.logs.length) : (++t.roundRobin & 0x7fffffff) % t.logs.length;
      }
      let b = batches.get(partition);
      if (!b) batches.set(partition, (b = { partition, records: [], indexes: [], baseSequence: 0 }));
      b.records.push(p);
      b.indexes.push(i);
    }
    if (this.producerId !== null) {
      for (const b of batches.values()) {
        const k = partitionKey(topic, b.partition);
        b.baseSequence = this.sequences.get(k) ?? 0;
        this.sequences.set(k, b.baseSequence + b.records.length);
      }
    }
    const out: RecordMetadata[] = new Array(prepared.length);
    this.deliver(topic, batches, out);
    if (options.fault === 'lost-ack') {
      // The acknowledgement never arrived: the producer sends the very same batches again.
      this.broker.record({ type: 'produce.retry', topic, producerId: this.producerId, reason: 'lost-ack' });
      this.deliver(topic, batches, out);
    }
    return out;
  }

  private deliver(topic: string, batches: Map<number, Batch>, out: RecordMetadata[]): void {
    const broker = this.broker;
    const t = broker.topic(topic);
    const now = broker.clock.now();
    for (const b of batches.values()) {
      const log = t.logs[b.partition];
      if (this.producerId !== null) {
        const state = log.producers.get(this.producerId);
        if (state !== undefined && state.baseSeq === b.baseSequence && state.count === b.records.length) {
          // A retry of the batch the broker already has: acknowledge with the original offsets, write nothing.
          broker.record({ type: 'produce.duplicate', topic, partition: b.partition, producerId: this.producerId, baseSequence: b.baseSequence, count: b.records.length, baseOffset: state.baseOffset });
          for (let j = 0; j < b.indexes.length; j++) out[b.indexes[j]] = { topic, partition: b.partition, offset: state.baseOffset + j, timestamp: now };
          continue;
        }
        const expected = state === undefined ? 0 : state.lastSeq + 1;
        if (b.baseSequence !== expected) {
          throw new BrokerError('OUT_OF_ORDER_SEQUENCE', `producer ${this.producerId}: sequence ${b.baseSequence} on ${topic}-${b.partition}, expected ${expected}`);
        }
      }
      const keys: (string | null)[] = new Array(b.records.length);
      let baseOffset = -1;
      for (let j = 0; j < b.records.length; j++) {
        const r = b.records[j];
        const offset = log.append(r.key, r.value, r.headers, now);
        if (j === 0) baseOffset = offset;
        keys[j] = r.key;
        out[b.indexes[j]] = { topic, partition: b.partition, offset, timestamp: now };
      }
      if (this.producerId !== null) {
        log.producers.set(this.producerId, { lastSeq: b.baseSequence + b.records.length - 1, baseSeq: b.baseSequence, baseOffset, count: b.records.length });
      }
      broker.record({ type: 'produce', topic, partition: b.partition, producerId: this.producerId, baseOffset, count: b.records.length, keys });
    }
  }

  private prepare(r: ProducerRecord, i: number, partitions: number, compacted: boolean, owned: boolean): Prepared {
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
    return { key, value, headers: freezeHeaders(r.headers), partition: partition ?? undefined };
  }
}
