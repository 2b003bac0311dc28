// What the page's main thread (and its workers) spent a window of time on, from a Chromium trace
// (Playwright's browser.startTracing): self time of each trace event, grouped the way DevTools'
// Performance panel groups them. Pure: takes the trace's JSON, returns ms per group.

export const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** thread time: CPU the thread really got during the event (a busy machine stretches dur, not this) */
  tdur?: number;
  args?: { name?: string };
}

export type Group = 'JS parse/compile' | 'JS run' | 'style and layout' | 'paint' | 'garbage collection' | 'HTML parse' | 'other';
const GROUPS: Array<[Group, RegExp]> = [
  ['JS parse/compile', /compile|parse(?!HTML)|V8\.Deserialize|CacheScript/i],
  ['garbage collection', /GC|Scavenge|Sweep|Mark(Compact|Sweep)/],
  ['style and layout', /^(UpdateLayoutTree|RecalculateStyles|Layout|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation|LayoutShift|IntersectionObserverController::computeIntersections)$/],
  ['paint', /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|RasterTask|PaintImage|Decode)/],
  ['HTML parse', /^ParseHTML$/],
  ['JS run', /^(EvaluateScript|v8\.evaluateModule|v8\.run|FunctionCall|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|FireIdleCallback|XHRReadyStateChange|v8\.callFunction|V8\.Execute|RunTask|ResourceReceivedData|MessagePort|HandlePostMessage)/],
];
function groupOf(name: string): Group {
  for (const [g, re] of GROUPS) if (re.test(name)) return g;
  return 'other';
}

export interface ThreadSplit {
  windowMs: number;
  /** self time per group on the page's main thread */
  main: Record<Group, number>;
  /** main thread busy in total, and waiting (network, the engine, workers, other processes) */
  mainBusy: number;
  mainIdle: number;
  /** CPU time the main thread got in the window (thread time), load-independent unlike the rest */
  mainCpu: number;
  /** busy time of the page's dedicated workers (Monaco's editor and TypeScript workers) */
  workers: number;
  workersCpu: number;
  /** the biggest trace events counted as "other", by self time (ms) */
  otherTop: Array<[string, number]>;
  /** main-thread tasks of 50 ms or more (wall time, as the Long Tasks API counts them): how many, their
   *  total and the CPU they got */
  longTasks: { count: number; ms: number; cpuMs: number };
}

/** A task this long blocks input visibly (the Long Tasks API's threshold). */
const LONG_TASK_US = 50_000;

function threadNames(events: TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  return names;
}

/** Self time of nested complete events on one thread, within [from, to] (µs). */
function selfTimes(events: TraceEvent[], from: number, to: number): { byName: Map<string, number>; busy: number; cpu: number; long: { count: number; us: number; cpuUs: number } } {
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts <= to).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const byName = new Map<string, number>();
  const stack: Array<{ end: number; name: string; child: number; dur: number }> = [];
  let busy = 0;
  let cpu = 0;
  const long = { count: 0, us: 0, cpuUs: 0 };
  const pop = () => {
    const top = stack.pop()!;
    byName.set(top.name, (byName.get(top.name) ?? 0) + Math.max(0, top.dur - top.child));
  };
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) pop();
    const end = e.ts + e.dur!;
    if (stack.length) stack[stack.length - 1]!.child += e.dur!;
    else {
      busy += e.dur!;
      cpu += e.tdur ?? e.dur!;
      if (e.dur! >= LONG_TASK_US) {
        long.count++;
        long.us += e.dur!;
        long.cpuUs += e.tdur ?? e.dur!;
      }
    }
    stack.push({ end, name: e.name, child: 0, dur: e.dur! });
  }
  while (stack.length) pop();
  return { byName, busy, cpu, long };
}

/**
 * Splits the window [fromUs, toUs] (trace clock, µs) of the busiest renderer main thread. The
 * busiest one is the page under test: the bench has one page open while it traces.
 */
export function splitTrace(traceJson: string, fromUs: number, toUs: number): ThreadSplit {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const names = threadNames(events);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  let mainKey = '';
  let mainBusy = -1;
  let mainCpu = 0;
  let long = { count: 0, us: 0, cpuUs: 0 };
  for (const [key, list] of byThread) {
    if (names.get(key) !== 'CrRendererMain') continue;
    const t = selfTimes(list, fromUs, toUs);
    if (t.busy > mainBusy) [mainKey, mainBusy, mainCpu, long] = [key, t.busy, t.cpu, t.long];
  }
  const main: Record<Group, number> = { 'JS parse/compile': 0, 'JS run': 0, 'style and layout': 0, paint: 0, 'garbage collection': 0, 'HTML parse': 0, other: 0 };
  const pid = mainKey.split(':')[0];
  const other: Array<[string, number]> = [];
  if (mainKey) {
    for (const [name, us] of selfTimes(byThread.get(mainKey)!, fromUs, toUs).byName) {
      main[groupOf(name)] += us / 1000;
      if (groupOf(name) === 'other') other.push([name, us / 1000]);
    }
  }
  let workers = 0;
  let workersCpu = 0;
  for (const [key, list] of byThread) {
    if (key.split(':')[0] !== pid || !/Worker/i.test(names.get(key) ?? '')) continue;
    const w = selfTimes(list, fromUs, toUs);
    workers += w.busy / 1000;
    workersCpu += w.cpu / 1000;
  }
  const windowMs = (toUs - fromUs) / 1000;
  const otherTop = other.sort((a, b) => b[1] - a[1]).slice(0, 4);
  return { windowMs, main, mainBusy: Math.max(0, mainBusy) / 1000, mainIdle: windowMs - Math.max(0, mainBusy) / 1000, mainCpu: mainCpu / 1000, workers, workersCpu, otherTop, longTasks: { count: long.count, ms: long.us / 1000, cpuMs: long.cpuUs / 1000 } };
}
