/// <reference lib="dom" />
// The lesson page end to end, in both languages: the table of contents, Mermaid diagrams drawn as SVG,
// admonitions and highlighted code; a TOC click scrolls to its section; reading progress (position and
// sections read) survives a reload. Nothing may leave 127.0.0.1.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useHostAndBrowser } from './support';

const e2e = useHostAndBrowser({ editorWarmup: false });

async function waitForLesson(page: Page): Promise<void> {
  await page.locator('[data-testid=lesson-article][data-ready=true]').waitFor({ timeout: 45_000 });
}

/** Diagrams are drawn as they come near the view: bring each into view in turn and wait until it is drawn. */
async function drawEveryDiagram(page: Page): Promise<void> {
  const blocks = page.locator('.mermaid-block');
  const n = await blocks.count();
  for (let i = 0; i < n; i++) {
    await blocks.nth(i).scrollIntoViewIfNeeded();
    await expect.poll(() => blocks.nth(i).getAttribute('data-mermaid'), { timeout: 20_000 }).not.toBe('pending');
  }
}

/** Where a heading sits relative to the top of the scrolling <main>, in pixels. */
function headingTop(page: Page, id: string): Promise<number> {
  return page.evaluate((hid) => {
    const main = document.getElementById('main')!;
    return document.getElementById(hid)!.getBoundingClientRect().top - main.getBoundingClientRect().top;
  }, id);
}

const languages = [
  { locale: 'en-US' as const, lang: 'en', title: /Event-Driven Architecture/ },
  { locale: 'ru-RU' as const, lang: 'ru', title: /Событийная архитектура/ },
];

describe.each(languages)('lesson page ($lang)', ({ locale, lang, title }) => {
  it('shows the table of contents, Mermaid SVGs, admonitions and highlighted code', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale, hash: '#/lesson' });
    const { page } = app;
    await waitForLesson(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('.lesson-article h1').textContent()).toMatch(title);

    const tocLinks = page.locator('[data-testid=lesson-toc] a[data-toc-id]');
    expect(await tocLinks.count()).toBeGreaterThanOrEqual(10);

    await drawEveryDiagram(page);
    expect(await page.locator('.mermaid-block .mermaid-output svg').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.mermaid-error').count()).toBe(0);

    const kinds = await page.locator('.lesson-article .admonition').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
    for (const kind of ['tip', 'info', 'warning', 'success', 'quote']) expect(kinds).toContain(kind);

    const tsBlocks = page.locator('figure.code-block[data-lang=ts][data-highlighted=true] pre.shiki');
    expect(await tsBlocks.count()).toBeGreaterThan(3);
    // Highlighted means coloured tokens for both themes, not just a <pre>.
    expect(await tsBlocks.first().locator('span[style*="--shiki-light"]').count()).toBeGreaterThan(5);
    // Every block in a bundled language ends highlighted, whatever the lesson holds today.
    for (const lang of ['ts', 'python']) {
      const all = await page.locator(`figure.code-block[data-lang=${lang}]`).count();
      expect(await page.locator(`figure.code-block[data-lang=${lang}][data-highlighted=true]`).count(), lang).toBe(all);
    }

    // Box drawings never wrap.
    const wrap = await page.locator('pre.box-drawing').first().evaluate((e) => getComputedStyle(e).whiteSpace);
    expect(wrap).toBe('pre');

    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('scrolls to a section when its table-of-contents entry is clicked, and marks it current', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale, hash: '#/lesson' });
    const { page } = app;
    await waitForLesson(page);
    const target = page.locator('[data-testid=lesson-toc] .toc-item.level-2 a').nth(4);
    const id = (await target.getAttribute('data-toc-id'))!;
    expect(await headingTop(page, id)).toBeGreaterThan(1000);
    await target.click();
    await expect.poll(() => headingTop(page, id)).toBeLessThan(60);
    expect(await headingTop(page, id)).toBeGreaterThanOrEqual(0);
    await expect.poll(() => target.getAttribute('aria-current')).toBe('location');
    expect(page.url()).toMatch(/#\/lesson$/); // the route did not change, so the page was not rebuilt
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('remembers the reading position and the sections read across a reload', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale, hash: '#/lesson' });
    const { page } = app;
    // The page's clock is the test's: time on screen is fast-forwarded, never waited for.
    await app.context.clock.install();
    await page.reload();
    await waitForLesson(page);
    const target = page.locator('[data-testid=lesson-toc] .toc-item.level-3 a').nth(7);
    const id = (await target.getAttribute('data-toc-id'))!;
    await target.click();
    await expect.poll(() => headingTop(page, id)).toBeLessThan(60);
    // Staying on a section long enough for its length marks it read; the engine stores it with the position.
    // (At most 45 s of page time for any section; the poll fast-forwards in 5 s steps until it is.)
    await expect
      .poll(async () => {
        await page.clock.runFor(5_000);
        return page.locator(`.toc-item.read a[data-toc-id="${id}"]`).count();
      }, { timeout: 60_000, interval: 200 })
      .toBe(1);
    const lessonId = (await page.getAttribute('[data-testid=lesson-page]', 'data-lesson'))!;
    const saved = () =>
      page.evaluate(async (input) => {
        const res = await fetch('/api/lesson.progress.get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
        return (await res.json()).value as { sectionsRead: string[]; anchor: string | null };
      }, { id: lessonId, lang });
    await expect.poll(async () => (await saved()).sectionsRead.includes(id)).toBe(true);

    await page.reload();
    await waitForLesson(page);
    await expect.poll(async () => Math.abs(await headingTop(page, id))).toBeLessThan(80);
    expect(await page.locator(`.toc-item.read a[data-toc-id="${id}"]`).count()).toBe(1);
    expect(await page.getByTestId('toc-progress').getAttribute('data-read')).not.toBe('0');
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });
});

