// Record batches, message format v2 (the only one Produce v3+ carries): decoding with the CRC-32C
// checked and gzip inflated, and encoding for Fetch responses. Snappy, LZ4 and zstd batches are
// refused with UNSUPPORTED_COMPRESSION_TYPE; see docs/engine/broker.md.
import { gunzipSync } from 'node:zlib';
import { MalformedFrame, Reader, Writer, varintSize } from './codec';
import { crc32c } from './crc32c';
import { ErrorCode, type ErrorCodeValue } from './errorCodes';

export interface WireHeader {
  key: string;
  value: Buffer | null;
}

/**
 * A decoded batch, column-wise: no object or Buffer per record. Record i's key is
 * bytes[keyStarts[i], keyStarts[i] + keyLengths[i]) (length −1: a null key), its value likewise.
 */
export interface WireBatch {
  baseOffset: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  transactional: boolean;
  control: boolean;
  count: number;
  /** The bytes the records point into: the request itself, or the inflated payload of a gzip batch. */
  bytes: Buffer;
  timestamps: Float64Array;
  keyStarts: Int32Array;
  keyLengths: Int32Array;
  valueStarts: Int32Array;
  valueLengths: Int32Array;
  /** Per record; the shared NO_HEADERS when it has none. */
  headers: WireHeader[][];
}

export const NO_HEADERS: WireHeader[] = [];

export type DecodeResult = { ok: true; batches: WireBatch[] } | { ok: false; code: ErrorCodeValue; message: string };

/** Batch header bytes from `attributes` to the record count: what the CRC covers before the records. */
const CODEC_NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
/** Largest inflated payload accepted from one gzip batch (a bomb guard). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

function fail(code: ErrorCodeValue, message: string): DecodeResult {
  return { ok: false, code, message };
}

/** Decodes every batch in a Produce partition's `records` bytes. Nothing is applied here. */
export function decodeBatches(data: Buffer): DecodeResult {
  const batches: WireBatch[] = [];
  let at = 0;
  while (at < data.length) {
    if (data.length - at < 61) return fail(ErrorCode.CORRUPT_MESSAGE, `truncated record batch header at byte ${at}`);
    const baseOffset = Number(data.readBigInt64BE(at));
    const batchLength = data.readInt32BE(at + 8);
    const end = at + 12 + batchLength;
    if (batchLength < 49 || end > data.length) return fail(ErrorCode.CORRUPT_MESSAGE, `record batch length ${batchLength} does not fit the ${data.length - at - 12} bytes left`);
    const magic = data.readInt8(at + 16);
    if (magic !== 2) return fail(ErrorCode.INVALID_RECORD, `record batch magic ${magic}: only message format v2 (magic 2) is accepted`);
    const crc = data.readUInt32BE(at + 17);
    const actual = crc32c(data, at + 21, end);
    if (crc !== actual) return fail(ErrorCode.CORRUPT_MESSAGE, `record batch CRC-32C mismatch: header says ${crc.toString(16)}, bytes give ${actual.toString(16)}`);
    const r = new Reader(data, at + 21, end);
    try {
      const attributes = r.int16();
      r.int32(); // lastOffsetDelta
      const baseTimestamp = r.int64();
      r.int64(); // maxTimestamp
      const producerId = r.int64();
      const producerEpoch = r.int16();
      const baseSequence = r.int32();
      const count = r.int32();
      const codec = attributes & 0x07;
      if (codec > 1) {
        return fail(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `${CODEC_NAMES[codec] ?? `codec ${codec}`} compression is not supported by this broker (none and gzip are)`);
      }
      let body = r;
      if (codec === 1) {
        let inflated: Buffer;
        try {
          inflated = gunzipSync(r.raw(r.remaining), { maxOutputLength: MAX_INFLATED_BYTES });
        } catch (e) {
          return fail(ErrorCode.CORRUPT_MESSAGE, `gzip batch does not inflate: ${(e as Error).message}`);
        }
        body = new Reader(inflated);
      }
      if (count < 0 || count > body.remaining) return fail(ErrorCode.CORRUPT_MESSAGE, `record count ${count} does not fit the batch`);
      const batch: WireBatch = {
        baseOffset,
        producerId,
        producerEpoch,
        baseSequence,
        transactional: (attributes & 0x10) !== 0,
        control: (attributes & 0x20) !== 0,
        count,
        bytes: body.buf,
        timestamps: new Float64Array(count),
        keyStarts: new Int32Array(count),
        keyLengths: new Int32Array(count),
        valueStarts: new Int32Array(count),
        valueLengths: new Int32Array(count),
        headers: new Array<WireHeader[]>(count),
      };
      for (let i = 0; i < count; i++) decodeRecord(body, baseTimestamp, batch, i);
      if (body.remaining !== 0) return fail(ErrorCode.CORRUPT_MESSAGE, `${body.remaining} bytes left after ${count} records`);
      batches.push(batch);
    } catch (e) {
      if (e instanceof MalformedFrame) return fail(ErrorCode.CORRUPT_MESSAGE, `malformed record: ${e.message}`);
      throw e;
    }
    at = end;
  }
  return { ok: true, batches };
}

