// Seeded option order: every attempt gets a seed, every question its own order derived from the seed and
// the question id, so an attempt's layout is reproducible (stored with the attempt) and retakes differ.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A permutation of 0..n-1 (Fisher–Yates) fixed by the attempt's seed and the question id. */
export function optionOrder(n: number, seed: number, questionId: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = mulberry32((seed ^ hashString(questionId)) >>> 0);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}
