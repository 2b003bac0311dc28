// The desktop app's side of hand-in and grading, in Chromium: the page runs with a stand-in for the
// Electron preload (window.replayground) that passes every call to the real engine over HTTP and records
// the three desktop.* calls, answering them as the native dialogs would. So this checks what the pages do
// with the native dialogs — "Choose where to save…" writes to the chosen file (a USB stick), "Show in
// folder" asks for exactly the saved file, "Choose…" fills a folder field — while the Electron half
// (dialog.showSaveDialog/showOpenDialog, shell.showItemInFolder) is checked in test/unit/main/wiring.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostAndBrowser } from './support';
import { readSubmissionFile } from '../../electron/engine/grading';

const e2e = useHostAndBrowser();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-e2e-desktop-'));

interface DesktopCall {
  name: string;
  input: Record<string, unknown>;
}

declare global {
  interface Window {
    __desktopCalls: DesktopCall[];
    __desktopAnswer: string | null;
    /** The Electron preload's surface (renderer/src/bridge/types.ts PreloadApi). */
    replayground?: { invoke(name: string, input: unknown): Promise<unknown>; subscribe(topic: string, cb: (payload: unknown) => void): () => void };
  }
}

/** A page whose bridge is "Electron": IPC-shaped calls to the real engine, desktop.* answered and recorded. */
async function openDesktopPage(hash: string, locale: 'en-US' | 'ru-RU' = 'en-US'): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await e2e.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__desktopCalls = [];
    window.__desktopAnswer = null;
    window.replayground = {
      async invoke(name: string, input: unknown) {
        if (name.startsWith('desktop.')) {
          window.__desktopCalls.push({ name, input: input as Record<string, unknown> });
          return { ok: true, value: name === 'desktop.showInFolder' ? { ok: true } : { path: window.__desktopAnswer } };
        }
        const res = await fetch(`/api/${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) });
        return res.json();
      },
      subscribe: () => () => undefined,
    };
  });
  const page = await context.newPage();
  await page.goto(`${e2e.host.url}/${hash}`);
  return { page, close: () => context.close() };
}

const calls = (page: Page) => page.evaluate(() => window.__desktopCalls);

describe('native dialogs in the desktop app', () => {
  it('hands in to the file chosen in the save dialog and shows exactly that file in its folder', async () => {
    const { page, close } = await openDesktopPage('#/exercises/orders-lifecycle');
    await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('handin-button').click();
    await page.locator('[data-testid="handin-contents"] dl').waitFor();
    // The desktop dialog offers the native save dialog instead of typed folder and file name.
    expect(await page.getByTestId('handin-folder').count()).toBe(0);
    expect(await page.getByTestId('handin-target').textContent()).toMatch(/handins\/.+orders-lifecycle-.+\.replayground\.json$/);
    await page.getByTestId('handin-name').fill('Ada Lovelace');
    await page.getByTestId('handin-id').fill('s-42');

    const usb = path.join(work, 'USB-STICK', 'ada.replayground.json');
    await page.evaluate((p) => void (window.__desktopAnswer = p), usb);
    await page.getByTestId('handin-choose').click();
    await expect.poll(() => page.getByTestId('handin-target').textContent(), { timeout: 20_000 }).toBe(usb);
    const [save] = await calls(page);
    expect(save!.name).toBe('desktop.chooseSaveFile');
    expect(save!.input).toMatchObject({ title: 'Save the submission file', extensions: ['json'] });
    expect(String(save!.input.defaultPath)).toMatch(/handins\/s-42-orders-lifecycle-.+\.replayground\.json$/);

    await page.getByTestId('handin-submit').click();
    await page.getByTestId('handin-saved').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('handin-path').inputValue()).toBe(usb);
    expect(readSubmissionFile(usb).kind).toBe('ok');
    // No download link in the desktop app: the file is where the student chose.
    expect(await page.getByTestId('handin-download').count()).toBe(0);
    await page.getByTestId('handin-show').click();
    await expect.poll(async () => (await calls(page)).at(-1), { timeout: 20_000 }).toEqual({ name: 'desktop.showInFolder', input: { path: usb } });

    // Cancelling the save dialog keeps the default place.
    await page.getByTestId('handin-again').click();
    await page.evaluate(() => void (window.__desktopAnswer = null));
    await page.getByTestId('handin-choose').click();
    await expect.poll(async () => (await calls(page)).length, { timeout: 20_000 }).toBe(3);
    expect(await page.getByTestId('handin-target').textContent()).toMatch(/handins\/.+-v2\.replayground\.json$/);
    await close();
  });

  it('fills a folder field of the Instructor page from the folder dialog, titled with the field’s label', async () => {
    const { page, close } = await openDesktopPage('#/instructor', 'ru-RU');
    await page.getByTestId('grading-input-choose').waitFor();
    const folder = path.join(work, 'class-3b');
    await page.evaluate((p) => void (window.__desktopAnswer = p), folder);
    await page.getByTestId('grading-input-choose').click();
    await expect.poll(() => page.getByTestId('grading-input').inputValue(), { timeout: 20_000 }).toBe(folder);
    expect(await calls(page)).toEqual([{ name: 'desktop.chooseFolder', input: { title: 'Папка с работами' } }]);
    // The typed path stays editable, and the dialog starts from it.
    await page.getByTestId('grading-out').fill('/tmp/отчёты');
    await page.evaluate(() => void (window.__desktopAnswer = null));
    await page.getByTestId('grading-out-choose').click();
    await expect.poll(async () => (await calls(page)).at(-1), { timeout: 20_000 }).toEqual({ name: 'desktop.chooseFolder', input: { title: 'Папка для отчётов (необязательно)', defaultPath: '/tmp/отчёты' } });
    expect(await page.getByTestId('grading-out').inputValue()).toBe('/tmp/отчёты');
    await close();
  });
});