/** Decodes record `i` of `batch` from `r` into the batch's columns (offsets into r.buf, nothing copied). */
function decodeRecord(r: Reader, baseTimestamp: number, batch: WireBatch, i: number): void {
  const length = r.varint();
  const start = r.offset;
  if (length < 0 || length > r.remaining) throw new MalformedFrame(`record length ${length}`);
  r.int8(); // attributes (unused)
  batch.timestamps[i] = baseTimestamp + r.varlong();
  r.varint(); // offsetDelta: records are numbered in order, as the broker appends them
  const keyLength = r.varint();
  batch.keyLengths[i] = keyLength < 0 ? -1 : keyLength;
  if (keyLength >= 0) batch.keyStarts[i] = r.skip(keyLength);
  const valueLength = r.varint();
  batch.valueLengths[i] = valueLength < 0 ? -1 : valueLength;
  if (valueLength >= 0) batch.valueStarts[i] = r.skip(valueLength);
  const headerCount = r.varint();
  if (headerCount < 0 || headerCount > r.remaining) throw new MalformedFrame(`header count ${headerCount}`);
  let headers = NO_HEADERS;
  if (headerCount > 0) {
    headers = new Array<WireHeader>(headerCount);
    for (let h = 0; h < headerCount; h++) {
      const kl = r.varint();
      if (kl < 0) throw new MalformedFrame('null header key');
      const hk = r.raw(kl).toString('utf8');
      const vl = r.varint();
      headers[h] = { key: hk, value: vl < 0 ? null : r.raw(vl) };
    }
  }
  batch.headers[i] = headers;
  if (r.offset - start !== length) throw new MalformedFrame(`record says ${length} bytes, has ${r.offset - start}`);
}

/**
 * A record to encode for a Fetch response (absolute offset and timestamp). Key and value are bytes,
 * or text written as UTF-8 straight into the response (no Buffer per record).
 */
export interface OutRecord {
  offset: number;
  timestamp: number;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: readonly (readonly [string, Buffer])[];
}

/** Bytes `x` takes on the wire (−1 for null). */
function wireLength(x: Buffer | string | null): number {
  return x === null ? -1 : typeof x === 'string' ? Buffer.byteLength(x, 'utf8') : x.length;
}

/** Appends one uncompressed v2 batch holding `records` (≥ 1, ascending offsets) to `w`. */
export function encodeBatch(w: Writer, records: readonly OutRecord[]): void {
  const first = records[0];
  const last = records[records.length - 1];
  let maxTimestamp = first.timestamp;
  for (const rec of records) if (rec.timestamp > maxTimestamp) maxTimestamp = rec.timestamp;
  w.int64(first.offset);
  const lengthAt = w.reserveInt32();
  w.int32(0); // partitionLeaderEpoch
  w.int8(2); // magic
  const crcAt = w.reserveInt32();
  const crcFrom = w.offset;
  w.int16(0); // attributes: no compression, CreateTime, not transactional
  w.int32(last.offset - first.offset);
  w.int64(first.timestamp);
  w.int64(maxTimestamp);
  w.int64(-1); // producerId
  w.int16(-1); // producerEpoch
  w.int32(-1); // baseSequence
  w.int32(records.length);
  for (const rec of records) {
    const tsDelta = rec.timestamp - first.timestamp;
    const offDelta = rec.offset - first.offset;
    const keyLen = wireLength(rec.key);
    const valLen = wireLength(rec.value);
    let size = 1 + varlongSize(tsDelta) + varintSize(offDelta) + varintSize(keyLen) + Math.max(0, keyLen) + varintSize(valLen) + Math.max(0, valLen) + varintSize(rec.headers.length);
    for (const [hk, hv] of rec.headers) {
      const kl = Buffer.byteLength(hk);
      size += varintSize(kl) + kl + varintSize(hv.length) + hv.length;
    }
    w.varint(size);
    w.int8(0);
    w.varlong(tsDelta);
    w.varint(offDelta);
    w.varint(keyLen);
    if (rec.key !== null) w.bytesOrText(rec.key, keyLen);
    w.varint(valLen);
    if (rec.value !== null) w.bytesOrText(rec.value, valLen);
    w.varint(rec.headers.length);
    for (const [hk, hv] of rec.headers) {
      const kb = Buffer.from(hk, 'utf8');
      w.varint(kb.length);
      w.raw(kb);
      w.varint(hv.length);
      w.raw(hv);
    }
  }
  w.patchInt32(lengthAt, w.offset - lengthAt - 4);
  w.patchUint32(crcAt, crc32c(w.buf, crcFrom, w.offset));
}

function varlongSize(v: number): number {
  if (v >= -0x40000000 && v < 0x40000000) return varintSize(v);
  let z = BigInt.asUintN(64, (BigInt(v) << 1n) ^ (BigInt(v) >> 63n));
  let n = 1;
  while (z >= 0x80n) {
    z >>= 7n;
    n++;
  }
  return n;
}

/** Encodes a producer-style batch (used by tests and the bench to build raw frames). */
export function encodeProduceBatch(records: readonly OutRecord[], options: { producerId?: number; producerEpoch?: number; baseSequence?: number } = {}): Buffer {
  const w = new Writer(1024);
  encodeBatch(w, records);
  const out = w.result();
  const base = records[0].offset;
  out.writeBigInt64BE(BigInt(base), 0);
  // producer fields sit at fixed positions: 43 producerId, 51 epoch, 53 baseSequence
  out.writeBigInt64BE(BigInt(options.producerId ?? -1), 43);
  out.writeInt16BE(options.producerEpoch ?? -1, 51);
  out.writeInt32BE(options.baseSequence ?? -1, 53);
  out.writeUInt32BE(crc32c(out, 21, out.length), 17);
  return out;
}
