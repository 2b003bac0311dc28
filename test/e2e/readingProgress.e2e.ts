/// <reference lib="dom" />
// Reading progress as people read, in Chromium with the page's clock under the test's control (no
// waiting on the wall clock): reading the whole lesson at a normal pace (about 230 words a minute,
// scrolling with the mouse wheel a few lines at a time) counts (nearly) every section and makes the
// lesson "Read" on the course map, which states the rule; flicking through the page counts almost
// nothing. Then the course map's next step follows real progress: once the lesson is read it is the quiz.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callHost, openApp, useHostAndBrowser } from './support';

const LESSON = '04-event-driven';
const e2e = useHostAndBrowser({ editorWarmup: false });

async function openLessonWithClock(locale: 'en-US' | 'ru-RU') {
  const app = await openApp(e2e.browser, e2e.host, { locale, hash: `#/lesson/${LESSON}`, viewport: { width: 1280, height: 800 } });
  await app.context.clock.install();
  await app.page.reload();
  await app.page.locator('[data-testid=lesson-article][data-ready=true]').waitFor({ timeout: 45_000 });
  // From here on the page's time moves only when the test says so.
  await app.page.clock.pauseAt(await app.page.evaluate(() => Date.now() + 1000));
  return app;
}

/** Words per pixel of the article, so each wheel step takes the time its text needs at `wpm`. */
function density(page: Page): Promise<number> {
  return page.evaluate(() => {
    const article = document.querySelector('[data-testid=lesson-article]')!;
    const words = (article.textContent ?? '').match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
    return words / article.getBoundingClientRect().height;
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's scroll position once it has stopped moving (a wheel scroll may animate for a few frames). */
async function settledScrollTop(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    // The page's requestAnimationFrame is on the paused clock: wait in Node between two reads instead.
    const now = await page.evaluate(() => document.getElementById('main')!.scrollTop);
    if (now === last) return now;
    last = now;
    await pause(20);
  }
}

/**
 * One turn of the mouse wheel, `px` down: `mouse.wheel` returns before the page has scrolled, and on a
 * busy machine the scroll can land after a quiet moment, so wait until the page has moved or cannot
 * move (its end). Returns where the page then is, and whether it moved (false at its end).
 */
async function wheelDown(page: Page, px: number): Promise<{ top: number; moved: boolean }> {
  const before = await settledScrollTop(page);
  await page.mouse.wheel(0, px);
  const movedOrAtEnd = (from: number) => {
    const main = document.getElementById('main')!;
    return main.scrollTop !== from || main.scrollTop + main.clientHeight >= main.scrollHeight - 1;
  };
  // The test's own timeout bounds this wait.
  while (!(await page.evaluate(movedOrAtEnd, before))) await pause(10);
  const top = await settledScrollTop(page);
  return { top, moved: top > before };
}

const progress = async (page: Page) => {
  const el = page.getByTestId('toc-progress');
  return { read: Number(await el.getAttribute('data-read')), total: Number(await el.getAttribute('data-total')) };
};

/** Reads the first screen, then wheels down `step` px at a time, spending the reading time of each step. */
async function readDown(page: Page, wpm: number, step: number): Promise<void> {
  const wordsPerPx = await density(page);
  const msFor = (px: number) => Math.round((px * wordsPerPx * 60_000) / wpm);
  const viewHeight = await page.evaluate(() => document.getElementById('main')!.clientHeight);
  await page.mouse.move(640, 400);
  await page.clock.runFor(msFor(viewHeight));
  // Reading time follows the distance from the last place paid for, so a scroll still settling when
  // it was measured is paid for with the next turn.
  let paidTo = await settledScrollTop(page);
  for (;;) {
    const { top, moved } = await wheelDown(page, step);
    if (!moved) break; // the end of the page
    await page.clock.runFor(msFor(top - paidTo));
    paidTo = top;
  }
  await page.clock.runFor(msFor(viewHeight)); // the last screen
}

describe('reading progress', () => {
  it('flicking through the lesson counts almost nothing (Russian)', async () => {
    const app = await openLessonWithClock('ru-RU');
    const { page } = app;
    await page.mouse.move(640, 400);
    for (let i = 0; i < 400; i++) {
      const { moved } = await wheelDown(page, 1500);
      await page.clock.runFor(300);
      if (!moved) break; // the end of the page
    }
    const { read, total } = await progress(page);
    expect(total).toBeGreaterThan(30);
    expect(read).toBeLessThanOrEqual(3); // at most what is on the last screen
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('reading the lesson at a normal pace counts its sections, and the course map says it is read and why', async () => {
    const app = await openLessonWithClock('en-US');
    const { page } = app;
    await readDown(page, 230, 300); // a few wheel notches at a time
    const { read, total } = await progress(page);
    expect(total).toBeGreaterThan(30);
    expect(read / total).toBeGreaterThanOrEqual(0.9);
    // Saved to the engine (the save is debounced on the page's clock).
    await page.clock.runFor(2_000);
    await expect
      .poll(async () => (await callHost<{ sectionsRead: string[] }>(e2e.host.url, 'lesson.progress.get', { id: LESSON, lang: 'en' })).sectionsRead.length)
      .toBe(read);
    await app.close();

    const map = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/exercises' });
    await map.page.locator('[data-testid="course-map"][data-ready="true"]').waitFor({ timeout: 20_000 });
    const card = map.page.locator(`li[data-step="lesson:${LESSON}"]`);
    expect(await card.getAttribute('data-step-status')).toBe('done');
    expect(Number(await card.getByTestId('lesson-sections').getAttribute('data-read'))).toBe(read);
    expect(await map.page.getByTestId('reading-rule').textContent()).toMatch(/on screen for about 12 seconds per 100 words/);
    // The lesson is read and the quiz not taken: the quiz is next.
    expect(await map.page.getByTestId('course-next').getAttribute('data-step')).toBe(`quiz:${LESSON}`);
    expect(map.pageErrors).toEqual([]);
    await map.close();
  }, 300_000); // a 12,000-word lesson read step by step: long, but on the page's clock, not the wall clock

  it('states the rule on the course map in Russian too', async () => {
    const map = await openApp(e2e.browser, e2e.host, { locale: 'ru-RU', hash: '#/exercises' });
    await map.page.locator('[data-testid="course-map"][data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await map.page.getByTestId('reading-rule').textContent()).toMatch(/на экране около 12 секунд на каждые 100 слов/);
    await map.close();
  });
});