describe('lesson page details', () => {
  it('redraws diagrams for the dark theme and shows a broken diagram as its source and the error', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/lesson' });
    const { page } = app;
    await waitForLesson(page);
    await drawEveryDiagram(page);
    const before = await page.locator('.mermaid-output svg').first().innerHTML();
    await page.getByTestId('theme-select').selectOption('dark');
    await expect.poll(() => page.locator('.mermaid-block[data-theme=dark]').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.mermaid-output svg').first().innerHTML()).not.toBe(before);

    // Break one diagram in place and draw it again through the same code path.
    const shown = await page.evaluate(async () => {
      const block = document.querySelector<HTMLElement>('.mermaid-block')!;
      block.querySelector('.mermaid-source code')!.textContent = 'graph LR\n  A -->';
      block.dataset.mermaid = 'pending';
      return block.dataset.mermaid;
    });
    expect(shown).toBe('pending');
    await page.getByTestId('theme-select').selectOption('light');
    await expect.poll(() => page.locator('.mermaid-block[data-mermaid=error] .mermaid-error').count(), { timeout: 20_000 }).toBe(1);
    const errorBlock = page.locator('.mermaid-block[data-mermaid=error]');
    expect(await errorBlock.locator('.mermaid-source').isVisible()).toBe(true);
    expect(await errorBlock.locator('.mermaid-error pre').textContent()).toMatch(/\S/);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('returns to where the student left off after visiting another page', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/lesson' });
    const { page } = app;
    await waitForLesson(page);
    const target = page.locator('[data-testid=lesson-toc] .toc-item.level-2 a').nth(6);
    const id = (await target.getAttribute('data-toc-id'))!;
    await target.click();
    await expect.poll(() => headingTop(page, id)).toBeLessThan(60);
    // Leave at once: a save still pending is flushed as the page goes, with the position measured before.
    await page.waitForTimeout(100);
    await page.getByTestId('nav-quiz').click();
    await page.getByTestId('quiz-page').waitFor();
    await page.getByTestId('nav-lesson').click();
    await waitForLesson(page);
    await expect.poll(async () => Math.abs(await headingTop(page, id))).toBeLessThan(80);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('copies a code block with its copy button', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/lesson' });
    const { page } = app;
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await waitForLesson(page);
    const block = page.locator('figure.code-block[data-lang=ts]').first();
    await block.scrollIntoViewIfNeeded();
    await block.locator('button[data-copy]').click();
    await expect.poll(() => block.locator('button[data-copy]').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await block.locator('pre').textContent());
    await app.close();
  });
});
