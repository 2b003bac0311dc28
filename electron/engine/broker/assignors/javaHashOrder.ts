// Kafka's sticky assignor walks some java.util.HashMaps, so for a faithful result we need their
// iteration order: buckets in index order, index = spread(String.hashCode) & (capacity - 1).

/** java.lang.String.hashCode over UTF-16 code units, in int32 arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Table size of a default `new HashMap<>()` after `n` puts (16, doubling past load factor 0.75). */
function capacityFor(n: number): number {
  let cap = 16;
  while (n > cap * 0.75) cap *= 2;
  return cap;
}

/**
 * Keys in the order a HashMap<String, ?> holding exactly these keys iterates them. Keys sharing a
 * bucket keep the order given (insertion order); callers pass keys in Kafka's insertion order
 * when known, otherwise sorted. (Buckets that Java would turn into trees, 8+ collisions, are ignored.)
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const cap = capacityFor(keys.length);
  const indexed = keys.map((k, i) => {
    const h = javaStringHash(k);
    return { k, i, bucket: (h ^ (h >>> 16)) & (cap - 1) };
  });
  indexed.sort((a, b) => a.bucket - b.bucket || a.i - b.i);
  return indexed.map((e) => e.k);
}
