// UI benchmark: the built renderer on the real web host, driven by Debian's Chromium, as a student with
// a profile. Measures the lesson's first render; the exercise editor's readiness cold (fresh window, empty
// HTTP cache), warm (HTTP cache filled), opened from the course map after the app started (the idle-time
// warm-up done) and when coming back from another page; Run tests click → results with the reference
// solution on a quiet machine and while other processes keep every core busy (started here); and the JS
// heap after visiting the main pages. Each figure comes with where its time went, measured in the page:
// the app's User Timing marks and Resource Timing (bench/lib/pageTimings.ts), and for a cold open a
// Chromium trace of the main thread (bench/lib/mainThreadTrace.ts).
// The lesson's cold open is traced too: the main thread's CPU and long tasks until the article is complete
// (code highlighted, diagrams drawn) and in the second after, and a CPU profile split by script.
// `npm run bench -- ui [--runs N] [--clicks N] [--no-build | --static DIR] [--lesson-only]`; the last stdout
// line is one JSON object.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startCpuLoad } from './lib/cpuLoad';
import { editorTimeline, jsFetched, medians, readTimingsScript, runBreakdown, type EditorTimeline, type PageTimings, type RunBreakdown } from './lib/pageTimings';
import { splitTrace, TRACE_CATEGORIES, type ThreadSplit } from './lib/mainThreadTrace';
import { timeByScript, type CpuProfile } from './lib/profileByScript';
import { createLessonCodeHighlights, type LessonCodeHighlights } from '../electron/engine/content/lessonCodeHighlights';
import { shippedHighlightsDir } from '../electron/engine/content/shippedHighlights';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXERCISE = 'orders-lifecycle';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r1 = (n: number) => Math.round(n * 10) / 10;

async function startHost(dataDir: string, staticDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/host/main.ts'), '--port', '0', '--data', dataDir, '--static', staticDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}:\n${out}`)));
  });
  return { url, child };
}

/** A fresh data folder opens on "who is working?": the bench is a student who has created a profile. */
async function createProfile(url: string, name: string): Promise<void> {
  const res = await fetch(`${url}/api/profiles.create`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`profiles.create: ${body.error?.code} ${body.error?.message}`);
}

/** A fresh context has an empty HTTP cache: that is a cold start for the renderer's files. */
async function freshContext(browser: Browser, outside: string[]): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  ctx.on('request', (req) => {
    const u = new URL(req.url());
    if (!['data:', 'blob:', 'about:'].includes(u.protocol) && u.hostname !== '127.0.0.1') outside.push(req.url());
  });
  return ctx;
}

async function timeTo(page: Page, url: string, selector: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  return performance.now() - t0;
}

const EDITOR_READY = '[data-testid="code-editor"][data-editor-ready="true"]';
const LESSON_READY = 'main h1';

/**
 * Clicks Run tests and waits, inside the page, until a new run's results are on screen. Passed as
 * source text: tsx would wrap named helpers in a __name() call that does not exist in the page.
 */
const CLICK_TO_RESULTS = `new Promise((resolve, reject) => {
  const results = document.querySelector('[data-testid="results"]');
  const runOf = () => (results.querySelector('.ex-run-of') || {}).textContent || '';
  const before = runOf();
  const button = document.querySelector('[data-testid="run-tests"]');
  const timer = setTimeout(() => reject(new Error('no results in 30 s')), 30000);
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (results.getAttribute('data-running') === 'false' && runOf() !== before && results.querySelector('[data-testid="verdict"]')) {
      observer.disconnect();
      clearTimeout(timer);
      const end = performance.now();
      resolve({ t0, end, ms: end - t0 });
    }
  });
  observer.observe(results, { subtree: true, childList: true, attributes: true, characterData: true });
  button.click();
})`;
interface Click {
  ms: number;
  breakdown: RunBreakdown | null;
}
/** One click → results, and where its time went (the run's marks, its request, the runner's own duration). */
async function clickToResults(page: Page): Promise<Click> {
  const { t0, end, ms } = (await page.evaluate(CLICK_TO_RESULTS)) as { t0: number; end: number; ms: number };
  const timings = (await page.evaluate(readTimingsScript(t0))) as PageTimings;
  const runnerMs = Number(await page.getByTestId('results').getAttribute('data-duration-ms'));
  return { ms, breakdown: runBreakdown(timings, t0, end, runnerMs) };
}

