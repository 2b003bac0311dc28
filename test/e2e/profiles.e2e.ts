// Student profiles in Chromium against the real web host: a machine with a single-user install's
// progress.sqlite starts on "Who is working?", the earlier work is in the first profile, a second student
// creates their own (and sees none of it), switching back is two clicks from the status bar, and
// "Remove my data from this machine" deletes the profile and brings back the start screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, ROOT, startHost, type RunningHost } from './support';

const SHOTS = process.env.SHOTS_DIR;
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-e2e-profiles-'));
  fs.copyFileSync(path.join(ROOT, 'test/fixtures/progress/old-format-progress.sqlite'), path.join(dataDir, 'progress.sqlite'));
  host = await startHost({ dataDir, profile: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function editableText(page: Page): Promise<string> {
  await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 20_000 });
  return page.evaluate(() => (window as unknown as { __replaygroundEditor: { getModel(): { getValue(): string } } }).__replaygroundEditor.getModel().getValue());
}

describe('profiles on a shared machine', () => {
  it('starts on "who is working?", keeps the earlier work in the first profile, and keeps students apart', async () => {
    const app = await openApp(browser, host, { locale: 'ru-RU', hash: '#/exercises/orders-lifecycle' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    const picker = page.getByTestId('profile-picker');
    await picker.waitFor();
    await expect.poll(() => picker.getByRole('heading', { level: 1 }).textContent()).toBe('Кто работает?');
    expect(await picker.getByTestId('profile-choice').first().textContent()).toContain('Продолжить как Анна Петрова');
    expect(await picker.textContent()).toContain('до появления профилей');
    // Nothing of any profile is on screen before someone picks.
    expect(await page.getByTestId('code-editor').count()).toBe(0);
    await shot(page, 'profiles-picker-ru');

    await picker.getByTestId('profile-choice').first().click();
    expect(await editableText(page)).toContain('my draft from the old version');
    await expect.poll(() => page.getByTestId('profile-menu').textContent()).toContain('Анна Петрова');

    // A second student: status bar → new profile; their workspace starts from the starter.
    await page.getByTestId('profile-menu').click();
    await shot(page, 'profiles-menu-ru');
    await page.getByTestId('profile-menu-new').click();
    await page.getByTestId('profile-popover').getByTestId('profile-name').fill('Борис Орлов');
    await page.getByTestId('profile-popover').getByTestId('profile-student-id').fill('b-17');
    await page.getByTestId('profile-popover').getByTestId('profile-submit').click();
    await expect.poll(() => page.getByTestId('profile-menu').textContent(), { timeout: 20_000 }).toContain('Борис Орлов');
    expect(await editableText(page)).not.toContain('my draft from the old version');

    // The same name twice is refused in the student's language.
    await page.getByTestId('profile-menu').click();
    await page.getByTestId('profile-menu-new').click();
    await page.getByTestId('profile-popover').getByTestId('profile-name').fill('анна петрова');
    await page.getByTestId('profile-popover').getByTestId('profile-submit').click();
    await expect.poll(() => page.getByTestId('profile-popover').getByRole('alert').textContent()).toContain('уже есть');
    await page.keyboard.press('Escape');

    // Two clicks back to the first student.
    await page.getByTestId('profile-menu').click();
    await page.getByTestId('profile-switch').filter({ hasText: 'Анна Петрова' }).click();
    await expect.poll(() => page.getByTestId('profile-menu').textContent(), { timeout: 20_000 }).toContain('Анна Петрова');
    expect(await editableText(page)).toContain('my draft from the old version');
    expect(app.pageErrors).toEqual([]);
    await app.close();
  }, 240_000);

  it('"Remove my data from this machine" deletes the profile and asks who is working again', async () => {
    const app = await openApp(browser, host, { locale: 'en-US', hash: '#/lesson' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByTestId('profile-menu').click();
    await page.getByTestId('profile-switch').filter({ hasText: 'Борис Орлов' }).click();
    await expect.poll(() => page.getByTestId('profile-menu').textContent(), { timeout: 20_000 }).toContain('Борис Орлов');
    const listBefore = await (await fetch(`${host.url}/api/profiles.list`, { method: 'POST', body: '{}' })).json() as { value: { activeId: string } };
    const borisDir = path.join(host.dataDir, 'profiles', listBefore.value.activeId);
    expect(fs.existsSync(borisDir)).toBe(true);

    await page.getByTestId('profile-menu').click();
    await shot(page, 'profiles-menu-en');
    await page.getByTestId('profile-menu-remove').click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/Remove Борис Орлов from this machine\?.*test runs: 0.*cannot be undone/s);
    await shot(page, 'profiles-remove-en');
    await page.getByTestId('profile-remove-confirm').click();
    await page.getByTestId('profile-picker').waitFor({ timeout: 20_000 });
    const names = await page.getByTestId('profile-choice').allTextContents();
    expect(names.join('|')).toContain('Анна Петрова');
    expect(names.join('|')).not.toContain('Борис');
    expect(fs.existsSync(borisDir)).toBe(false);
    await shot(page, 'profiles-picker-en');
    expect(app.pageErrors).toEqual([]);
    await app.close();
  }, 240_000);
});
