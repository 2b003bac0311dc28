// Kafka's primitive wire types (big-endian integers, int16-length strings, int32-length bytes,
// arrays with an int32 count, zig-zag varints for record bodies). A Reader that runs past its end
// throws a MalformedFrame, which closes that one connection and nothing else.

export class MalformedFrame extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedFrame';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export class Reader {
  offset: number;
  constructor(
    readonly buf: Buffer,
    offset = 0,
    readonly end = buf.length,
  ) {
    this.offset = offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private need(n: number): number {
    const at = this.offset;
    if (n < 0 || at + n > this.end) throw new MalformedFrame(`needs ${n} more bytes at ${at}, has ${this.end - at}`);
    this.offset = at + n;
    return at;
  }

  int8(): number {
    return this.buf.readInt8(this.need(1));
  }
  int16(): number {
    return this.buf.readInt16BE(this.need(2));
  }
  int32(): number {
    return this.buf.readInt32BE(this.need(4));
  }
  uint32(): number {
    return this.buf.readUInt32BE(this.need(4));
  }
  /** int64 as a JS number; exact up to 2^53, which every offset and timestamp here is. */
  int64(): number {
    return Number(this.buf.readBigInt64BE(this.need(8)));
  }
  bool(): boolean {
    return this.int8() !== 0;
  }

  nullableString(): string | null {
    const n = this.int16();
    if (n === -1) return null;
    if (n < -1) throw new MalformedFrame(`string length ${n}`);
    const at = this.need(n);
    return utf8.decode(this.buf.subarray(at, at + n));
  }
  string(): string {
    const s = this.nullableString();
    if (s === null) throw new MalformedFrame('null where a string is required');
    return s;
  }
  nullableBytes(): Buffer | null {
    const n = this.int32();
    if (n === -1) return null;
    if (n < -1) throw new MalformedFrame(`bytes length ${n}`);
    const at = this.need(n);
    return this.buf.subarray(at, at + n);
  }
  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }
  raw(n: number): Buffer {
    const at = this.need(n);
    return this.buf.subarray(at, at + n);
  }
  /** Steps over `n` bytes and returns where they start (no Buffer made). */
  skip(n: number): number {
    return this.need(n);
  }

  /** An int32-counted array; −1 (null) reads as null. The count is checked against the bytes left. */
  nullableArray<T>(item: (r: Reader) => T): T[] | null {
    const n = this.int32();
    if (n === -1) return null;
    if (n < -1 || n > this.remaining) throw new MalformedFrame(`array length ${n}`);
    const out: T[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = item(this);
    return out;
  }
  array<T>(item: (r: Reader) => T): T[] {
    return this.nullableArray(item) ?? [];
  }

  /** Zig-zag varint (int32 range). */
  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.offset >= this.end) throw new MalformedFrame('varint runs past the end');
      const b = this.buf[this.offset++];
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new MalformedFrame('varint too long');
    }
    return (value >>> 1) ^ -(value & 1);
  }
  /** Zig-zag varlong, exact for |n| < 2^53 (short ones — record deltas — without BigInt). */
  varlong(): number {
    const start = this.offset;
    let small = 0;
    let mul = 1;
    for (let i = 0; i < 7 && this.offset < this.end; i++) {
      const b = this.buf[this.offset++];
      small += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return small % 2 === 0 ? small / 2 : -(small + 1) / 2;
      mul *= 128;
    }
    this.offset = start;
    let value = 0n;
    let shift = 0n;
    for (;;) {
      if (this.offset >= this.end) throw new MalformedFrame('varlong runs past the end');
      const b = this.buf[this.offset++];
      value |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
      if (shift > 63n) throw new MalformedFrame('varlong too long');
    }
    return Number((value >> 1n) ^ -(value & 1n));
  }
}

/** Node's Buffer has utf8Write(string, offset, length) → bytes written; @types/node does not declare it. */
interface Utf8Writable {
  utf8Write(s: string, offset: number, length: number): number;
}

export class Writer {
  buf: Buffer;
  offset = 0;
  constructor(size = 256) {
    this.buf = Buffer.allocUnsafe(size);
  }