/** Clicks Run tests `n` times; the figures and the median of each stage. */
async function clickSeries(page: Page, n: number): Promise<{ times: number[]; stages: Array<{ key: string; median: number; n: number }> }> {
  const times: number[] = [];
  const parts: RunBreakdown[] = [];
  for (let i = 0; i < n; i++) {
    const c = await clickToResults(page);
    times.push(c.ms);
    if (c.breakdown) parts.push(c.breakdown);
  }
  return { times, stages: medians(parts) };
}

/** Page time now and the timings recorded since `since` (clearing them). */
async function pageTimings(page: Page, since: number): Promise<PageTimings> {
  return (await page.evaluate(readTimingsScript(since))) as PageTimings;
}
const pageNow = (page: Page) => page.evaluate('performance.now()') as Promise<number>;


/** How long the bench waits, on the course map, for the app's idle-time warm-up to say it is done. */
const WARMUP_WAIT_MS = 60_000;

export async function main(args: string[]): Promise<void> {
  const runs = option(args, '--runs', 5);
  const clicks = option(args, '--clicks', 20);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'replayground-bench-ui-'));
  // A private build, so a rebuild of dist/ by someone else cannot change files under the benchmark.
  const staticArg = args.indexOf('--static');
  let staticDir = staticArg >= 0 ? path.resolve(args[staticArg + 1]!) : path.join(ROOT, 'dist/renderer');
  if (!args.includes('--no-build') && staticArg < 0) {
    staticDir = path.join(dataDir, 'renderer');
    console.log('building the renderer…');
    const b = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', staticDir], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  // The lessons' code highlighted as `npm run build` ships it (a separate process: this one's highlighter stays cold).
  const shipped = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/cli/shipHighlights.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (shipped.status !== 0) process.exit(shipped.status ?? 1);
  const host = await startHost(dataDir, staticDir);
  await createProfile(host.url, 'Bench');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const outside: string[] = [];
  const exerciseUrl = `${host.url}/#/exercises/${EXERCISE}`;
  const loadAvg: number[] = [];
  const sampleLoad = () => loadAvg.push(os.loadavg()[0]!);
  try {
    sampleLoad();
    const lesson = await lessonOpens(browser, outside, host.url, runs);
    const engineCode = await engineHighlightCost();
    sampleLoad();
    if (args.includes('--lesson-only')) {
      printLesson(lesson);
      printEngineCode(engineCode);
      console.log(`requests outside 127.0.0.1: ${outside.length}`);
      console.log(`load average (1 min) while measuring: ${loadAvg.map(r1).join(' ')} on ${os.cpus().length} cores`);
      console.log(JSON.stringify({ ...lessonFigures(lesson), ...engineCode, outside_requests: outside.length, cpus: os.cpus().length, loadavg_1m: r1(median(loadAvg)), loadavg_1m_samples: loadAvg.map(r1) }));
      return;
    }
    const lessonCold: number[] = [];
    const editorCold: number[] = [];
    const editorWarm: number[] = [];
    const coldTimelines: EditorTimeline[] = [];
    const coldJs: number[] = [];
    for (let i = 0; i < runs; i++) {
      sampleLoad();
      const ctx = await freshContext(browser, outside);
      const page = await ctx.newPage();
      lessonCold.push(await timeTo(page, `${host.url}/#/lesson`, LESSON_READY));
      await ctx.close();

      const ctx2 = await freshContext(browser, outside);
      const p2 = await ctx2.newPage();
      editorCold.push(await timeTo(p2, exerciseUrl, EDITOR_READY));
      await p2.locator('[data-testid="code-editor"]').waitFor();
      const coldT = await pageTimings(p2, 0);
      coldTimelines.push(editorTimeline(coldT, 0));
      coldJs.push(jsFetched(coldT).kb);
      // Warm: same browser profile (HTTP cache filled), a new page load of the workspace.
      const p3 = await ctx2.newPage();
      await p2.close();
      editorWarm.push(await timeTo(p3, exerciseUrl, EDITOR_READY));
      await ctx2.close();
    }

    // From inside the app after start: the course map loads, the app warms the editor in idle time
    // (the bench waits until it says so, as a student reads the map first), then the student opens the exercise.
    const fromMap: number[] = [];
    const warmups: number[] = [];
    const mapTimelines: EditorTimeline[] = [];
    for (let i = 0; i < runs; i++) {
      sampleLoad();
      const ctx = await freshContext(browser, outside);
      const page = await ctx.newPage();
      await page.goto(`${host.url}/#/exercises`);
      await page.locator('[data-testid="course-map"][data-ready="true"]').waitFor({ timeout: 30_000 });
      const warmed = await page
        // A function, not source text: the app's content security policy forbids evaluating strings.
        .waitForFunction(() => performance.getEntriesByName('rg:warmup:done').length > 0, undefined, { timeout: WARMUP_WAIT_MS })
        .then(() => page.evaluate(`performance.getEntriesByName('rg:warmup:done')[0].startTime`) as Promise<number>)
        .catch(() => NaN);
      warmups.push(warmed);
      const link = page.locator(`main a[href="#/exercises/${EXERCISE}"]`).first();
      const t0page = await pageNow(page);
      const t0 = performance.now();
      await link.click();
      await page.locator(EDITOR_READY).waitFor({ timeout: 30_000 });
      fromMap.push(performance.now() - t0);
      await page.waitForTimeout(300); // let the TypeScript marks land
      mapTimelines.push(editorTimeline(await pageTimings(page, t0page), t0page));
      await ctx.close();
    }

    // Run tests: the reference solution, visible suites, click to results on screen.
    const ctx = await freshContext(browser, outside);
    const page = await ctx.newPage();
    await timeTo(page, exerciseUrl, EDITOR_READY);
    const solution = fs.readFileSync(path.join(ROOT, 'exercises', EXERCISE, 'solution/OrderAggregate.ts'), 'utf8');
    await page.evaluate(`window.__replaygroundEditor.getModel().setValue(${JSON.stringify(solution)})`);
    await clickToResults(page); // the first run warms the runner's bundles; reported separately
    const first = (await clickToResults(page)).ms;
    sampleLoad();
    const quiet = await clickSeries(page, clicks);
    const verdict = await page.getByTestId('verdict').getAttribute('data-verdict');
    // The same clicks while other processes keep every core busy.
    const load = await startCpuLoad();
    let busy: Awaited<ReturnType<typeof clickSeries>>;
    try {
      sampleLoad();
      busy = await clickSeries(page, clicks);
    } finally {
      load.stop();
    }
    const busyVerdict = await page.getByTestId('verdict').getAttribute('data-verdict');

    // In-app: back to the exercise from another page of the same window (Monaco already loaded).
    const inApp: number[] = [];
    const backTimelines: EditorTimeline[] = [];
    for (let i = 0; i < runs; i++) {
      await setHash(page, '#/quiz');
      await page.locator('main h1, main h2').first().waitFor();
      const t0page = await pageNow(page);
      const t0 = performance.now();
      await setHash(page, `#/exercises/${EXERCISE}`);
      await page.locator(EDITOR_READY).waitFor();
      inApp.push(performance.now() - t0);
      backTimelines.push(editorTimeline(await pageTimings(page, t0page), t0page));
    }

    // Heap after the lesson, the quiz, the exercise and the playground (garbage collected first).
    for (const hash of ['#/lesson', '#/quiz', `#/exercises/${EXERCISE}`, '#/playground']) {
      await setHash(page, hash);
      await page.waitForTimeout(1500);
    }
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const heapTotal = metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? NaN;
    await ctx.close();

    // What the main thread did during a cold open and an open from the map (traced, not among the timed ones).
    const tracedCold = await tracedColdOpen(browser, outside, exerciseUrl);
    const tracedMap = await tracedOpenFromMap(browser, outside, host.url);

    const result = {
      lesson_first_render_ms_cold: r1(median(lessonCold)),
      ...lessonFigures(lesson),
      ...engineCode,
      editor_ready_ms_cold: r1(median(editorCold)),
      editor_ready_ms_warm: r1(median(editorWarm)),
      editor_ready_ms_from_course_map: r1(median(fromMap)),
      idle_warmup_done_ms_after_start: r1(median(warmups.filter(Number.isFinite))),
      editor_ready_ms_in_app: r1(median(inApp)),
      run_tests_click_to_results_ms_p50: r1(median(quiet.times)),
      run_tests_click_to_results_ms_p90: r1(percentile(quiet.times, 90)),
      run_tests_busy_click_to_results_ms_p50: r1(median(busy.times)),
      run_tests_busy_click_to_results_ms_p90: r1(percentile(busy.times, 90)),
      run_tests_second_click_ms: r1(first),
      cold_js_kb: Math.round(median(coldJs)),
      // CPU the page's main thread got (trace thread time): what a busy machine does not stretch.
      cold_open_main_cpu_ms: tracedCold ? Math.round(tracedCold.mainCpu) : null,
      map_open_main_cpu_ms: tracedMap ? Math.round(tracedMap.mainCpu) : null,
      js_heap_mb: r1(heap / 1024 / 1024),
      js_heap_total_mb: r1(heapTotal / 1024 / 1024),
      verdict,
      busy_verdict: busyVerdict,
      samples: { page_loads: runs, clicks },
      outside_requests: outside.length,
      cpus: os.cpus().length,
      loadavg_1m: r1(median(loadAvg)),
      loadavg_1m_samples: loadAvg.map(r1),
    };
    const row = (what: string, xs: number[]) => console.log(`${what.padEnd(44)}${String(r1(median(xs))).padStart(9)}   ${xs.map(Math.round).join(' ')}`);
    console.log('');
    console.log(`${'what'.padEnd(44)}${'median ms'.padStart(9)}   all samples`);
    row('lesson first render, cold cache', lessonCold);
    printLesson(lesson);
    printEngineCode(engineCode);
    row('editor ready, cold cache (target ≤ 1500)', editorCold);
    row('editor ready, warm cache', editorWarm);
    row('editor ready, from the course map (≤ 1000)', fromMap);
    row('  idle warm-up done, ms after start', warmups);
    row('editor ready, back from the quiz', inApp);
    row('Run tests → results, quiet (p50 ≤ 150)', quiet.times);
    row('Run tests → results, busy cores (p50 ≤ 150)', busy.times);
    console.log(`  p90: quiet ${result.run_tests_click_to_results_ms_p90}, busy ${result.run_tests_busy_click_to_results_ms_p90} (target ≤ 250)`);
    printTimeline('editor ready, cold cache: moments (ms after navigation start)', coldTimelines);
    console.log(`  JS fetched on a cold open: ${result.cold_js_kb} KB`);
    if (tracedCold) printTrace('one traced cold open', tracedCold);
    printTimeline('editor ready, from the course map: moments (ms after the click)', mapTimelines);
    if (tracedMap) printTrace('one traced open from the map', tracedMap);
    printTimeline('editor ready, back from the quiz: moments (ms after the hash change)', backTimelines);
    printStages('Run tests → results, quiet: stages (median ms)', quiet.stages);
    printStages('Run tests → results, busy cores: stages (median ms)', busy.stages);
    console.log(`JS heap after lesson/quiz/exercise/playground: ${result.js_heap_mb} MB used (${result.js_heap_total_mb} MB allocated)`);
    console.log(`requests outside 127.0.0.1: ${outside.length}${outside.length ? ' ' + outside.slice(0, 5).join(' ') : ''}`);
    console.log(`load average (1 min) while measuring: ${result.loadavg_1m_samples.join(' ')} on ${result.cpus} cores`);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    host.child.kill('SIGINT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function printTimeline(title: string, timelines: EditorTimeline[]): void {
  console.log(`\n${title}`);
  let prev = 0;
  for (const { key, median: m, n } of medians(timelines)) {
    if (!n) {
      console.log(`  ${key.padEnd(36)}        —  (not in this window)`);
      continue;
    }
    console.log(`  ${key.padEnd(36)}${String(Math.round(m)).padStart(7)}  (+${Math.round(m - prev)})${n < timelines.length ? `  in ${n}/${timelines.length}` : ''}`);
    prev = Math.max(prev, m);
  }
}

function printStages(title: string, stages: Array<{ key: string; median: number; n: number }>): void {
  console.log(`\n${title}`);
  for (const { key, median: m } of stages) console.log(`  ${key.padEnd(40)}${String(r1(m)).padStart(8)}`);
}

function printTrace(what: string, t: ThreadSplit): void {
  console.log(`  main thread in that window (${what}, ${Math.round(t.windowMs)} ms): busy ${Math.round(t.mainBusy)}, waiting ${Math.round(t.mainIdle)}; CPU it got ${Math.round(t.mainCpu)}`);
  for (const [group, ms] of Object.entries(t.main).sort((a, b) => b[1] - a[1])) if (ms >= 1) console.log(`    ${group.padEnd(34)}${String(Math.round(ms)).padStart(7)}`);
  if (t.otherTop.length) console.log(`    ("other" is mostly: ${t.otherTop.map(([n, ms]) => `${n} ${Math.round(ms)}`).join(', ')})`);
  console.log(`  page's workers (Monaco's editor and TypeScript workers) busy: ${Math.round(t.workers)} ms, CPU ${Math.round(t.workersCpu)} ms`);
}

/** Runs `action` under a Chromium trace and splits the window between two User Timing marks. */
async function traced(browser: Browser, page: Page, action: () => Promise<unknown>, fromMark: string, toMark: string): Promise<ThreadSplit | null> {
  await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'blink.user_timing'] });
  await action();
  await page.waitForTimeout(200);
  const json = (await browser.stopTracing()).toString('utf8');
  const events = (JSON.parse(json) as { traceEvents: Array<{ name: string; ts: number; cat: string }> }).traceEvents;
  const at = (name: string) => events.find((e) => e.name === name && e.cat.includes('user_timing'))?.ts;
  const from = at(fromMark);
  const to = at(toMark);
  return from === undefined || to === undefined ? null : splitTrace(json, from, to);
}

