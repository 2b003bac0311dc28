// Where two token streams match: greedy string tiling (as in JPlag), longest matches first, each token
// used at most once on each side. Only run for pairs the report shows, to put the matching regions side
// by side. Tokens marked as blank (the starter's code) never match.

export interface Tile {
  /** Start token on each side and the length in tokens. */
  a: number;
  b: number;
  length: number;
}

/** Tokens whose code is BLANK never match anything (used for the starter's own code). */
export const BLANK = 0;

/** At most this many places of a run are tried on the other side (repetitive code stays fast). */
const MAX_PLACES = 32;

export function greedyTiles(a: Int32Array, b: Int32Array, minLength: number): Tile[] {
  if (a.length < minLength || b.length < minLength) return [];
  // Index every run of minLength tokens of b by a string key of its codes.
  const key = (arr: Int32Array, i: number) => arr.subarray(i, i + minLength).join(',');
  const places = new Map<string, number[]>();
  for (let j = 0; j + minLength <= b.length; j++) {
    if (hasBlank(b, j, minLength)) continue;
    const k = key(b, j);
    const list = places.get(k);
    if (!list) places.set(k, [j]);
    else if (list.length < MAX_PLACES) list.push(j);
  }
  // Every maximal match that starts a run found in b.
  const candidates: Tile[] = [];
  for (let i = 0; i + minLength <= a.length; i++) {
    if (hasBlank(a, i, minLength)) continue;
    for (const j of places.get(key(a, i)) ?? []) {
      if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && a[i - 1] !== BLANK) continue; // not maximal: starts earlier
      let length = minLength;
      while (i + length < a.length && j + length < b.length && a[i + length] === b[j + length] && a[i + length] !== BLANK) length++;
      candidates.push({ a: i, b: j, length });
    }
  }
  candidates.sort((x, y) => y.length - x.length || x.a - y.a || x.b - y.b);
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const tiles: Tile[] = [];
  for (const t of candidates) {
    if (anyUsed(usedA, t.a, t.length) || anyUsed(usedB, t.b, t.length)) continue;
    usedA.fill(1, t.a, t.a + t.length);
    usedB.fill(1, t.b, t.b + t.length);
    tiles.push(t);
  }
  return tiles.sort((x, y) => x.a - y.a);
}

function hasBlank(arr: Int32Array, i: number, n: number): boolean {
  for (let j = i; j < i + n; j++) if (arr[j] === BLANK) return true;
  return false;
}

function anyUsed(used: Uint8Array, i: number, n: number): boolean {
  for (let j = i; j < i + n; j++) if (used[j]) return true;
  return false;
}
