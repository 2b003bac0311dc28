/// <reference lib="dom" />
// README's "Using the app with the keyboard" is true: each thing it tells a keyboard user is done here,
// in Chromium, with the names the README uses (skip link, Alt+1…6 and the page order, the editor's Tab
// modes with Ctrl+M and how to leave the editor, the quiz's finish warning).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callHost, openApp, ROOT, useHostAndBrowser } from './support';
import { codeHasKeyboard, openExercise } from './support/exerciseWorkspace';

const e2e = useHostAndBrowser();

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Using the app with the keyboard'), readme.indexOf('## For instructors'));

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? null);

describe('README keyboard section', () => {
  it('exists and names the keys it documents', () => {
    expect(section.length).toBeGreaterThan(200);
    for (const key of ['Skip to content', 'Alt+1', 'Ctrl+M', 'Shift+Tab', 'Ctrl+Enter', 'Finish the attempt', 'Go to question N']) expect(section).toContain(key);
  });

  it('skip link: the first Tab reaches "Skip to content", Enter focuses the page', async () => {
    const app = await openApp(e2e.browser, e2e.host, { hash: '#/glossary' });
    const { page } = app;
    await page.locator('#main h1').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip-link');
    expect(await page.getByTestId('skip-link').textContent()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('main');
    await app.close();
  });

  it('Alt+1 … Alt+6 open the pages in the order the README lists them', async () => {
    const names = /Alt\+1 … Alt\+6 open ([^.]+)\./.exec(section)![1].split(/, | and /).map((n) => n.trim().toLowerCase());
    expect(names).toHaveLength(6);
    const app = await openApp(e2e.browser, e2e.host, { hash: '#/glossary' });
    const { page } = app;
    await page.locator('#main h1').first().waitFor();
    for (const [i, name] of names.entries()) {
      await page.keyboard.press(`Alt+${i + 1}`);
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/${name}`);
    }
    await app.close();
  });

  it('editor: opens unfocused; arriving by Tab, Tab moves on and Shift+Tab back; a click makes Tab indent; Ctrl+M, then Tab leaves', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle');
    const { page } = app;
    expect(await codeHasKeyboard(page)).toBe(false);
    const code = () => page.evaluate(() => window.__replaygroundEditor!.getModel()!.getValue());
    const before = await code();
    // Arrive by keyboard: Tab from the file tabs into the editor.
    const tabIn = async () => {
      await page.locator('[data-testid^="tab-"][role="tab"]').last().focus();
      for (let i = 0; i < 8 && !(await codeHasKeyboard(page)); i++) await page.keyboard.press('Tab');
      expect(await codeHasKeyboard(page)).toBe(true);
    };
    await tabIn();
    await expect.poll(() => page.getByTestId('tab-mode').getAttribute('data-tab-moves-focus')).toBe('true');
    await page.keyboard.press('Shift+Tab');
    expect(await codeHasKeyboard(page)).toBe(false);
    await tabIn();
    await page.keyboard.press('Tab');
    expect(await codeHasKeyboard(page)).toBe(false);
    expect(await code()).toBe(before);

    await page.locator('[data-testid="code-editor"] .view-lines').click();
    await expect.poll(() => page.getByTestId('tab-mode').getAttribute('data-tab-moves-focus')).toBe('false');
    await page.keyboard.press('Tab');
    expect(await codeHasKeyboard(page)).toBe(true); // Tab indents: still in the editor
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await codeHasKeyboard(page)).toBe(false);
    await app.close();
  });

  it('quiz: "Finish the attempt" warns, and "Go to question N" has focus and takes you there', async () => {
    await callHost(e2e.host.url, 'quiz.draft.clear', { lessonId: '04-event-driven' });
    const app = await openApp(e2e.browser, e2e.host, { hash: '#/quiz/04-event-driven' });
    const { page } = app;
    await page.getByTestId('quiz-mode-one').check();
    await page.getByTestId('quiz-start').click();
    await page.getByRole('button', { name: 'Finish the attempt' }).click();
    await expect.poll(() => focused(page)).toBe('quiz-goto-unanswered');
    expect(await page.getByTestId('quiz-goto-unanswered').textContent()).toBe('Go to question 1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('quiz-question-text'))).toBe(true);
    await app.close();
  });
});
