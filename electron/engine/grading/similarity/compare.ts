// The class's similarity: every submission of an exercise against every other one of the same exercise,
// and against reference code (the exercise's solution, the engine's own implementations), by shared
// winnowed fingerprints of normalised token streams. The starter's code is blanked on every side, so
// code every student was given never counts. A score is the share of one side's own fingerprints that
// the other side also has; a pair scores the larger of its two shares (one student copying a part of a
// larger program is caught). Pure: sources in, scores and matching regions out.
import { K, W, TokenCodes, kgramHashes, winnow } from './fingerprint';
import { BLANK, greedyTiles } from './tiles';
import { tokenize } from './tokens';

export interface SimilaritySubmission {
  /** The entry's source (unique in the gradebook). */
  key: string;
  studentId: string;
  files: Record<string, string>;
}

export interface SimilarityReference {
  key: string;
  /** What the instructor reads, e.g. "solution" or "engine: domain/orders". */
  label: string;
  files: Record<string, string>;
}

export interface SimilarityInput {
  exerciseId: string;
  starter: Record<string, string>;
  submissions: SimilaritySubmission[];
  references: SimilarityReference[];
}

export interface Region {
  a_file: string;
  a_from: number;
  a_to: number;
  b_file: string;
  b_from: number;
  b_to: number;
  tokens: number;
  a_text: string;
  b_text: string;
}

export interface SimilarPair {
  exercise_id: string;
  a: { key: string; student_id: string };
  b: { key: string; student_id: string | null; label: string; reference: boolean };
  score: number;
  /** Share of a's fingerprints found in b, and of b's found in a (null for a reference). */
  a_in_b: number;
  b_in_a: number | null;
  regions: Region[];
}

export interface Highest {
  score: number;
  with: string;
  reference: boolean;
}

export interface SimilarityResult {
  pairs: SimilarPair[];
  /** Entry key → its highest similarity (null when it has too little code of its own to compare). */
  highest: Map<string, Highest | null>;
  /** How many pairs reached the threshold (pairs holds at most `maxPairs` of them). */
  pairsOverThreshold: number;
}

export interface SimilarityOptions {
  threshold: number;
  /** Pairs kept in the result (highest first), and how many of them get matching regions. */
  maxPairs?: number;
  detailed?: number;
}

export const DEFAULT_THRESHOLD = 0.6;
/** A side with fewer fingerprints of its own than this is not scored: a few lines match by chance. */
export const MIN_FINGERPRINTS = 8;
const MAX_REGIONS = 12;
const MAX_REGION_LINES = 60;

interface Prepared {
  key: string;
  files: string[];
  texts: string[][];
  /** Token codes with the starter's code and file boundaries blanked (for tiling). */
  codes: Int32Array;
  fileOf: Uint16Array;
  lineOf: Int32Array;
  prints: Set<number>;
}