  private room(n: number): number {
    const at = this.offset;
    if (at + n > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < at + n) size *= 2;
      const next = Buffer.allocUnsafe(size);
      this.buf.copy(next, 0, 0, at);
      this.buf = next;
    }
    this.offset = at + n;
    return at;
  }

  int8(v: number): this {
    const at = this.room(1);
    this.buf.writeInt8(v, at);
    return this;
  }
  int16(v: number): this {
    const at = this.room(2);
    this.buf.writeInt16BE(v, at);
    return this;
  }
  int32(v: number): this {
    const at = this.room(4);
    this.buf.writeInt32BE(v, at);
    return this;
  }
  uint32(v: number): this {
    const at = this.room(4);
    this.buf.writeUInt32BE(v >>> 0, at);
    return this;
  }
  int64(v: number): this {
    const at = this.room(8);
    this.buf.writeBigInt64BE(BigInt(v), at);
    return this;
  }
  bool(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }
  nullableString(s: string | null): this {
    if (s === null) return this.int16(-1);
    const n = Buffer.byteLength(s);
    this.int16(n);
    const at = this.room(n);
    this.buf.write(s, at, n, 'utf8');
    return this;
  }
  string(s: string): this {
    return this.nullableString(s);
  }
  nullableBytes(b: Uint8Array | null): this {
    if (b === null) return this.int32(-1);
    this.int32(b.length);
    return this.raw(b);
  }
  raw(b: Uint8Array): this {
    const at = this.room(b.length);
    this.buf.set(b, at);
    return this;
  }
  /** Bytes as they are, or text as its `byteLength` bytes of UTF-8 (the caller measured it). */
  bytesOrText(b: Uint8Array | string, byteLength: number): this {
    if (typeof b !== 'string') return this.raw(b);
    const at = this.room(byteLength);
    // Buffer's own utf8Write: what buf.write(s, at, n, 'utf8') ends in, without its argument
    // juggling, which cost as much as the copy itself for values of ~100 bytes.
    (this.buf as unknown as Utf8Writable).utf8Write(b, at, byteLength);
    return this;
  }
  /** Makes room for `n` more bytes at once (one copy instead of doubling step by step). */
  ensure(n: number): this {
    const at = this.room(n);
    this.offset = at;
    return this;
  }
  array<T>(items: readonly T[], write: (w: this, item: T) => void): this {
    this.int32(items.length);
    for (const item of items) write(this, item);
    return this;
  }
  nullableArray<T>(items: readonly T[] | null, write: (w: this, item: T) => void): this {
    if (items === null) return this.int32(-1);
    return this.array(items, write);
  }
  int32Array(items: readonly number[]): this {
    this.int32(items.length);
    for (const v of items) this.int32(v);
    return this;
  }

  varint(v: number): this {
    let z = ((v << 1) ^ (v >> 31)) >>> 0;
    while (z >= 0x80) {
      {
        const at = this.room(1);
        this.buf[at] = (z & 0x7f) | 0x80;
      }
      z >>>= 7;
    }
    {
        const at = this.room(1);
        this.buf[at] = z;
      }
    return this;
  }
  varlong(v: number): this {
    if (v >= -0x40000000 && v < 0x40000000) return this.varint(v);
    let z = (BigInt(v) << 1n) ^ (BigInt(v) >> 63n);
    z = BigInt.asUintN(64, z);
    while (z >= 0x80n) {
      {
        const at = this.room(1);
        this.buf[at] = Number(z & 0x7fn) | 0x80;
      }
      z >>= 7n;
    }
    {
        const at = this.room(1);
        this.buf[at] = Number(z);
      }
    return this;
  }

  /** Reserves an int32 to fill in later (lengths written before their content is known). */
  reserveInt32(): number {
    return this.room(4);
  }
  patchInt32(at: number, v: number): void {
    this.buf.writeInt32BE(v, at);
  }
  patchUint32(at: number, v: number): void {
    this.buf.writeUInt32BE(v >>> 0, at);
  }

  result(): Buffer {
    return this.buf.subarray(0, this.offset);
  }
}

/** Bytes a varint of `v` takes (zig-zag), for record length prefixes. */
export function varintSize(v: number): number {
  let z = ((v << 1) ^ (v >> 31)) >>> 0;
  let n = 1;
  while (z >= 0x80) {
    z >>>= 7;
    n++;
  }
  return n;
}
