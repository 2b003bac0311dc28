// Small screens and zoom (#15 item 4): no page scrolls sideways at 1024×700, or at 150 % and 200 % zoom
// on a 1440×900 window; when space is short the workspace shows Task | Code | Results as tabs with
// Run tests in view; at 1440×900 the task's rules table fits its panel.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useHostAndBrowser } from './support';

const e2e = useHostAndBrowser();

/** Browser zoom Z on a W×H window = a (W/Z)×(H/Z) CSS viewport at device scale Z. */
const SCREENS = [
  { name: '1024×700', viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 },
  { name: '1440×900 at 150 %', viewport: { width: 960, height: 600 }, deviceScaleFactor: 1.5 },
  { name: '1440×900 at 200 %', viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 },
];
const PAGES = ['#/lesson', '#/glossary', '#/quiz', '#/exercises', '#/exercises/orders-lifecycle', '#/playground', '#/instructor'];

/** Elements wider than the window, or scroll containers the page itself would scroll sideways in. */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`document ${root.scrollWidth} > ${root.clientWidth}`);
    const main = document.getElementById('main')!;
    if (main.scrollWidth > main.clientWidth) found.push(`main ${main.scrollWidth} > ${main.clientWidth}`);
    return found;
  });
}

async function settle(page: Page, hash: string): Promise<void> {
  if (hash.startsWith('#/exercises/')) await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 20_000 });
  else await page.locator('#main h1').first().waitFor({ timeout: 20_000 });
}

describe('layout on small screens and zoom', () => {
  for (const screen of SCREENS) {
    for (const locale of ['en-US', 'ru-RU'] as const) {
      it(`no page scrolls sideways at ${screen.name} (${locale})`, async () => {
        const app = await openApp(e2e.browser, e2e.host, { locale, viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });
        const problems: string[] = [];
        for (const hash of PAGES) {
          await app.page.goto(`${e2e.host.url}/${hash}`);
          await settle(app.page, hash);
          for (const p of await sidewaysOverflow(app.page)) problems.push(`${hash}: ${p}`);
        }
        expect(problems).toEqual([]);
        expect(app.pageErrors).toEqual([]);
        await app.close();
      });
    }

    it(`the workspace uses tabs with Run tests in view at ${screen.name}`, async () => {
      const app = await openApp(e2e.browser, e2e.host, { viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor, hash: '#/exercises/orders-lifecycle' });
      const { page } = app;
      await settle(page, '#/exercises/orders-lifecycle');
      expect(await page.getByTestId('workspace-body').getAttribute('data-layout')).toBe('tabs');
      const inView = async () => {
        const box = (await page.getByTestId('run-tests').boundingBox())!;
        return box.x >= 0 && box.y >= 0 && box.x + box.width <= screen.viewport.width && box.y + box.height <= screen.viewport.height;
      };
      expect(await inView()).toBe(true);
      // One pane at a time: the task, then the code; Run tests stays in view and shows the results pane.
      await page.getByTestId('pane-task').click();
      expect(await page.getByTestId('task-panel').isVisible()).toBe(true);
      expect(await page.getByTestId('code-editor').isVisible()).toBe(false);
      expect(await inView()).toBe(true);
      await page.getByTestId('pane-code').click();
      expect(await page.getByTestId('code-editor').isVisible()).toBe(true);
      expect(await page.getByTestId('task-panel').isVisible()).toBe(false);
      await page.getByTestId('run-tests').click();
      await page.locator('[data-testid="results"][data-running="false"] [data-testid="verdict"]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('pane-results').getAttribute('aria-selected')).toBe('true');
      expect(await page.getByTestId('verdict').isVisible()).toBe(true);
      expect(await sidewaysOverflow(page)).toEqual([]);
      await app.close();
    });
  }

  it('shows task, code and results side by side at 1440×900, the rules table whole', async () => {
    for (const locale of ['en-US', 'ru-RU'] as const) {
      const app = await openApp(e2e.browser, e2e.host, { locale, viewport: { width: 1440, height: 900 }, hash: '#/exercises/orders-lifecycle' });
      const { page } = app;
      await settle(page, '#/exercises/orders-lifecycle');
      expect(await page.getByTestId('workspace-body').getAttribute('data-layout')).toBe('split');
      const table = await page.locator('[data-testid="task-panel"] table').first().evaluate((t) => {
        const panel = t.closest('.ex-side')!.getBoundingClientRect();
        const box = t.getBoundingClientRect();
        return { fits: box.right <= panel.right && t.scrollWidth <= t.clientWidth, width: box.width };
      });
      expect(table.fits).toBe(true);
      expect(table.width).toBeGreaterThan(0);
      await app.close();
    }
  });
});
