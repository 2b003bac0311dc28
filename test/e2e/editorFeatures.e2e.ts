// The code editor keeps the features a student uses now that it loads only part of Monaco
// (renderer/src/features/exercises/editor/monacoFeatures.ts): find, comment toggling, the right-click
// menu, folding, go to definition; its own texts are Russian in a Russian window; TypeScript sees the
// sandbox's globals and not a browser's; and the parts left out (inline completions, font zoom, linked
// editing) are not in any script the page loads.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostAndBrowser } from './support';
import { openExercise } from './support/exerciseWorkspace';

const e2e = useHostAndBrowser();

const code = (page: Page) => page.evaluate(() => window.__replaygroundEditor!.getModel()!.getValue());

/** TypeScript's markers on the editable file (owner "typescript"), as "line: message". */
function tsMarkers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const m = window.__replaygroundMonaco!;
    const uri = window.__replaygroundEditor!.getModel()!.uri;
    return m.editor.getModelMarkers({ resource: uri, owner: 'typescript' }).map((x) => `${x.startLineNumber}: ${x.message}`);
  });
}

describe('the code editor’s features', () => {
  it('find, comment toggling, the right-click menu and folding work in the editable file', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle');
    const { page } = app;
    await page.getByTestId('tab-OrderAggregate.ts').click();
    await page.locator('[data-testid="code-editor"][data-file="OrderAggregate.ts"] .view-lines').click();

    await page.keyboard.press('Control+F');
    await page.locator('.find-widget.visible').waitFor();
    await page.keyboard.type('class');
    await expect.poll(() => page.locator('.find-widget .matchesCount').textContent()).toMatch(/\d+ of \d+/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.find-widget.visible').count()).toBe(0);

    const before = await code(page);
    // A line of code (not a comment): Ctrl+/ comments it out, and again brings it back.
    const codeLine = before.split('\n').findIndex((l) => /^export /.test(l)) + 1;
    await page.evaluate((line) => window.__replaygroundEditor!.setPosition({ lineNumber: line, column: 1 }), codeLine);
    await page.keyboard.press('Control+/');
    await expect.poll(async () => (await code(page)).split('\n')[codeLine - 1]).toMatch(/^\/\/ export /);
    await page.keyboard.press('Control+/');
    await expect.poll(() => code(page)).toBe(before);

    await page.locator('[data-testid="code-editor"] .view-lines').click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const items = (await menu.locator('.action-label').allTextContents()).join(' | ');
    for (const item of ['Go to Definition', 'Rename Symbol', 'Format Document', 'Cut', 'Copy', 'Command Palette']) expect(items).toContain(item);
    await page.keyboard.press('Escape');

    // Folding: the class body has a folding control, and folding it hides its lines.
    const lines = await page.evaluate(() => window.__replaygroundEditor!.getModel()!.getLineCount());
    await page.evaluate(() => window.__replaygroundEditor!.trigger('test', 'editor.foldAll', {}));
    await expect.poll(() => page.locator('[data-testid="code-editor"] .codicon-folding-collapsed, [data-testid="code-editor"] .codicon-folding-manual-collapsed').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="code-editor"] .view-line').count()).toBeLessThan(lines);
    await page.evaluate(() => window.__replaygroundEditor!.trigger('test', 'editor.unfoldAll', {}));
    expect(await code(page)).toBe(before);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('TypeScript knows the sandbox’s console and timers, marks a browser’s globals, and goes to a definition', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle');
    const { page } = app;
    await page.getByTestId('tab-OrderAggregate.ts').click();
    await page.locator('[data-testid="code-editor"][data-file="OrderAggregate.ts"]').waitFor();
    const starter = await code(page);
    const probe = [
      "console.log('probe', crypto.randomUUID(), structuredClone([1]));",
      'clearTimeout(setTimeout(() => undefined, 1));',
      'export const title = document.title;',
      'function probeTarget(): number { return 1; }',
      'export const probed = probeTarget();',
    ];
    await page.evaluate((text) => window.__replaygroundEditor!.getModel()!.setValue(text), `${starter}\n${probe.join('\n')}\n`);
    const base = starter.split('\n').length;
    const probeMarkers = async () => (await tsMarkers(page)).filter((m) => Number(m.split(':')[0]) > base);
    await expect.poll(probeMarkers, { timeout: 30_000, interval: 500 }).toEqual([expect.stringMatching(new RegExp(`^${base + 3}: Cannot find name 'document'`))]);

    // Go to definition (F12) within the file: the cursor lands on the function's declaration.
    await page.evaluate((line) => {
      const ed = window.__replaygroundEditor!;
      ed.focus();
      ed.setPosition({ lineNumber: line, column: 'export const probed = '.length + 3 });
    }, base + 5);
    await page.keyboard.press('F12');
    await expect.poll(() => page.evaluate(() => window.__replaygroundEditor!.getPosition()!.lineNumber)).toBe(base + 4);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('speaks Russian in a Russian window: the right-click menu and the find widget', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle', { locale: 'ru-RU' });
    const { page } = app;
    await page.getByTestId('tab-OrderAggregate.ts').click();
    await page.locator('[data-testid="code-editor"][data-file="OrderAggregate.ts"] .view-lines').click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const items = (await menu.locator('.action-label').allTextContents()).filter((t) => t.trim());
    for (const item of ['Перейти к определению', 'Вырезать', 'Вставить', 'Палитра команд']) expect(items.join(' | ')).toContain(item);
    expect(items.filter((t) => /[A-Za-z]{3,}/.test(t) && !/[А-Яа-яЁё]/.test(t))).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+F');
    await page.locator('.find-widget.visible').waitFor();
    const placeholder = (await page.locator('.find-widget .find-part textarea').first().getAttribute('placeholder')) ?? '';
    expect(placeholder).toMatch(/[А-Яа-яЁё]/);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('loads none of the Monaco parts the app leaves out', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle');
    const { page } = app;
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((u) => /\.js$/.test(new URL(u).pathname)));
    expect(scripts.some((u) => u.includes('editor.api'))).toBe(true);
    // Command ids that only the left-out contributions carry: inline completions, font zoom, linked editing.
    const leftOut = ['editor.action.inlineSuggest.commit', 'editor.action.fontZoomIn', 'editor.action.linkedEditing'];
    for (const url of scripts) {
      const text = await (await page.request.get(url)).text();
      for (const id of leftOut) expect(text.includes(id), `${id} in ${url}`).toBe(false);
    }
    await app.close();
  });
});
