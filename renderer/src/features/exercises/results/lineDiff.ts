// A small side-by-side line diff (longest common subsequence) for expected vs actual values:
// enough for a few events pretty-printed as JSON, which is what given/when/then tests compare.

export type DiffKind = 'same' | 'removed' | 'added' | 'changed' | 'empty';
export interface DiffRow {
  left: { text: string; kind: DiffKind } | null;
  right: { text: string; kind: DiffKind } | null;
}

/** Pretty JSON with stable, readable formatting; strings stay strings, undefined says so. */
export function pretty(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

/** Rows pairing expected (left) with actual (right); a removed+added pair in one place becomes 'changed'. */
export function sideBySide(expected: string, actual: string): DiffRow[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  // Inputs are small (a few events); a quadratic table is fine and keeps this simple. Beyond the cap,
  // compare line by line.
  if (a.length * b.length > 250_000) return pairwise(a, b);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const l = removed[k];
      const r = added[k];
      const both = l !== undefined && r !== undefined;
      rows.push({
        left: l === undefined ? null : { text: l, kind: both ? 'changed' : 'removed' },
        right: r === undefined ? null : { text: r, kind: both ? 'changed' : 'added' },
      });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      rows.push({ left: { text: a[i], kind: 'same' }, right: { text: b[j], kind: 'same' } });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(b[j++]);
    } else {
      removed.push(a[i++]);
    }
  }
  flush();
  return rows;
}

function pairwise(a: string[], b: string[]): DiffRow[] {
  const n = Math.max(a.length, b.length);
  const rows: DiffRow[] = [];
  for (let k = 0; k < n; k++) {
    const l = a[k];
    const r = b[k];
    const same = l === r;
    rows.push({
      left: l === undefined ? null : { text: l, kind: same ? 'same' : r === undefined ? 'removed' : 'changed' },
      right: r === undefined ? null : { text: r, kind: same ? 'same' : l === undefined ? 'added' : 'changed' },
    });
  }
  return rows;
}
