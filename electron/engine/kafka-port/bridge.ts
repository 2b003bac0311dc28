// Between Kafka bytes and the simulated broker's records. Keys and header values are UTF-8 text in
// the broker; a value is kept as text, as the JSON object/array it spells (when it is canonical
// JSON, so the bytes come back identical), or — when it is not UTF-8 — as { $bytes: base64 }.
// Appends go to the same partition logs, offsets and journal as the in-app producers.
import { isUtf8 } from 'node:buffer';
import type { Broker } from '../broker';
import { BrokerError } from '../broker';
import { EMPTY_HEADERS, freezeOwnedValue } from '../broker/values';
import type { Clock, Headers } from '../broker';
import { ErrorCode, type ErrorCodeValue } from './errorCodes';
import type { OutRecord, WireBatch } from './records';

/**
 * The UTF-8 text of b[start, end) (a BOM kept as U+FEFF), or null when those bytes are not valid UTF-8.
 * Decoding replaces every invalid sequence with U+FFFD, so text without one came from valid bytes and
 * needs no separate check; only text holding U+FFFD (rare) is checked byte by byte.
 */
function decodeText(b: Buffer, start = 0, end = b.length): string | null {
  const text = b.toString('utf8', start, end);
  if (text.indexOf('\ufffd') === -1) return text;
  return isUtf8(b.subarray(start, end)) ? text : null;
}

/** Broker value for record value bytes. */
export function valueFromBytes(b: Buffer | null): unknown {
  return b === null ? null : valueFromRange(b, 0, b.length);
}

/** Broker value for the value bytes b[start, end): text, the JSON it spells (when canonical), or { $bytes }. */
export function valueFromRange(b: Buffer, start: number, end: number): unknown {
  const text = decodeText(b, start, end);
  if (text === null) return Object.freeze({ $bytes: b.toString('base64', start, end) });
  const c = text.charCodeAt(0);
  if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (JSON.stringify(parsed) === text) return freezeOwnedValue(parsed);
    } catch {
      // not JSON: kept as text
    }
  }
  return text;
}

const objectBytes = new WeakMap<object, Buffer>();

/** Bytes of a broker value, the inverse of valueFromBytes (in-app JSON values go out as JSON text). */
export function valueToBytes(v: unknown): Buffer | null {
  const wire = valueToWire(v);
  return typeof wire === 'string' ? Buffer.from(wire, 'utf8') : wire;
}

/** valueToBytes for a Fetch response: text stays text (encoded once, into the response itself). */
export function valueToWire(v: unknown): Buffer | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v !== 'object') return Buffer.from(JSON.stringify(v), 'utf8');
  const cached = objectBytes.get(v);
  if (cached) return cached;
  const o = v as Record<string, unknown>;
  let out: Buffer;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === '$bytes' && typeof o.$bytes === 'string') out = Buffer.from(o.$bytes, 'base64');
  else out = Buffer.from(JSON.stringify(v), 'utf8');
  objectBytes.set(v, out);
  return out;
}

const headerBytes = new WeakMap<object, [string, Buffer][]>();

export function headersToWire(h: Headers): readonly (readonly [string, Buffer])[] {
  const cached = headerBytes.get(h);
  if (cached) return cached;
  const out: [string, Buffer][] = Object.keys(h).map((k) => [k, Buffer.from(h[k], 'utf8')]);
  headerBytes.set(h, out);
  return out;
}

export interface AppendOutcome {
  code: ErrorCodeValue;
  message: string | null;
  baseOffset: number;
  logStartOffset: number;
}

/** A validated Produce partition, column-wise: what the log appends, record by record. */
interface Prepared {
  count: number;
  keys: (string | null)[];
  values: unknown[];
  headers: Headers[];
  timestamps: number[];
}

const EMPTY: Headers = EMPTY_HEADERS; // the broker's own: a segment keeps no headers column while every record has these

function prepare(batches: WireBatch[], compacted: boolean): Prepared | { code: ErrorCodeValue; message: string } {
  let total = 0;
  for (const batch of batches) {
    if (batch.transactional || batch.control) return { code: ErrorCode.INVALID_RECORD, message: 'transactional and control batches are not supported by this broker' };
    total += batch.count;
  }
  const out: Prepared = { count: total, keys: new Array(total), values: new Array(total), headers: new Array(total), timestamps: new Array(total) };
  let n = 0;
  for (const batch of batches) {
    const { bytes, keyStarts, keyLengths, valueStarts, valueLengths, timestamps } = batch;
    for (let i = 0; i < batch.count; i++, n++) {
      let key: string | null = null;
      const kl = keyLengths[i];
      if (kl >= 0) {
        key = decodeText(bytes, keyStarts[i], keyStarts[i] + kl);
        if (key === null) return { code: ErrorCode.INVALID_RECORD, message: `record key is not UTF-8 text (this broker keeps keys as text)` };
      }
      if (compacted && key === null) return { code: ErrorCode.INVALID_RECORD, message: 'a compacted topic needs a key on every record' };
      let headers = EMPTY;
      const wireHeaders = batch.headers[i];
      if (wireHeaders.length > 0) {
        const h: Record<string, string> = {};
        for (const { key: hk, value: hv } of wireHeaders) {
          if (Object.prototype.hasOwnProperty.call(h, hk)) return { code: ErrorCode.INVALID_RECORD, message: `header ${JSON.stringify(hk)} appears twice (this broker keeps one value per header key)` };
          const text = hv === null ? null : decodeText(hv);
          if (text === null) return { code: ErrorCode.INVALID_RECORD, message: `header ${JSON.stringify(hk)}: the value must be UTF-8 text (not null or binary)` };
          h[hk] = text;
        }
        headers = Object.freeze(h);
      }
      const vl = valueLengths[i];
      out.keys[n] = key;
      out.values[n] = vl < 0 ? null : valueFromRange(bytes, valueStarts[i], valueStarts[i] + vl);
      out.headers[n] = headers;
      out.timestamps[n] = timestamps[i];
    }
  }
  return out;
}