export function compareSimilarity(input: SimilarityInput, options: SimilarityOptions): SimilarityResult {
  const threshold = options.threshold;
  const codes = new TokenCodes();
  const starterHashes = new Set<number>();
  for (const text of Object.values(input.starter)) for (const h of kgramHashes(codes.encode(tokenize(text)))) starterHashes.add(h);
  const prepare = (key: string, files: Record<string, string>) => prepareSource(key, files, codes, starterHashes);
  const subs = input.submissions.map((s) => ({ s, p: prepare(s.key, s.files) }));
  const refs = input.references.map((r) => ({ r, p: prepare(r.key, r.files) }));

  // Shared fingerprints per pair, through an inverted index (never all pairs of sets).
  const owners = new Map<number, number[]>();
  subs.forEach(({ p }, i) => {
    if (p.prints.size < MIN_FINGERPRINTS) return;
    for (const h of p.prints) {
      const list = owners.get(h);
      if (list) list.push(i);
      else owners.set(h, [i]);
    }
  });
  const n = subs.length;
  const shared = new Map<number, number>();
  for (const list of owners.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const pairKey = list[x]! * n + list[y]!;
      shared.set(pairKey, (shared.get(pairKey) ?? 0) + 1);
    }
  }

  const highest = new Map<string, Highest | null>();
  const raise = (key: string, h: Highest) => {
    const cur = highest.get(key);
    if (!cur || h.score > cur.score) highest.set(key, h);
  };
  for (const { s, p } of subs) highest.set(s.key, p.prints.size < MIN_FINGERPRINTS ? null : { score: 0, with: '', reference: false });

  const found: Array<{ i: number; j: number | null; ref: number | null; score: number; aInB: number; bInA: number | null }> = [];
  for (const [pairKey, count] of shared) {
    const i = Math.floor(pairKey / n);
    const j = pairKey % n;
    const aInB = count / subs[i]!.p.prints.size;
    const bInA = count / subs[j]!.p.prints.size;
    const score = Math.max(aInB, bInA);
    raise(subs[i]!.s.key, { score, with: subs[j]!.s.key, reference: false });
    raise(subs[j]!.s.key, { score, with: subs[i]!.s.key, reference: false });
    if (score >= threshold) found.push({ i, j, ref: null, score, aInB, bInA });
  }
  // Against reference code: the share of the student's own code that the reference also has.
  subs.forEach(({ s, p }, i) => {
    if (p.prints.size < MIN_FINGERPRINTS) return;
    refs.forEach(({ r, p: rp }, ref) => {
      let count = 0;
      for (const h of p.prints) if (rp.prints.has(h)) count++;
      const score = count / p.prints.size;
      if (count === 0) return;
      raise(s.key, { score, with: r.label, reference: true });
      if (score >= threshold) found.push({ i, j: null, ref, score, aInB: score, bInA: null });
    });
  });

  found.sort((x, y) => y.score - x.score || subs[x.i]!.s.key.localeCompare(subs[y.i]!.s.key) || (x.j ?? -1) - (y.j ?? -1) || (x.ref ?? -1) - (y.ref ?? -1));
  const kept = found.slice(0, options.maxPairs ?? 500);
  const detailed = options.detailed ?? 40;
  const pairs: SimilarPair[] = kept.map((f, index) => {
    const a = subs[f.i]!;
    const other = f.j !== null ? subs[f.j]!.p : refs[f.ref!]!.p;
    const b =
      f.j !== null
        ? { key: subs[f.j]!.s.key, student_id: subs[f.j]!.s.studentId, label: subs[f.j]!.s.studentId || subs[f.j]!.s.key, reference: false }
        : { key: refs[f.ref!]!.r.key, student_id: null, label: refs[f.ref!]!.r.label, reference: true };
    return {
      exercise_id: input.exerciseId,
      a: { key: a.s.key, student_id: a.s.studentId },
      b,
      score: round(f.score),
      a_in_b: round(f.aInB),
      b_in_a: f.bInA === null ? null : round(f.bInA),
      regions: index < detailed ? regionsOf(a.p, other) : [],
    };
  });
  return { pairs, highest, pairsOverThreshold: found.length };
}

function prepareSource(key: string, files: Record<string, string>, codes: TokenCodes, starterHashes: Set<number>): Prepared {
  const names = Object.keys(files).sort();
  const all: number[] = [];
  const fileOf: number[] = [];
  const lineOf: number[] = [];
  const prints = new Set<number>();
  const blanks: number[] = [];
  names.forEach((name, f) => {
    const tokens = tokenize(files[name]!);
    const encoded = codes.encode(tokens);
    const hashes = kgramHashes(encoded);
    const offset = all.length;
    for (const h of winnow(hashes, W)) if (!starterHashes.has(h)) prints.add(h);
    hashes.forEach((h, i) => {
      if (starterHashes.has(h)) for (let j = 0; j < K; j++) blanks.push(offset + i + j);
    });
    tokens.forEach((t, i) => {
      all.push(encoded[i]!);
      fileOf.push(f);
      lineOf.push(t.line);
    });
    // A blank between files: no match runs from one file into the next.
    all.push(BLANK);
    fileOf.push(f);
    lineOf.push(tokens.at(-1)?.line ?? 1);
  });
  const codesArr = Int32Array.from(all);
  for (const i of blanks) codesArr[i] = BLANK;
  return {
    key,
    files: names,
    texts: names.map((nm) => files[nm]!.split('\n')),
    codes: codesArr,
    fileOf: Uint16Array.from(fileOf),
    lineOf: Int32Array.from(lineOf),
    prints,
  };
}

function regionsOf(a: Prepared, b: Prepared): Region[] {
  return greedyTiles(a.codes, b.codes, K)
    .sort((x, y) => y.length - x.length)
    .slice(0, MAX_REGIONS)
    .sort((x, y) => x.a - y.a)
    .map((t) => {
      const af = a.fileOf[t.a]!;
      const bf = b.fileOf[t.b]!;
      const aFrom = a.lineOf[t.a]!;
      const aTo = a.lineOf[t.a + t.length - 1]!;
      const bFrom = b.lineOf[t.b]!;
      const bTo = b.lineOf[t.b + t.length - 1]!;
      return {
        a_file: a.files[af]!,
        a_from: aFrom,
        a_to: aTo,
        b_file: b.files[bf]!,
        b_from: bFrom,
        b_to: bTo,
        tokens: t.length,
        a_text: linesOf(a.texts[af]!, aFrom, aTo),
        b_text: linesOf(b.texts[bf]!, bFrom, bTo),
      };
    });
}

function linesOf(lines: string[], from: number, to: number): string {
  const last = Math.min(to, from + MAX_REGION_LINES - 1);
  const text = lines.slice(from - 1, last).join('\n');
  return last < to ? `${text}\n…` : text;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
