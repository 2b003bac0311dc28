/// <reference lib="dom" />
// The lesson's diagrams are laid out only when they come near the view, and a drawing is kept for the
// window: coming back to the lesson, or switching the theme back, shows the same drawing without a new
// layout (each layout gives its SVG a new id, so an unchanged id means no layout happened).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useHostAndBrowser } from './support';

const e2e = useHostAndBrowser({ editorWarmup: false });

const ready = (page: Page) => page.locator('[data-testid=lesson-article][data-ready=true]').waitFor({ timeout: 45_000 });
const states = (page: Page) => page.locator('.mermaid-block').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.mermaid));
const svgId = (page: Page, i: number) => page.locator('.mermaid-block').nth(i).locator('.mermaid-output svg').getAttribute('id');

async function drawn(page: Page, i: number): Promise<void> {
  const block = page.locator('.mermaid-block').nth(i);
  await block.scrollIntoViewIfNeeded();
  await expect.poll(() => block.getAttribute('data-mermaid'), { timeout: 20_000 }).toBe('done');
}

describe('lesson diagrams', () => {
  it('draws the diagrams near the view when the lesson opens and the others as they come near', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/lesson' });
    const { page } = app;
    await ready(page);
    const first = await states(page);
    expect(first.length).toBeGreaterThanOrEqual(5);
    // The lesson's last diagrams are many screens below the top: not drawn yet.
    expect(first.at(-1)).toBe('pending');
    expect(first.filter((s) => s === 'pending').length).toBeGreaterThanOrEqual(3);
    await drawn(page, first.length - 1);
    expect(await page.locator('.mermaid-block').last().locator('.mermaid-output svg').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('shows a kept drawing again after another page and after switching the theme back', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'ru-RU', hash: '#/lesson' });
    const { page } = app;
    await ready(page);
    await drawn(page, 1);
    const light = await svgId(page, 1);
    expect(light).toMatch(/^mermaid-\d+$/);

    await page.getByTestId('nav-quiz').click();
    await page.getByTestId('quiz-page').waitFor();
    await page.getByTestId('nav-lesson').click();
    await ready(page);
    await drawn(page, 1);
    expect(await svgId(page, 1)).toBe(light);

    await page.getByTestId('theme-select').selectOption('dark');
    await expect.poll(() => page.locator('.mermaid-block').nth(1).getAttribute('data-theme'), { timeout: 20_000 }).toBe('dark');
    const dark = await svgId(page, 1);
    expect(dark).not.toBe(light);
    await page.getByTestId('theme-select').selectOption('light');
    await expect.poll(() => page.locator('.mermaid-block').nth(1).getAttribute('data-theme'), { timeout: 20_000 }).toBe('light');
    expect(await svgId(page, 1)).toBe(light);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
