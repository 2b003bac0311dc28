// Kafka's murmur2 (Utils.murmur2 in the Java client, seed 0x9747b28c) and the default partitioner's
// key → partition rule. Pure code: no Buffer/TextEncoder, so it also runs inside the exercise sandbox.

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

// Reused scratch buffer for UTF-8 encoding; grows when a longer key shows up.
let scratch = new Uint8Array(256);

/**
 * UTF-8 bytes of a JS string, written into the scratch buffer; returns the byte length.
 * Lone surrogates become U+FFFD (EF BF BD), exactly what Node's Buffer.from(string) and therefore
 * kafkajs produce. (Java's String.getBytes(UTF_8) writes '?' for them instead; no sane key has them.)
 */
function encodeUtf8(s: string): number {
  const max = s.length * 3;
  if (scratch.length < max) scratch = new Uint8Array(Math.max(max, scratch.length * 2));
  const out = scratch;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 0x3f);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
      } else {
        out[n++] = 0xef;
        out[n++] = 0xbf;
        out[n++] = 0xbd;
      }
    } else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return n;
}

/** murmur2 over `length` bytes of `data`, as a signed 32-bit int (what Java's Utils.murmur2 returns). */
export function murmur2Bytes(data: Uint8Array, length: number = data.length): number {
  let h = (SEED ^ length) | 0;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i << 2;
    let k = data[i4] | (data[i4 + 1] << 8) | (data[i4 + 2] << 16) | (data[i4 + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = length & ~3;
  const rest = length & 3;
  if (rest === 3) h ^= data[tail + 2] << 16;
  if (rest >= 2) h ^= data[tail + 1] << 8;
  if (rest >= 1) {
    h ^= data[tail];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Set by murmur2Chars: whether the string it last hashed was ASCII. */
let ascii = true;

/**
 * murmur2 of a string read from the string itself, valid when every char code is < 0x80 (then its
 * UTF-8 bytes are its char codes); `ascii` tells afterwards whether that held (one pass, no encoding).
 */
function murmur2Chars(s: string): number {
  const length = s.length;
  let h = (SEED ^ length) | 0;
  let seen = 0;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i << 2;
    const c0 = s.charCodeAt(i4);
    const c1 = s.charCodeAt(i4 + 1);
    const c2 = s.charCodeAt(i4 + 2);
    const c3 = s.charCodeAt(i4 + 3);
    seen |= c0 | c1 | c2 | c3;
    let k = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = length & ~3;
  const rest = length & 3;
  if (rest === 3) {
    const c = s.charCodeAt(tail + 2);
    seen |= c;
    h ^= c << 16;
  }
  if (rest >= 2) {
    const c = s.charCodeAt(tail + 1);
    seen |= c;
    h ^= c << 8;
  }
  if (rest >= 1) {
    const c = s.charCodeAt(tail);
    seen |= c;
    h ^= c;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  ascii = seen < 0x80;
  return h | 0;
}

/** murmur2 of a key: strings are hashed as their UTF-8 bytes (ASCII ones straight from their chars). */
export function murmur2(key: string | Uint8Array): number {
  if (typeof key === 'string') {
    const h = murmur2Chars(key);
    if (ascii) return h;
    const length = encodeUtf8(key); // may replace `scratch`, so read it afterwards
    return murmur2Bytes(scratch, length);
  }
  return murmur2Bytes(key, key.length);
}

/** Kafka's toPositive: clears the sign bit (not Math.abs, which differs for negative hashes). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition of a keyed record: (murmur2(utf8(key)) & 0x7fffffff) % numPartitions. */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions must be a positive integer, got ${String(numPartitions)}`);
  }
  return toPositive(murmur2(key)) % numPartitions;
}