/** A cold open of the exercise, traced from navigation start to the editor mounted. */
async function tracedColdOpen(browser: Browser, outside: string[], url: string): Promise<ThreadSplit | null> {
  const ctx = await freshContext(browser, outside);
  const page = await ctx.newPage();
  const split = await traced(browser, page, async () => {
    await page.goto(url);
    await page.locator(EDITOR_READY).waitFor({ timeout: 30_000 });
  }, 'navigationStart', 'rg:editor:mounted');
  await ctx.close();
  return split;
}

/** The course map, the warm-up done, then the exercise opened from the map, traced from the click to the editor mounted. */
async function tracedOpenFromMap(browser: Browser, outside: string[], base: string): Promise<ThreadSplit | null> {
  const ctx = await freshContext(browser, outside);
  const page = await ctx.newPage();
  await page.goto(`${base}/#/exercises`);
  await page.locator('[data-testid="course-map"][data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName('rg:warmup:done').length > 0, undefined, { timeout: WARMUP_WAIT_MS }).catch(() => undefined);
  const split = await traced(browser, page, async () => {
    await page.evaluate(() => performance.mark('bench:click'));
    await page.locator(`main a[href="#/exercises/${EXERCISE}"]`).first().click();
    await page.locator(EDITOR_READY).waitFor({ timeout: 30_000 });
  }, 'bench:click', 'rg:editor:mounted');
  await ctx.close();
  return split;
}

const LESSON_COMPLETE = '[data-testid="lesson-article"][data-ready="true"]';
/** How long after the article is complete the bench keeps counting (work the page defers to idle time). */
const LESSON_SETTLE_MS = 1500;

interface LessonOpen {
  /** navigation start → the article complete (code highlighted, the diagrams in view drawn), wall ms */
  completeMs: number;
  /** the main thread up to the article complete, and up to LESSON_SETTLE_MS after it */
  toComplete: ThreadSplit;
  settled: ThreadSplit;
}

/**
 * Cold opens of the lesson (a fresh context each: empty HTTP cache, nothing drawn yet), each traced from
 * navigation start until the article says it is complete and then for LESSON_SETTLE_MS more; then one
 * more open under V8's CPU profiler, split by script (which chunk the main thread's time went to).
 */
async function lessonOpens(browser: Browser, outside: string[], base: string, runs: number): Promise<{ opens: LessonOpen[]; byScript: Array<[string, number]> }> {
  const opens: LessonOpen[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await freshContext(browser, outside);
    const page = await ctx.newPage();
    await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'blink.user_timing'] });
    await page.goto(`${base}/#/lesson`);
    await page.locator(LESSON_COMPLETE).waitFor({ timeout: 60_000 });
    const completeMs = (await page.evaluate(`performance.mark('bench:lesson-complete').startTime`)) as number;
    await page.waitForTimeout(LESSON_SETTLE_MS);
    await page.evaluate(`performance.mark('bench:lesson-settled')`);
    const json = (await browser.stopTracing()).toString('utf8');
    await ctx.close();
    const events = (JSON.parse(json) as { traceEvents: Array<{ name: string; ts: number; cat: string }> }).traceEvents;
    const at = (name: string) => events.find((e) => e.name === name && e.cat.includes('user_timing'))?.ts;
    const [from, complete, settled] = [at('navigationStart'), at('bench:lesson-complete'), at('bench:lesson-settled')];
    if (from === undefined || complete === undefined || settled === undefined) continue;
    opens.push({ completeMs, toComplete: splitTrace(json, from, complete), settled: splitTrace(json, from, settled) });
  }
  const ctx = await freshContext(browser, outside);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${base}/#/lesson`);
  await page.locator(LESSON_COMPLETE).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(LESSON_SETTLE_MS);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await ctx.close();
  return { opens, byScript: timeByScript(profile) };
}

