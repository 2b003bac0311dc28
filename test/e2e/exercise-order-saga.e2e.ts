// order-saga end to end, in Chromium against the real web host: the workspace opens, the
// reference solution goes into the editor, and every visible test passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startHost, type RunningHost } from './support';
import { openExercise, readExercisePackage, runVisibleTests, setEditableFile } from './support/exerciseWorkspace';

const exercise = readExercisePackage('order-saga');

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('order-saga in the workspace', () => {
  it('the reference solution passes every visible test', async () => {
    const app = await openExercise(browser, host, exercise.id);
    const { page } = app;
    for (const name of exercise.editable) {
      expect(await page.getByTestId(`tab-${name}`).getAttribute('data-readonly')).toBe('false');
      await setEditableFile(page, name, exercise.solution[name]!);
    }
    expect(await runVisibleTests(page)).toBe('pass');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/All \d+ visible tests pass/);
    expect(await page.getByTestId('suite').count()).toBe(4);
    expect(await page.locator('[data-testid="suite"]:not([data-status="pass"])').count()).toBe(0);
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
