// Just enough of source maps (v3) to turn a position in the bundle back into a file and line:
// where a test is declared and where a student's error was thrown.

export interface OriginalPosition {
  source: string;
  /** 1-based */
  line: number;
  /** 0-based */
  column: number;
}

type Segment = [genCol: number, src: number, line: number, col: number];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

function decodeVlq(s: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of s) {
    const d = DIGIT.get(ch);
    if (d === undefined) break;
    value += (d & 31) << shift;
    if (d & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Anything that maps a bundle position back to a source position. */
export interface PositionLookup {
  /** line is 1-based, column 1-based (as in V8 stack traces). */
  lookup(line: number, column: number): OriginalPosition | null;
}

export class SourceMap implements PositionLookup {
  private readonly lines: Segment[][] = [];
  readonly sources: string[];

  constructor(json: string) {
    const map = JSON.parse(json) as { sources: string[]; mappings: string };
    this.sources = map.sources;
    let src = 0;
    let line = 0;
    let col = 0;
    for (const lineText of map.mappings.split(';')) {
      const segs: Segment[] = [];
      let genCol = 0;
      if (lineText) {
        for (const segText of lineText.split(',')) {
          const v = decodeVlq(segText);
          if (v.length === 0) continue;
          genCol += v[0]!;
          if (v.length >= 4) {
            src += v[1]!;
            line += v[2]!;
            col += v[3]!;
            segs.push([genCol, src, line, col]);
          }
        }
      }
      this.lines.push(segs);
    }
  }

  /** line is 1-based, column 1-based (as in V8 stack traces). */
  lookup(line: number, column: number): OriginalPosition | null {
    const segs = this.lines[line - 1];
    if (!segs || segs.length === 0) return null;
    const col0 = column - 1;
    let best: Segment | null = null;
    for (const s of segs) {
      if (s[0] <= col0) best = s;
      else break;
    }
    best ??= segs[0]!;
    const source = this.sources[best[1]];
    if (source === undefined) return null;
    return { source, line: best[2] + 1, column: best[3] };
  }
}

/**
 * Scripts laid out one after another in one line space (a test bundle, then the student's modules,
 * each compiled with a `lineOffset`): a position is looked up in the map of the script whose lines
 * hold it. Each map is parsed once, so a run pays only for its own small scripts' maps.
 */
export class LayeredSourceMap implements PositionLookup {
  /** Layers by their first line (1-based), ascending; `shift` lines are subtracted before the lookup. */
  constructor(private readonly layers: ReadonlyArray<{ fromLine: number; shift: number; map: PositionLookup }>) {}

  lookup(line: number, column: number): OriginalPosition | null {
    let layer: (typeof this.layers)[number] | undefined;
    for (const l of this.layers) if (l.fromLine <= line) layer = l;
    return layer ? layer.map.lookup(line - layer.shift, column) : null;
  }
}
