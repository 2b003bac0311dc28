// Winnowing (Schleimer, Wilkerson, Aiken 2003, the method behind MOSS): hash every run of K tokens,
// then keep the smallest hash of every window of W consecutive hashes. Any match of at least K + W - 1
// tokens shares at least one kept hash, whatever surrounds it, so a function moved elsewhere in the file
// still matches; small coincidences shorter than K tokens never do.
import type { Token } from './tokens';

/** Tokens per hashed run, and hashes per winnowing window. */
export const K = 12;
export const W = 8;

/** A small integer per distinct token kind, shared by every source of one comparison. */
export class TokenCodes {
  private readonly codes = new Map<string, number>();
  code(kind: string): number {
    let c = this.codes.get(kind);
    if (c === undefined) {
      c = this.codes.size + 1;
      this.codes.set(kind, c);
    }
    return c;
  }
  encode(tokens: Token[]): Int32Array {
    const out = new Int32Array(tokens.length);
    tokens.forEach((t, i) => (out[i] = this.code(t.kind)));
    return out;
  }
}

/** The hash of every K-token run (index i: the run starting at token i). */
export function kgramHashes(codes: Int32Array, k = K): Uint32Array {
  const count = Math.max(0, codes.length - k + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    // FNV-1a over the run's codes: cheap, and plenty for runs of a dozen small integers.
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) {
      h ^= codes[i + j]!;
      h = Math.imul(h, 0x01000193);
    }
    out[i] = h >>> 0;
  }
  return out;
}

/** The winnowed fingerprints: the set of kept hashes (their positions are not needed to score). */
export function winnow(hashes: Uint32Array, w = W): Set<number> {
  const kept = new Set<number>();
  if (hashes.length === 0) return kept;
  if (hashes.length <= w) {
    let min = hashes[0]!;
    for (const h of hashes) if (h < min) min = h;
    kept.add(min);
    return kept;
  }
  for (let start = 0; start + w <= hashes.length; start++) {
    // The rightmost minimum of the window, as in the paper (robust to runs of equal hashes).
    let min = hashes[start]!;
    for (let j = start + 1; j < start + w; j++) if (hashes[j]! <= min) min = hashes[j]!;
    kept.add(min);
  }
  return kept;
}
