// UI benchmark: the built renderer on the real web host, driven by Debian's Chromium. Measures the
// lesson's first render and the exercise editor's readiness (cold and warm HTTP cache), Run tests
// click-to-results with the reference solution, and the JS heap after visiting the main pages.
// `npm run bench -- ui [--runs N] [--clicks N] [--no-build | --static DIR]`; the last stdout line is one JSON object.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
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
      resolve(performance.now() - t0);
    }
  });
  observer.observe(results, { subtree: true, childList: true, attributes: true, characterData: true });
  button.click();
})`;
function clickToResults(page: Page): Promise<number> {
  return page.evaluate(CLICK_TO_RESULTS) as Promise<number>;
}

export async function main(args: string[]): Promise<void> {
  const runs = option(args, '--runs', 5);
  const clicks = option(args, '--clicks', 20);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'replayground-bench-ui-'));
  // A private build, so a rebuild of dist/ by someone else cannot change files under the benchmark.
  const staticArg = args.indexOf('--static');
  let staticDir = staticArg >= 0 ? path.resolve(args[staticArg + 1]) : path.join(ROOT, 'dist/renderer');
  if (!args.includes('--no-build') && staticArg < 0) {
    staticDir = path.join(dataDir, 'renderer');
    console.log('building the renderer…');
    const b = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', staticDir], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const host = await startHost(dataDir, staticDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const outside: string[] = [];
  const exerciseUrl = `${host.url}/#/exercises/${EXERCISE}`;
  try {
    const lessonCold: number[] = [];
    const editorCold: number[] = [];
    const editorWarm: number[] = [];
    for (let i = 0; i < runs; i++) {
      const ctx = await freshContext(browser, outside);
      const page = await ctx.newPage();
      lessonCold.push(await timeTo(page, `${host.url}/#/lesson`, LESSON_READY));
      await ctx.close();

      const ctx2 = await freshContext(browser, outside);
      const p2 = await ctx2.newPage();
      editorCold.push(await timeTo(p2, exerciseUrl, EDITOR_READY));
      // Warm: same browser profile (HTTP cache filled), a new page load of the workspace.
      const p3 = await ctx2.newPage();
      await p2.close();
      editorWarm.push(await timeTo(p3, exerciseUrl, EDITOR_READY));
      await ctx2.close();
    }

    // Run tests: the reference solution, visible suites, click to results on screen.
    const ctx = await freshContext(browser, outside);
    const page = await ctx.newPage();
    await timeTo(page, exerciseUrl, EDITOR_READY);
    const solution = fs.readFileSync(path.join(ROOT, 'exercises', EXERCISE, 'solution/OrderAggregate.ts'), 'utf8');
    await page.evaluate(`window.__replaygroundEditor.getModel().setValue(${JSON.stringify(solution)})`);
    await clickToResults(page); // the first run warms the runner's bundles; reported separately
    const first = await clickToResults(page);
    const times: number[] = [];
    for (let i = 0; i < clicks; i++) times.push(await clickToResults(page));
    const verdict = await page.getByTestId('verdict').getAttribute('data-verdict');

    // In-app: back to the exercise from another page of the same window (Monaco already loaded).
    const inApp: number[] = [];
    for (let i = 0; i < runs; i++) {
      await setHash(page, '#/quiz');
      await page.locator('main h1, main h2').first().waitFor();
      const t0 = performance.now();
      await setHash(page, `#/exercises/${EXERCISE}`);
      await page.locator(EDITOR_READY).waitFor();
      inApp.push(performance.now() - t0);
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

    const result = {
      lesson_first_render_ms_cold: r1(median(lessonCold)),
      editor_ready_ms_cold: r1(median(editorCold)),
      editor_ready_ms_warm: r1(median(editorWarm)),
      editor_ready_ms_in_app: r1(median(inApp)),
      run_tests_click_to_results_ms_p50: r1(median(times)),
      run_tests_click_to_results_ms_p90: r1(percentile(times, 90)),
      run_tests_second_click_ms: r1(first),
      js_heap_mb: r1(heap / 1024 / 1024),
      js_heap_total_mb: r1(heapTotal / 1024 / 1024),
      verdict,
      samples: { page_loads: runs, clicks },
      outside_requests: outside.length,
      cpus: os.cpus().length,
      loadavg_1m: r1(os.loadavg()[0]),
    };
    console.log('');
    console.log('what                                   median (ms)   all samples');
    console.log(`lesson first render, cold cache       ${String(result.lesson_first_render_ms_cold).padStart(10)}   ${lessonCold.map(Math.round).join(' ')}`);
    console.log(`editor ready, cold cache              ${String(result.editor_ready_ms_cold).padStart(10)}   ${editorCold.map(Math.round).join(' ')}`);
    console.log(`editor ready, warm cache              ${String(result.editor_ready_ms_warm).padStart(10)}   ${editorWarm.map(Math.round).join(' ')}`);
    console.log(`editor ready, in-app navigation       ${String(result.editor_ready_ms_in_app).padStart(10)}   ${inApp.map(Math.round).join(' ')}`);
    console.log(`Run tests click → results (p50/p90)   ${String(result.run_tests_click_to_results_ms_p50).padStart(10)}   p90 ${result.run_tests_click_to_results_ms_p90}`);
    console.log(`JS heap after lesson/quiz/exercise/playground: ${result.js_heap_mb} MB used (${result.js_heap_total_mb} MB allocated)`);
    console.log(`requests outside 127.0.0.1: ${outside.length}${outside.length ? ' ' + outside.slice(0, 5).join(' ') : ''}`);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    host.child.kill('SIGINT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** In-page scripts are passed as text: this file is type-checked without the DOM library. */
function setHash(page: Page, hash: string): Promise<unknown> {
  return page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}
