// Results and the code they came from (#15 item 14): after a paste, a reset to the starter or a restore,
// the results on screen say they are from older code; a run, or restoring exactly the code that ran, clears it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostAndBrowser } from './support';
import { openExercise, readExercisePackage, runVisibleTests, setEditableFile } from './support/exerciseWorkspace';

const e2e = useHostAndBrowser();
const pkg = readExercisePackage('orders-lifecycle');
const FILE = pkg.editable[0];

function older(page: Page): Promise<string | null> {
  return page.getByTestId('results-body').getAttribute('data-older');
}

describe('results from older code', () => {
  it('marks results after paste, reset and restore, in English and Russian', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle');
    const { page } = app;
    expect(await runVisibleTests(page)).toBe('fail'); // run 1: the starter
    expect(await older(page)).toBe('false');
    expect(await page.getByTestId('results-older').count()).toBe(0);

    // Paste the solution: the starter's results are now from older code.
    await setEditableFile(page, FILE, pkg.solution[FILE]);
    await expect.poll(() => older(page)).toBe('true');
    expect(await page.getByTestId('results-older').getAttribute('data-reason')).toBe('edit');
    expect(await page.getByTestId('results-older').textContent()).toContain('older code');

    expect(await runVisibleTests(page)).toBe('pass'); // run 2: the solution
    await expect.poll(() => older(page)).toBe('false');

    // Reset to the starter: the solution's results are from older code.
    await page.getByTestId('reset').click();
    await page.locator('[data-testid="confirm-dialog"][open] [data-testid="confirm-ok"]').click();
    await expect.poll(() => page.getByTestId('results-older').getAttribute('data-reason')).toBe('reset');

    // Restore run 2 (the code the results came from): the mark goes.
    await page.getByTestId('panel-history').click();
    const items = page.getByTestId('history-item');
    await expect.poll(() => items.count()).toBe(2);
    await items.first().getByTestId('history-restore').click(); // the newest run is first
    await page.locator('[data-testid="confirm-dialog"][open] [data-testid="confirm-ok"]').click();
    await page.getByTestId('panel-results').click();
    await expect.poll(() => older(page)).toBe('false');

    // Restore run 1 (the starter): marked, naming the restored run — in Russian.
    await page.getByTestId('language-select').selectOption('ru');
    await page.getByTestId('panel-history').click();
    await items.last().getByTestId('history-restore').click();
    await page.locator('[data-testid="confirm-dialog"][open] [data-testid="confirm-ok"]').click();
    await page.getByTestId('panel-results').click();
    await expect.poll(() => page.getByTestId('results-older').getAttribute('data-reason')).toBe('restore');
    const text = (await page.getByTestId('results-older').textContent()) ?? '';
    expect(text).toContain('прежнем коде');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    await page.getByTestId('language-select').selectOption('en');
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
