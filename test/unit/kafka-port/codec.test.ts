// The Kafka port's pure pieces: zig-zag varints/varlongs, CRC-32C, and the bytes ↔ broker value
// mapping (every byte string a client sends must come back identical).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueFromBytes, valueToBytes } from '../../../electron/engine/kafka-port/bridge';
import { MalformedFrame, Reader, Writer } from '../../../electron/engine/kafka-port/codec';
import { crc32c } from '../../../electron/engine/kafka-port/crc32c';

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
});
