// Where a UI moment's time went, from what the page itself recorded: the app's User Timing marks
// (renderer/src/app/perfMarks.ts, names `rg:*`) and the browser's Resource Timing entries (JS chunks,
// API calls). READ_TIMINGS runs in the page; the rest are pure functions over what it returns.

export interface PageMark {
  name: string;
  t: number;
}
export interface PageResource {
  url: string;
  start: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  bytes: number;
}
export interface PageTimings {
  marks: PageMark[];
  resources: PageResource[];
}

/**
 * In-page script (source text: tsx would wrap a named function in a __name() the page lacks): the
 * marks and resources since page time `since`, then clears both buffers so a long bench never fills them.
 */
export function readTimingsScript(since: number): string {
  return `(() => {
    const since = ${JSON.stringify(since)};
    const marks = performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('rg:') && m.startTime >= since)
      .map((m) => ({ name: m.name.slice(3), t: m.startTime }));
    const resources = performance.getEntriesByType('resource')
      .filter((r) => r.startTime >= since)
      .map((r) => ({ url: r.name, start: r.startTime, requestStart: r.requestStart, responseStart: r.responseStart, responseEnd: r.responseEnd, bytes: r.decodedBodySize }));
    performance.clearMarks();
    performance.clearResourceTimings();
    return { marks, resources };
  })()`;
}

/** The first mark of that name (ms after t0), if the page made it. */
function first(t: PageTimings, name: string, t0: number): number | undefined {
  const m = t.marks.find((x) => x.name === name);
  return m ? m.t - t0 : undefined;
}
function last(t: PageTimings, name: string, t0: number): number | undefined {
  const ms = t.marks.filter((x) => x.name === name);
  return ms.length ? ms[ms.length - 1]!.t - t0 : undefined;
}
const isJs = (r: PageResource) => /\.m?js(\?|$)/.test(new URL(r.url).pathname);
const isApi = (r: PageResource, method: string) => new URL(r.url).pathname === `/api/${method}`;

/** Moments of opening the editor, in ms after t0 (undefined: did not happen in this window, e.g. Monaco was already loaded). */
export interface EditorTimeline {
  'workspace page rendered': number | undefined;
  'exercise request sent': number | undefined;
  'exercise arrived (parsed)': number | undefined;
  'last JS chunk before Monaco set up': number | undefined;
  'Monaco evaluated and set up': number | undefined;
  'models created': number | undefined;
  'editor mounted (ready)': number | undefined;
  'TS worker has the files': number | undefined;
  'TS worker checked the open file': number | undefined;
}

export function editorTimeline(t: PageTimings, t0: number): EditorTimeline {
  const mounted = first(t, 'editor:mounted', t0);
  const setUp = first(t, 'monaco:ready', t0) ?? mounted;
  // The chunks the editor waited for: workers and chunks that arrived after Monaco was set up are not.
  const js = t.resources.filter((r) => isJs(r) && !/worker/i.test(r.url) && (setUp === undefined || r.responseEnd - t0 <= setUp));
  const exercise = t.resources.find((r) => isApi(r, 'exercises.get'));
  return {
    'workspace page rendered': first(t, 'workspace:open', t0),
    'exercise request sent': exercise ? exercise.requestStart - t0 : undefined,
    'exercise arrived (parsed)': first(t, 'exercise:loaded', t0),
    'last JS chunk before Monaco set up': js.length ? Math.max(...js.map((r) => r.responseEnd)) - t0 : undefined,
    'Monaco evaluated and set up': first(t, 'monaco:ready', t0),
    'models created': first(t, 'editor:models', t0),
    'editor mounted (ready)': mounted,
    'TS worker has the files': first(t, 'ts:synced', t0),
    'TS worker checked the open file': first(t, 'ts:checked', t0),
  };
}

/** Bytes and count of the JS files fetched in the window (0 when all came from memory). */
export function jsFetched(t: PageTimings): { files: number; kb: number } {
  const js = t.resources.filter(isJs);
  return { files: js.length, kb: Math.round(js.reduce((s, r) => s + r.bytes, 0) / 1024) };
}

/** One click → results, split into consecutive stages (ms); they add up to `total`. */
export interface RunBreakdown {
  'click → request sent': number;
  'server: runner (its own duration_ms)': number;
  'server: the rest (HTTP, store, JSON)': number;
  'response download': number;
  'response parse (fetch .json)': number;
  'state update': number;
  'React render and commit': number;
  'until the page shows it': number;
  total: number;
}

/** Splits a click (page times t0…end) using the run's marks, its exercises.run request and the runner's own duration. */
export function runBreakdown(t: PageTimings, t0: number, end: number, runnerMs: number): RunBreakdown | null {
  const req = t.resources.find((r) => isApi(r, 'exercises.run'));
  const response = last(t, 'run:response', t0);
  const state = last(t, 'run:state', t0);
  const rendered = last(t, 'run:rendered', t0);
  if (!req || response === undefined || state === undefined || rendered === undefined) return null;
  const sent = req.requestStart - t0;
  const server = req.responseStart - req.requestStart;
  const downloaded = req.responseEnd - t0;
  return {
    'click → request sent': sent,
    'server: runner (its own duration_ms)': Math.min(runnerMs, server),
    'server: the rest (HTTP, store, JSON)': Math.max(0, server - runnerMs),
    'response download': req.responseEnd - req.responseStart,
    'response parse (fetch .json)': response - downloaded,
    'state update': state - response,
    'React render and commit': rendered - state,
    'until the page shows it': end - t0 - rendered,
    total: end - t0,
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** The median of each key over the samples that have it, and in how many samples it occurred. */
export function medians<K extends string>(samples: Array<Record<K, number | undefined>>): Array<{ key: K; median: number; n: number }> {
  if (!samples.length) return [];
  const keys = Object.keys(samples[0]!) as K[];
  return keys.map((key) => {
    const xs = samples.map((s) => s[key]).filter((x): x is number => x !== undefined && Number.isFinite(x));
    return { key, median: median(xs), n: xs.length };
  });
}
