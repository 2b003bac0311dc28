// Keyboard use (#15 item 5): the skip link focuses the page instead of becoming a route, the workspace
// opens with focus outside the editor, Tab in the editor moves on unless the student chose indenting
// (by clicking into the code or with Ctrl+M), and the editor says which it is, in both languages.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useHostAndBrowser } from './support';
import { codeHasKeyboard, openExercise } from './support/exerciseWorkspace';

const e2e = useHostAndBrowser();

function code(page: Page): Promise<string> {
  return page.evaluate(() => window.__replaygroundEditor!.getModel()!.getValue());
}

describe('keyboard', () => {
  it('the skip link moves focus to the page and is not taken for a page name', async () => {
    const app = await openApp(e2e.browser, e2e.host, { hash: '#/quiz' });
    const { page } = app;
    await page.locator('h1').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.evaluate(() => window.location.hash)).toBe('#/quiz');
    expect(await page.locator('.page-missing').count()).toBe(0);
    // A fragment that is not `#/…` (typed or followed) leaves the page as it is.
    await page.evaluate(() => (window.location.hash = '#main'));
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#main');
    expect(await page.locator('.page-missing').count()).toBe(0);
    expect(await page.getByTestId('nav-quiz').getAttribute('aria-current')).toBe('page');
    await app.close();
  });

  it('opens the workspace with focus outside the editor; a Tab from the keyboard never edits the draft', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle');
    const { page } = app;
    expect(await codeHasKeyboard(page)).toBe(false);
    const before = await code(page);
    // Tab+Enter right after opening cannot type into the draft.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await code(page)).toBe(before);

    // Arriving by keyboard: Tab moves on, and the editor says so.
    await page.getByTestId('tab-OrderAggregate.ts').focus();
    await page.locator('[data-testid="code-editor"] textarea').focus();
    expect(await codeHasKeyboard(page)).toBe(true);
    await expect.poll(() => page.getByTestId('tab-mode').getAttribute('data-tab-moves-focus')).toBe('true');
    expect(await page.getByTestId('tab-mode').textContent()).toContain('Ctrl+M');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await codeHasKeyboard(page)).toBe(false);
    expect(await code(page)).toBe(before);

    // A click into the code means typing: Tab indents; Ctrl+M makes it leave again.
    await page.locator('[data-testid="code-editor"] .view-lines').click();
    await expect.poll(() => page.getByTestId('tab-mode').getAttribute('data-tab-moves-focus')).toBe('false');
    await page.keyboard.press('Tab');
    await expect.poll(() => code(page)).not.toBe(before);
    const indented = await code(page);
    await page.keyboard.press('Control+M');
    await expect.poll(() => page.getByTestId('tab-mode').getAttribute('data-tab-moves-focus')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await codeHasKeyboard(page)).toBe(false);
    expect(await code(page)).toBe(indented);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('says what Tab does in Russian too', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle', { locale: 'ru-RU' });
    const text = await app.page.getByTestId('tab-mode').textContent();
    expect(text).toContain('Tab переходит');
    expect(text).not.toMatch(/moves|indent/);
    await app.close();
  });
});
