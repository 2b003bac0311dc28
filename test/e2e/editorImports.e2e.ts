// Regression (#15 item 9): after switching from one exercise to another in the same window, the
// TypeScript worker must know every file of the new exercise, so its read-only imports resolve.
// Before the fix Monaco synced only the first exercise's files and showed "Cannot find module './checks'".
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostAndBrowser } from './support';
import { openExercise } from './support/exerciseWorkspace';
import { openApp } from './support';

const e2e = useHostAndBrowser();

interface MarkerHook {
  __replaygroundMonaco?: { editor: { getModelMarkers(f: object): { resource: { path: string }; message: string }[] } };
}

/** Diagnostics Monaco shows for the files under /<exercise>/ (not for tests or past runs). */
function markersOf(page: Page, exercise: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      (window as unknown as MarkerHook).__replaygroundMonaco!.editor
        .getModelMarkers({})
        .filter((m) => m.resource.path.startsWith(`/${id}/`))
        .map((m) => `${m.resource.path}: ${m.message}`),
    exercise,
  );
}

describe('editor imports after switching exercises', () => {
  it('resolves the read-only imports of the second exercise opened in the window', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle');
    const { page } = app;
    // The first exercise has been checked by the worker (the starter has unused-parameter hints).
    await expect.poll(() => markersOf(page, 'orders-lifecycle'), { timeout: 20_000 }).not.toEqual([]);
    await page.evaluate(() => (window.location.hash = '#/exercises/product-catalog-cqrs'));
    await page.locator('[data-testid="workspace"][data-exercise="product-catalog-cqrs"]').waitFor();
    await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor();
    await page.getByTestId('tab-ProductCommandHandler.ts').click();
    await page.getByTestId('tab-ProductCatalogReadModel.ts').click();
    // Diagnostics exist for both editable files, and none says a module cannot be found.
    await expect
      .poll(
        async () => {
          const markers = await markersOf(page, 'product-catalog-cqrs');
          const checked = ['ProductCommandHandler.ts', 'ProductCatalogReadModel.ts'].every((f) => markers.some((m) => m.includes(`/${f}:`)));
          return checked ? markers.filter((m) => m.includes('Cannot find module')) : ['not checked yet'];
        },
        { timeout: 20_000 },
      )
      .toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('resolves them when the TypeScript worker was started by the idle-time warm-up before the exercise opened', async () => {
    // The course map first: the app warms the editor and starts the worker with none of the exercise's files.
    const app = await openApp(e2e.browser, e2e.host, { hash: '#/exercises' });
    const { page } = app;
    await page.locator('[data-testid="course-map"][data-ready="true"]').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('rg:warmup:done').length > 0, undefined, { timeout: 60_000 });
    await page.locator('main a[href="#/exercises/product-catalog-cqrs"]').first().click();
    await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor();
    await expect
      .poll(
        async () => {
          const markers = await markersOf(page, 'product-catalog-cqrs');
          return markers.length > 0 ? markers.filter((m) => m.includes('Cannot find module')) : ['not checked yet'];
        },
        { timeout: 20_000 },
      )
      .toEqual([]);
    // The warm-up's throwaway editor and file are gone: one editor, no model of its own left.
    expect(await page.evaluate(() => document.querySelectorAll('.monaco-editor').length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __replaygroundMonaco: { editor: { getModels(): { uri: { path: string } }[] } } }).__replaygroundMonaco.editor.getModels().some((m) => m.uri.path.startsWith('/__replayground/warmup')))).toBe(false);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
