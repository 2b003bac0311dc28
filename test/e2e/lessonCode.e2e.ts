/// <reference lib="dom" />
// The lesson's code arrives highlighted from the engine: the page never loads a highlighter, every block
// in a course language is highlighted in the article's first render and stays focusable, and a theme
// switch recolours the code by CSS alone.
import { describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { openApp, useHostAndBrowser } from './support';

const e2e = useHostAndBrowser({ editorWarmup: false });

describe('lesson code highlighted by the engine', () => {
  it('loads no highlighter into the page and shows every code block highlighted as the article appears', async () => {
    const scripts: Response[] = [];
    const app = await openApp(e2e.browser, e2e.host, {
      locale: 'ru-RU',
      hash: '#/lesson',
      prepare: async (context) => void context.on('response', (r) => void (r.request().resourceType() === 'script' && scripts.push(r))),
    });
    const { page } = app;
    // The moment the article is in the page, before any later work: its blocks are already highlighted.
    const atFirstRender = await page.waitForFunction(() => {
      const article = document.querySelector('[data-testid=lesson-article]');
      if (!article) return null;
      const blocks = [...article.querySelectorAll<HTMLElement>('figure.code-block')];
      return blocks.map((b) => ({ lang: b.dataset.lang, highlighted: b.dataset.highlighted === 'true', tabIndex: b.querySelector('pre')!.tabIndex }));
    }, undefined, { timeout: 45_000 }).then((h) => h.jsonValue());
    const inCourseLanguages = atFirstRender!.filter((b) => ['ts', 'python', 'bash', 'json', 'sql'].includes(b.lang!));
    expect(inCourseLanguages.length).toBeGreaterThan(20);
    expect(inCourseLanguages.filter((b) => !b.highlighted)).toEqual([]);
    expect(atFirstRender!.every((b) => b.tabIndex === 0)).toBe(true);

    await page.locator('[data-testid=lesson-article][data-ready=true]').waitFor({ timeout: 45_000 });
    // Shiki's error class is in any build of its core: no script the page loaded carries it.
    expect(scripts.length).toBeGreaterThan(3);
    const withShiki: string[] = [];
    for (const r of scripts) if ((await r.text()).includes('ShikiError')) withShiki.push(r.url());
    expect(withShiki).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('recolours the code for the dark theme by CSS, and keyboard focus reaches a code block', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/lesson' });
    const { page } = app;
    await page.locator('[data-testid=lesson-article][data-ready=true]').waitFor({ timeout: 45_000 });
    const keyword = page.locator('figure.code-block[data-lang=ts] pre.shiki span[style*="--shiki-light:#D73A49"]').first();
    const colour = () => keyword.evaluate((e) => getComputedStyle(e).color);
    const light = await colour();
    const spansBefore = await page.locator('pre.shiki span').count();
    await page.getByTestId('theme-select').selectOption('dark');
    await expect.poll(colour).not.toBe(light);
    expect(await page.locator('pre.shiki span').count()).toBe(spansBefore);

    const pre = page.locator('figure.code-block[data-lang=ts] pre').first();
    await pre.scrollIntoViewIfNeeded();
    await pre.focus();
    expect(await pre.evaluate((e) => e === document.activeElement)).toBe(true);
    await app.close();
  });
});
