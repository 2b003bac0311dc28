// The rule for a lesson section counting as read: on screen long enough for its length. Tested as a
// student reads: scrolling at a normal pace reads every section, flicking past reads none, sections
// on screen together are read together, and a hidden or sleeping window does not count.
import { describe, expect, it } from 'vitest';
import { advanceReading, countWords, isOnScreen, READING_RULE, timeToRead, type SectionBox } from '../../../renderer/src/features/lesson/readingRule';

const view = { top: 0, bottom: 700 };

/** Sections stacked down a page: heights in px, words each. */
function page(sections: Array<[number, number]>): SectionBox[] {
  let y = 0;
  return sections.map(([height, words], i) => {
    const box = { id: `s${i}`, top: y, bottom: y + height, words };
    y += height;
    return box;
  });
}
const shift = (boxes: SectionBox[], scrolled: number) => boxes.map((b) => ({ ...b, top: b.top - scrolled, bottom: b.bottom - scrolled }));

/**
 * Stays `linger` ms on the first screen, scrolls the page `pxPerStep` every `msPerStep` until its end
 * is in view, then stays `linger` ms on the last screen.
 */
function read(boxes: SectionBox[], pxPerStep: number, msPerStep: number, linger = 0): Set<string> {
  const readIds = new Set<string>();
  let dwell = new Map<string, number>();
  const end = boxes[boxes.length - 1].bottom - (view.bottom - view.top);
  const tick = READING_RULE.tickMs;
  const stay = (scrolled: number, ms: number) => {
    for (let t = 0; t < ms; t += tick) {
      const step = advanceReading(dwell, shift(boxes, scrolled), view, tick, readIds);
      dwell = step.dwell;
      step.read.forEach((id) => readIds.add(id));
    }
  };
  stay(0, linger);
  let scrolled = 0;
  for (; scrolled < end; scrolled += pxPerStep) stay(scrolled, msPerStep);
  stay(Math.max(0, end), linger);
  return readIds;
}

describe('reading rule', () => {
  it('asks for time in proportion to the words, within a floor and a ceiling', () => {
    expect(timeToRead(0)).toBe(READING_RULE.minMs);
    expect(timeToRead(100)).toBe(100 * READING_RULE.msPerWord);
    expect(timeToRead(100_000)).toBe(READING_RULE.maxMs);
    expect(timeToRead(200)).toBeGreaterThan(timeToRead(100));
  });

  it('counts words in Russian and English, code included', () => {
    expect(countWords('Событие — это факт, который уже произошёл.')).toBe(6);
    expect(countWords("An event is a fact that's happened: order-42 paid.")).toBe(9);
    expect(countWords('  \n ')).toBe(0);
  });

  it('sees a section on screen when it is fully visible, or fills a good part of the view when taller', () => {
    expect(isOnScreen({ id: 'a', top: 600, bottom: 690, words: 10 }, view)).toBe(true);
    expect(isOnScreen({ id: 'a', top: 650, bottom: 740, words: 10 }, view)).toBe(false); // its end is below
    expect(isOnScreen({ id: 'a', top: -2000, bottom: 300, words: 900 }, view)).toBe(true); // 300 px of 700
    expect(isOnScreen({ id: 'a', top: -2000, bottom: 100, words: 900 }, view)).toBe(false); // its tail only
    expect(isOnScreen({ id: 'a', top: 800, bottom: 900, words: 10 }, view)).toBe(false);
  });

  // A lesson-like page: short and long sections at about 0.17 words per pixel.
  const lessonPage = page([[300, 50], [1200, 200], [200, 30], [2400, 420], [150, 20], [900, 150], [250, 40]]);
  const wordsPerPx = 910 / 5400;

  /** Time to read `px` of the page at `wpm` words a minute. */
  const pace = (px: number, wpm: number) => (px * wordsPerPx * 60_000) / wpm;

  it('reads every section at a normal pace (230 words a minute: the first screen, then a few lines at a time)', () => {
    expect(read(lessonPage, 120, pace(120, 230), pace(700, 230)).size).toBe(lessonPage.length);
  });

  it('reads a slow, careful reader’s sections as well, and a quick skim at 500 words a minute gets most of them', () => {
    expect(read(lessonPage, 60, pace(60, 150), pace(700, 150)).size).toBe(lessonPage.length);
    const skim = read(lessonPage, 120, pace(120, 500), pace(700, 500));
    expect(skim.size).toBeGreaterThanOrEqual(lessonPage.length - 2);
  });

  it('reads nothing when the page is flicked through to the end, except what is on screen there', () => {
    const flicked = read(lessonPage, 700, 300, 0);
    expect(flicked.size).toBe(0);
  });

  it('reads several short sections on screen together at once', () => {
    const shorts = page([[150, 20], [150, 25], [150, 15], [150, 30]]);
    let dwell = new Map<string, number>();
    const readIds = new Set<string>();
    for (let t = 0; t < timeToRead(30); t += READING_RULE.tickMs) {
      const step = advanceReading(dwell, shorts, view, READING_RULE.tickMs, readIds);
      dwell = step.dwell;
      step.read.forEach((id) => readIds.add(id));
    }
    expect([...readIds].sort()).toEqual(['s0', 's1', 's2', 's3']);
  });

  it('counts a long gap between ticks (a sleeping laptop) as one short tick only', () => {
    const one = page([[300, 100]]);
    const step = advanceReading(new Map(), one, view, 60 * 60_000, new Set());
    expect(step.read).toEqual([]);
    expect(step.dwell.get('s0')).toBe(READING_RULE.maxTickMs);
  });

  it('never marks a section read twice', () => {
    const one = page([[300, 0]]);
    const step = advanceReading(new Map([['s0', 10_000]]), one, view, 500, new Set(['s0']));
    expect(step.read).toEqual([]);
  });
});