/**
 * The engine's side of the lesson's code: CPU (this process, process.cpuUsage) to highlight every lesson
 * in both languages the first time (grammars compiled, nothing cached), and again from the memory cache.
 */
async function engineHighlightCost(): Promise<{
  engine_code_first_cpu_ms: number;
  engine_code_cached_cpu_ms: number;
  engine_code_shipped_cpu_ms: number;
  engine_code_blocks: number;
}> {
  const root = path.join(ROOT, 'content/lessons');
  const files = fs.readdirSync(root).flatMap((id) => ['en', 'ru'].map((lang) => path.join(root, id, `lesson.${lang}.md`))).filter((f) => fs.existsSync(f));
  const cpu = async (highlights: LessonCodeHighlights): Promise<{ ms: number; blocks: number }> => {
    const start = process.cpuUsage();
    let blocks = 0;
    for (const f of files) blocks += (await highlights.forMarkdown(fs.readFileSync(f, 'utf8'))).length;
    const used = process.cpuUsage(start);
    return { ms: (used.user + used.system) / 1000, blocks };
  };
  // What a student's first opens cost: a new engine with nothing in its data folder, reading the shipped folder.
  const shipped = await cpu(createLessonCodeHighlights(null, shippedHighlightsDir(ROOT)));
  const fresh = createLessonCodeHighlights(null);
  const first = await cpu(fresh);
  const cached = await cpu(fresh);
  return {
    engine_code_first_cpu_ms: Math.round(first.ms),
    engine_code_cached_cpu_ms: r1(cached.ms),
    engine_code_shipped_cpu_ms: r1(shipped.ms),
    engine_code_blocks: first.blocks,
  };
}

