// When a lesson section counts as read, as a pure rule: a section is read once it has been on screen
// long enough for its length, about as long as a quick read of its words takes. "On screen" means
// fully visible, or, for a section taller than that, filling a good part of the view. Several short
// sections on screen together are read together; time while the window is hidden does not count.
// The course map states this rule with these same numbers.

export const READING_RULE = {
  /** Time on screen needed per word: 120 ms is 500 words a minute, about twice a careful reading pace. */
  msPerWord: 120,
  /** Even a heading with one line under it needs a moment. */
  minMs: 2_000,
  /** A very long section counts after this long on screen (the student is scrolling through it). */
  maxMs: 45_000,
  /** A section taller than the view is "on screen" while it fills at least this share of the view. */
  viewShare: 0.3,
  /** How often the tracker looks; a longer gap (a sleeping laptop, a throttled tab) counts as this much. */
  tickMs: 500,
  maxTickMs: 1_000,
} as const;

/** How long a section of this many words must be on screen to count as read. */
export function timeToRead(words: number): number {
  const { msPerWord, minMs, maxMs } = READING_RULE;
  return Math.min(maxMs, Math.max(minMs, Math.round(words * msPerWord)));
}

/** A section's place relative to the view (any common origin, e.g. client pixels) and its length. */
export interface SectionBox {
  id: string;
  top: number;
  bottom: number;
  words: number;
}

export interface View {
  top: number;
  bottom: number;
}

/** Whether enough of the section is visible for it to be read. */
export function isOnScreen(box: SectionBox, view: View): boolean {
  const height = Math.max(0, box.bottom - box.top);
  const visible = Math.max(0, Math.min(box.bottom, view.bottom) - Math.max(box.top, view.top));
  if (height === 0 || visible === 0) return false;
  const needed = Math.min(height, (view.bottom - view.top) * READING_RULE.viewShare);
  return visible >= needed - 0.5; // half a pixel of rounding
}

/**
 * One tick of the tracker: adds the elapsed time to every section on screen and returns the new
 * dwell times and the sections that just became read. Already-read sections are left alone.
 */
export function advanceReading(
  dwell: ReadonlyMap<string, number>,
  boxes: readonly SectionBox[],
  view: View,
  elapsedMs: number,
  alreadyRead: ReadonlySet<string>,
): { dwell: Map<string, number>; read: string[] } {
  const next = new Map(dwell);
  const read: string[] = [];
  const step = Math.max(0, Math.min(elapsedMs, READING_RULE.maxTickMs));
  for (const box of boxes) {
    if (alreadyRead.has(box.id) || !isOnScreen(box, view)) continue;
    const total = (next.get(box.id) ?? 0) + step;
    next.set(box.id, total);
    if (total >= timeToRead(box.words)) read.push(box.id);
  }
  return { dwell: next, read };
}

/** Words in a piece of text (letters or digits in a run), any script. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
}
