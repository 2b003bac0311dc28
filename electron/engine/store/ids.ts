// Event id generation without Node imports: the sandbox may lack `crypto`, so fall back to Math.random.
const hex = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

type RandomSource = { getRandomValues?: (a: Uint8Array) => Uint8Array; randomUUID?: () => string };
const webCrypto = (): RandomSource | undefined => (globalThis as { crypto?: RandomSource }).crypto;

/** A random (version 4) UUID. */
export function newEventId(): string {
  const c = webCrypto();
  if (c?.randomUUID) return c.randomUUID();
  const b = Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => hex[x]);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

// Random bytes are drawn 4 KiB at a time: one getRandomValues call per 512 ids.
const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let poolAt = POOL_BYTES;

function randomBytes(n: number): number {
  if (poolAt + n > POOL_BYTES) {
    const c = webCrypto();
    if (c?.getRandomValues) c.getRandomValues(pool);
    else for (let i = 0; i < POOL_BYTES; i++) pool[i] = Math.floor(Math.random() * 256);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += n;
  return at;
}

let lastMs = -1;
/** 12-bit counter in rand_a (RFC 9562 §6.2, method 1): ids of one millisecond still sort in creation order. */
let counter = 0;

/**
 * A time-ordered (version 7, RFC 9562) UUID: 48 bits of Unix milliseconds, a 12-bit counter, 62
 * random bits. Ids made one after another sort after each other, so the store's unique index on
 * event_id grows at its right edge: an append of 100 events dirties one or two index pages instead
 * of up to 100 random ones (the random version 4 ids did).
 */
export function newTimeOrderedEventId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    const at = randomBytes(1);
    counter = pool[at] & 0x7f; // random start in the lower half leaves room to count up
  } else {
    // Same millisecond (or the clock went back): count on; past 4095 borrow the next millisecond.
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    ms = lastMs;
  }
  const r = randomBytes(8);
  const hi = Math.floor(ms / 0x1000000); // top 24 of the 48 timestamp bits
  const lo = ms % 0x1000000;
  return (
    hex[(hi >>> 16) & 0xff] +
    hex[(hi >>> 8) & 0xff] +
    hex[hi & 0xff] +
    hex[(lo >>> 16) & 0xff] +
    '-' +
    hex[(lo >>> 8) & 0xff] +
    hex[lo & 0xff] +
    '-' +
    hex[0x70 | (counter >>> 8)] +
    hex[counter & 0xff] +
    '-' +
    hex[0x80 | (pool[r] & 0x3f)] +
    hex[pool[r + 1]] +
    '-' +
    hex[pool[r + 2]] +
    hex[pool[r + 3]] +
    hex[pool[r + 4]] +
    hex[pool[r + 5]] +
    hex[pool[r + 6]] +
    hex[pool[r + 7]]
  );
}