function printEngineCode(e: Awaited<ReturnType<typeof engineHighlightCost>>): void {
  console.log(
    `  engine: every lesson's code (${e.engine_code_blocks} blocks, both languages): from the shipped folder ${e.engine_code_shipped_cpu_ms} ms CPU; highlighted with nothing cached (as the build does) ${e.engine_code_first_cpu_ms} ms, then from memory ${e.engine_code_cached_cpu_ms} ms`,
  );
}

function lessonFigures({ opens }: { opens: LessonOpen[] }) {
  const m = (f: (o: LessonOpen) => number) => r1(median(opens.map(f)));
  return {
    lesson_complete_ms_cold: m((o) => o.completeMs),
    lesson_main_cpu_ms: m((o) => o.toComplete.mainCpu),
    lesson_main_cpu_ms_settled: m((o) => o.settled.mainCpu),
    lesson_long_tasks: m((o) => o.settled.longTasks.count),
    lesson_long_tasks_ms: m((o) => o.settled.longTasks.ms),
  };
}

function printLesson(lesson: { opens: LessonOpen[]; byScript: Array<[string, number]> }): void {
  const { opens, byScript } = lesson;
  const f = lessonFigures(lesson);
  const all = (g: (o: LessonOpen) => number) => opens.map((o) => Math.round(g(o))).join(' ');
  console.log(`
lesson, cold open (${opens.length} traced opens; medians, then all samples)`);
  console.log(`  complete (code highlighted, diagrams drawn), ms after start  ${f.lesson_complete_ms_cold}   ${all((o) => o.completeMs)}`);
  console.log(`  main-thread CPU until complete, ms                         ${f.lesson_main_cpu_ms}   ${all((o) => o.toComplete.mainCpu)}`);
  console.log(`  main-thread CPU until ${LESSON_SETTLE_MS} ms after, ms                   ${f.lesson_main_cpu_ms_settled}   ${all((o) => o.settled.mainCpu)}`);
  console.log(`  long tasks (≥ 50 ms) until then: count / total ms            ${f.lesson_long_tasks} / ${f.lesson_long_tasks_ms}   ${all((o) => o.settled.longTasks.ms)}`);
  const last = opens[opens.length - 1];
  if (last) printTrace('the last traced open, until settled', last.settled);
  const total = byScript.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`  one profiled open, main-thread time by script (${Math.round(total)} ms sampled):`);
  for (const [name, ms] of byScript.slice(0, 8)) console.log(`    ${name.padEnd(34)}${String(Math.round(ms)).padStart(7)}`);
}

/** In-page scripts are passed as text: this file is type-checked without the DOM library. */
function setHash(page: Page, hash: string): Promise<unknown> {
  return page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}
