// The UI bench's split of a click and of an editor open, from page marks and Resource Timing entries.
import { describe, expect, it } from 'vitest';
import { editorTimeline, jsFetched, medians, runBreakdown, type PageTimings } from '../../../bench/lib/pageTimings';

const res = (url: string, start: number, requestStart: number, responseStart: number, responseEnd: number, bytes = 0) => ({ url, start, requestStart, responseStart, responseEnd, bytes });

describe('runBreakdown', () => {
  const timings: PageTimings = {
    marks: [
      { name: 'run:start', t: 1000 },
      { name: 'run:response', t: 1130 },
      { name: 'run:state', t: 1131 },
      { name: 'run:rendered', t: 1140 },
    ],
    resources: [res('http://127.0.0.1:1/api/drafts.save', 1001, 1002, 1010, 1011), res('http://127.0.0.1:1/api/exercises.run', 1001, 1004, 1120, 1122)],
  };

  it('splits the click into stages that add up to the whole, the server part around the runner’s own time', () => {
    const b = runBreakdown(timings, 1000, 1142, 90)!;
    expect(b['click → request sent']).toBe(4);
    expect(b['server: runner (its own duration_ms)']).toBe(90);
    expect(b['server: the rest (HTTP, store, JSON)']).toBe(26);
    expect(b['response download']).toBe(2);
    expect(b['response parse (fetch .json)']).toBe(8);
    expect(b['React render and commit']).toBe(9);
    const { total, ...stages } = b;
    expect(Object.values(stages).reduce((a, x) => a + x, 0)).toBeCloseTo(total, 6);
    expect(total).toBe(142);
  });

  it('has no split when the page did not mark the render (an older build)', () => {
    expect(runBreakdown({ ...timings, marks: timings.marks.filter((m) => m.name !== 'run:rendered') }, 1000, 1142, 90)).toBeNull();
  });
});

describe('editorTimeline', () => {
  it('times the moments after t0 and counts only the chunks Monaco waited for', () => {
    const t: PageTimings = {
      marks: [
        { name: 'workspace:open', t: 120 },
        { name: 'exercise:loaded', t: 180 },
        { name: 'monaco:ready', t: 700 },
        { name: 'editor:models', t: 710 },
        { name: 'editor:mounted', t: 800 },
      ],
      resources: [
        res('http://h/assets/index-1.js', 10, 11, 20, 60, 1000),
        res('http://h/assets/editor.api-2.js', 130, 131, 140, 500, 3000),
        res('http://h/assets/ts.worker-3.js', 805, 806, 810, 900, 7000),
        res('http://h/assets/tsMode-4.js', 790, 791, 795, 799, 10),
        res('http://h/api/exercises.get', 125, 126, 170, 171),
      ],
    };
    const tl = editorTimeline(t, 100);
    expect(tl['workspace page rendered']).toBe(20);
    expect(tl['exercise request sent']).toBe(26);
    expect(tl['last JS chunk before Monaco set up']).toBe(400);
    expect(tl['editor mounted (ready)']).toBe(700);
    expect(tl['TS worker checked the open file']).toBeUndefined();
    expect(jsFetched(t)).toEqual({ files: 4, kb: 11 });
  });
});

describe('medians', () => {
  it('takes each key’s median over the samples that have it', () => {
    const m = medians<'a' | 'b'>([
      { a: 1, b: undefined },
      { a: 3, b: 10 },
      { a: 2, b: 20 },
    ]);
    expect(m).toEqual([
      { key: 'a', median: 2, n: 3 },
      { key: 'b', median: 15, n: 2 },
    ]);
  });
});
