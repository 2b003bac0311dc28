// The Kafka port's pure pieces: zig-zag varints/varlongs, CRC-32C, and the bytes ↔ broker value
// mapping (every byte string a client sends must come back identical).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueFromBytes, valueFromRange, valueToBytes } from '../../../electron/engine/kafka-port/bridge';
import { MalformedFrame, Reader, Writer } from '../../../electron/engine/kafka-port/codec';
import { crc32c } from '../../../electron/engine/kafka-port/crc32c';
import { decodeBatches, encodeBatch, encodeProduceBatch } from '../../../electron/engine/kafka-port/records';

describe('kafka-port codec', () => {
  it('round-trips varints and varlongs over their whole range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), fc.array(fc.maxSafeInteger().map((n) => n - 2 ** 52)), (ints, longs) => {
        const w = new Writer(8);
        for (const v of ints) w.varint(v);
        for (const v of longs) w.varlong(v);
        const r = new Reader(w.result());
        expect(ints.map(() => r.varint())).toEqual(ints);
        expect(longs.map(() => r.varlong())).toEqual(longs);
        expect(r.remaining).toBe(0);
      }),
    );
  });

  it('throws MalformedFrame instead of reading past the end', () => {
    const r = new Reader(Buffer.from([0x00, 0x05, 0x61]));
    expect(() => r.string()).toThrow(MalformedFrame);
    expect(() => new Reader(Buffer.from([0x80, 0x80])).varlong()).toThrow(MalformedFrame);
    expect(() => new Reader(Buffer.from([0, 0, 0, 9])).array((x) => x.int8())).toThrow(MalformedFrame);
  });

  it('computes CRC-32C (Castagnoli) as published', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    // RFC 3720 (iSCSI) B.4: 32 ascending and 32 descending bytes
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => i)))).toBe(0x46dd794e);
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)))).toBe(0x113fdb5c);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it('computes CRC-32C of any byte range exactly as the bit-by-bit definition does', () => {
    const bitwise = (b: Uint8Array, start: number, end: number) => {
      let crc = 0xffffffff;
      for (let i = start; i < end; i++) {
        crc ^= b[i];
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
      }
      return (crc ^ 0xffffffff) >>> 0;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = bytes.length === 0 ? 0 : a % (bytes.length + 1);
        const end = start + (bytes.length === 0 ? 0 : b % (bytes.length - start + 1));
        expect(crc32c(Buffer.from(bytes), start, end)).toBe(bitwise(bytes, start, end));
      }),
      { numRuns: 300 },
    );
  });

  it('gives back every value byte for byte, and parses canonical JSON objects for in-app consumers', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const b = Buffer.from(bytes);
        expect(Buffer.compare(valueToBytes(valueFromBytes(b))!, b)).toBe(0);
      }),
    );
    for (const text of ['\uFEFFwith a BOM', '{"a":1}', '{ "a": 1 }', '[1,2]', '42', 'null', '"quoted"', '']) {
      expect(valueToBytes(valueFromBytes(Buffer.from(text)))!.toString()).toBe(text);
    }
    expect(valueFromBytes(Buffer.from('{"a":[1,{"b":null}]}'))).toEqual({ a: [1, { b: null }] });
    expect(valueFromBytes(Buffer.from('{ "a": 1 }'))).toBe('{ "a": 1 }');
    expect(valueFromBytes(Buffer.from([0xff]))).toEqual({ $bytes: '/w==' });
    expect(valueFromBytes(null)).toBeNull();
    expect(valueToBytes({ total: 3 })!.toString()).toBe('{"total":3}');
  });

  it('reads a value from a byte range without copying it out: U+FFFD sent as text stays text, broken UTF-8 becomes $bytes', () => {
    const replacement = Buffer.from('ok \uFFFD ok');
    const frame = Buffer.concat([Buffer.from([0xff, 0x7b]), replacement, Buffer.from('{"a":1}'), Buffer.from([0xc3, 0x28]), Buffer.from('x')]);
    const r0 = 2;
    const r1 = r0 + replacement.length;
    expect(valueFromRange(frame, r0, r1)).toBe('ok \uFFFD ok');
    expect(valueFromRange(frame, r1, r1 + 7)).toEqual({ a: 1 });
    expect(valueFromRange(frame, r1 + 7, r1 + 9)).toEqual({ $bytes: Buffer.from([0xc3, 0x28]).toString('base64') });
    expect(valueFromRange(frame, 0, 2)).toEqual({ $bytes: Buffer.from([0xff, 0x7b]).toString('base64') });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (before, bytes, after) => {
        const whole = Buffer.concat([before, bytes, after]);
        expect(valueFromRange(whole, before.length, before.length + bytes.length)).toEqual(valueFromBytes(Buffer.from(bytes)));
      }),
    );
  });

  it('decodes a batch into columns pointing into its bytes: keys, values, nulls, headers and timestamps', () => {
    const records = [
      { offset: 0, timestamp: 1000, key: Buffer.from('k1'), value: Buffer.from('v1'), headers: [] },
      { offset: 1, timestamp: 1005, key: null, value: null, headers: [['h', Buffer.from('x')] as const] },
      { offset: 2, timestamp: 999, key: Buffer.from('ключ'), value: Buffer.alloc(0), headers: [] },
    ];
    const decoded = decodeBatches(encodeProduceBatch(records, { producerId: 7, producerEpoch: 1, baseSequence: 3 }));
    if (!decoded.ok) throw new Error(decoded.message);
    const [b] = decoded.batches;
    expect(b).toMatchObject({ producerId: 7, producerEpoch: 1, baseSequence: 3, count: 3 });
    const text = (start: number, length: number) => (length < 0 ? null : b.bytes.toString('utf8', start, start + length));
    expect([0, 1, 2].map((i) => text(b.keyStarts[i], b.keyLengths[i]))).toEqual(['k1', null, 'ключ']);
    expect([0, 1, 2].map((i) => text(b.valueStarts[i], b.valueLengths[i]))).toEqual(['v1', null, '']);
    expect([...b.timestamps]).toEqual([1000, 1005, 999]);
    expect(b.headers.map((h) => h.map((x) => [x.key, x.value?.toString()]))).toEqual([[], [['h', 'x']], []]);
  });

  it('encodes text keys and values as the same bytes as their Buffers (UTF-8 written straight into the response)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(fc.string({ unit: 'grapheme' })), fc.option(fc.string({ unit: 'grapheme' }))), { minLength: 1, maxLength: 8 }), (pairs) => {
        const asText = pairs.map(([k, v], i) => ({ offset: i, timestamp: 5, key: k, value: v, headers: [] }));
        const asBytes = asText.map((r) => ({ ...r, key: r.key === null ? null : Buffer.from(r.key), value: r.value === null ? null : Buffer.from(r.value) }));
        const text = new Writer(16);
        encodeBatch(text, asText);
        const bytes = new Writer(16);
        encodeBatch(bytes, asBytes);
        expect(Buffer.compare(text.result(), bytes.result())).toBe(0);
        const decoded = decodeBatches(text.result());
        expect(decoded.ok).toBe(true);
      }),
    );
  });
});