/**
 * Appends one Produce partition's batches, all or nothing: validation (text keys, headers, the
 * idempotent producer's sequence) runs before the first record is written.
 */
export function appendBatches(broker: Broker<Clock>, topic: string, partition: number, batches: WireBatch[]): AppendOutcome {
  const t = broker.topics.get(topic);
  if (!t || partition < 0 || partition >= t.logs.length) {
    return { code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message: `${topic}-${partition} does not exist`, baseOffset: -1, logStartOffset: -1 };
  }
  const log = t.logs[partition];
  const failed = (code: ErrorCodeValue, message: string): AppendOutcome => ({ code, message, baseOffset: -1, logStartOffset: log.logStartOffset });
  const prepared = prepare(batches, t.cleanupPolicy !== 'delete');
  if (!('count' in prepared)) return failed(prepared.code, prepared.message);
  const count = prepared.count;
  if (count === 0) return { code: ErrorCode.NONE, message: null, baseOffset: log.logEndOffset, logStartOffset: log.logStartOffset };

  // Idempotent producer: one producer id per request partition; sequences continue across batches.
  const first = batches[0];
  const producerId = first.producerId >= 0 ? first.producerId : null;
  if (producerId !== null) {
    let expected: number;
    const state = log.producers.get(producerId);
    if (state !== undefined && state.epoch !== undefined && first.producerEpoch < state.epoch) {
      return failed(ErrorCode.INVALID_PRODUCER_EPOCH, `producer ${producerId}: epoch ${first.producerEpoch} is older than ${state.epoch}`);
    }
    if (state === undefined || (state.epoch !== undefined && first.producerEpoch > state.epoch)) expected = 0;
    else {
      if (state.baseSeq === first.baseSequence && state.count === count) {
        // a retry of the batch this partition already has: the original offsets, nothing written
        broker.record({ type: 'produce.duplicate', topic, partition, producerId, baseSequence: first.baseSequence, count, baseOffset: state.baseOffset });
        return { code: ErrorCode.NONE, message: null, baseOffset: state.baseOffset, logStartOffset: log.logStartOffset };
      }
      expected = state.lastSeq + 1;
    }
    if (first.baseSequence !== expected) {
      const code = first.baseSequence < expected ? ErrorCode.DUPLICATE_SEQUENCE_NUMBER : ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER;
      return failed(code, `producer ${producerId}: sequence ${first.baseSequence} on ${topic}-${partition}, expected ${expected}`);
    }
  }

  const { keys, values, headers, timestamps } = prepared;
  const baseOffset = log.logEndOffset;
  for (let j = 0; j < count; j++) log.append(keys[j], values[j], headers[j], timestamps[j]);
  if (producerId !== null) {
    log.producers.set(producerId, { lastSeq: first.baseSequence + count - 1, baseSeq: first.baseSequence, baseOffset, count, epoch: first.producerEpoch });
  }
  broker.record({ type: 'produce', topic, partition, producerId, baseOffset, count, keys });
  return { code: ErrorCode.NONE, message: null, baseOffset, logStartOffset: log.logStartOffset };
}

/** Records of a partition from `from`, until `maxBytes` (at least one record, as Kafka's KIP-74). */
export function readForFetch(broker: Broker<Clock>, topic: string, partition: number, from: number, maxBytes: number): { records: OutRecord[]; bytes: number } {
  const log = broker.partitionLog(topic, partition);
  const records: OutRecord[] = [];
  let bytes = 0;
  const CHUNK = 500;
  let next = Math.max(from, log.logStartOffset);
  let full = false;
  while (!full) {
    const before = records.length;
    next = log.read(next, CHUNK, (seg, i) => {
      if (full) return;
      const key = seg.keys[i];
      const value = valueToWire(seg.values[i]);
      const rec: OutRecord = { offset: seg.offsetAt(i), timestamp: seg.timestampAt(i), key, value, headers: headersToWire(seg.headersAt(i)) };
      let size = 24 + (key === null ? 0 : Buffer.byteLength(key, 'utf8')) + (value === null ? 0 : typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.length);
      for (const [hk, hv] of rec.headers) size += hk.length + hv.length + 4;
      if (records.length > 0 && bytes + size > maxBytes) {
        full = true;
        return;
      }
      records.push(rec);
      bytes += size;
    });
    if (records.length === before) break;
    if (full) break;
  }
  return { records, bytes };
}

/** Offset of the first record with timestamp ≥ `ts`, or the log end. */
export function offsetForTimestamp(broker: Broker<Clock>, topic: string, partition: number, ts: number): { offset: number; timestamp: number } {
  const log = broker.partitionLog(topic, partition);
  let found: { offset: number; timestamp: number } | null = null;
  let from = log.logStartOffset;
  while (found === null && from < log.logEndOffset) {
    const before = from;
    from = log.read(from, 4096, (seg, i) => {
      if (found === null && seg.timestampAt(i) >= ts) found = { offset: seg.offsetAt(i), timestamp: seg.timestampAt(i) };
    });
    if (from === before) break;
  }
  return found ?? { offset: log.logEndOffset, timestamp: -1 };
}

export function isBrokerError(e: unknown): e is BrokerError {
  return e instanceof BrokerError;
}
