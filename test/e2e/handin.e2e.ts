// Hand in, end to end in Chromium against the real web host: before writing, the dialog shows what
// the file will hold (the exercise, the visible score of the last run, the runs, this profile's quiz
// attempts); the student is asked once; the file lands in the profile's handins folder and the dialog
// shows where, with "Copy path" (no "Show in folder": a browser cannot open folders) and a download.
// A second hand-in is never a silent duplicate: the dialog names the earlier one and writes version 2
// only when asked; a file name that exists is replaced only when the student says so. (That the CLI
// grades such a file to the app's last-run score is proven in test/integration/grading/handIn.test.ts;
// the desktop's native save dialog and "Show in folder" in test/unit/main/wiring.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callHost, useHostAndBrowser } from './support';
import { openExercise, readExercisePackage, runVisibleTests, setEditableFile } from './support/exerciseWorkspace';
import { readSubmissionFile } from '../../electron/engine/grading';

const exercise = readExercisePackage('orders-lifecycle');
const EDITABLE = exercise.editable[0]!;

const e2e = useHostAndBrowser();

async function openDialog(page: Page) {
  await page.getByTestId('handin-button').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.locator('[data-testid="handin-contents"] dl').waitFor();
  return dialog;
}

/** Writes the file from the open dialog; returns the path the dialog shows. */
async function write(page: Page): Promise<string> {
  await page.getByTestId('handin-submit').click();
  await page.getByTestId('handin-saved').waitFor({ timeout: 20_000 });
  return page.getByTestId('handin-path').inputValue();
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('Hand in from the workspace', () => {
  it('shows what the file holds, writes it once, says where, and hands in again only on purpose', async () => {
    await callHost(e2e.host.url, 'quiz.submit', { lessonId: '04-event-driven', lang: 'en', seed: 1, answers: [] });
    const app = await openExercise(e2e.browser, e2e.host, exercise.id);
    const { page } = app;
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.host.url });
    await setEditableFile(page, EDITABLE, exercise.solution[EDITABLE]!);
    expect(await runVisibleTests(page)).toBe('pass');

    // Before writing: what the file will contain, from this profile only.
    const dialog = await openDialog(page);
    const score = (await page.getByTestId('handin-contents-score').textContent()) ?? '';
    const [, points, max] = /^(\d+) of (\d+) points in your last run/.exec(score) ?? [];
    expect(points, score).toBeDefined();
    expect(points).toBe(max);
    expect(await page.getByTestId('handin-contents-runs').textContent()).toMatch(/^1 /);
    expect(await page.getByTestId('handin-contents-quiz').textContent()).toMatch(/^04-event-driven: 0 of \d+, /);
    expect(await page.getByTestId('handin-contents-exercise').textContent()).toBeTruthy();
    expect(await dialog.textContent()).toContain(`${EDITABLE} — `);
    expect(await page.getByTestId('handin-previous').count()).toBe(0);

    // The first time, the name and id are required.
    await page.getByTestId('handin-submit').click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/name and student id/);
    await page.getByTestId('handin-name').fill('Ada Lovelace');
    await page.getByTestId('handin-id').fill('s-42');
    const shown = await write(page);

    // Where it went: the active profile's own handins folder (removed with the profile's data).
    const { activeId } = await callHost<{ activeId: string }>(e2e.host.url, 'profiles.list');
    const handins = path.join(e2e.host.dataDir, 'profiles', activeId, 'handins');
    expect(path.dirname(shown)).toBe(handins);
    expect(path.basename(shown)).toMatch(/^s-42-orders-lifecycle-.+\.replayground\.json$/);
    expect(fs.existsSync(shown)).toBe(true);
    expect(await page.getByTestId('handin-saved-text').textContent()).toBe('Handed in: version 1 is saved.');
    // The browser cannot open a folder: no fake "Show in folder", but the path can be copied.
    expect(await page.getByTestId('handin-show').count()).toBe(0);
    await page.getByTestId('handin-copy').click();
    await expect.poll(() => page.getByTestId('handin-copy-state').textContent(), { timeout: 20_000 }).toBe('Path copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    const download = page.getByTestId('handin-download');
    expect(await download.getAttribute('download')).toBe(path.basename(shown));
    expect(await download.getAttribute('href')).toMatch(/^blob:/);

    const read = readSubmissionFile(shown);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.submission.student).toEqual({ name: 'Ada Lovelace', id: 's-42' });
    expect(read.submission.files).toEqual([{ path: EDITABLE, content: exercise.solution[EDITABLE] }]);
    expect(read.submission.runs).toHaveLength(1);
    expect(read.submission.runs[0]!.points).toBe(Number(points));
    expect(read.submission.quizAttempts).toHaveLength(1);
    await closeDialog(page);

    // A second click: the dialog says it was handed in and where; nothing is written until the
    // student asks for version 2. A change typed just before is handed in (the autosave is flushed).
    const edited = `${exercise.solution[EDITABLE]!}\n// handed in again\n`;
    await page.evaluate((text) => window.__replaygroundEditor!.getModel()!.setValue(text), edited);
    await openDialog(page);
    await expect.poll(() => page.getByTestId('handin-name').inputValue(), { timeout: 20_000 }).toBe('Ada Lovelace');
    expect(await page.getByTestId('handin-id').inputValue()).toBe('s-42');
    const previous = (await page.getByTestId('handin-previous').textContent()) ?? '';
    expect(previous).toContain('version 1');
    expect(previous).toContain(shown);
    expect(previous).toContain('version 2 as a new file');
    expect(await page.getByTestId('handin-submit').textContent()).toBe('Hand in again (version 2)');
    expect(fs.readdirSync(handins)).toHaveLength(1);
    const second = await write(page);
    expect(path.basename(second)).toMatch(/-v2\.replayground\.json$/);
    expect(fs.readdirSync(handins).sort()).toEqual([path.basename(shown), path.basename(second)].sort());
    const again = readSubmissionFile(second);
    expect(again.kind === 'ok' && again.submission.files).toEqual([{ path: EDITABLE, content: edited }]);

    // A chosen file name that exists already is replaced only when the student says so.
    await page.getByTestId('handin-again').click();
    await expect.poll(() => page.getByTestId('handin-submit').textContent(), { timeout: 20_000 }).toBe('Hand in again (version 3)');
    await page.getByTestId('handin-file').fill(path.basename(second));
    await page.getByTestId('handin-submit').click();
    await expect.poll(() => page.getByTestId('handin-exists').textContent(), { timeout: 20_000 }).toContain(second);
    expect(fs.readdirSync(handins)).toHaveLength(2);
    await page.getByTestId('handin-replace').click();
    await page.getByTestId('handin-saved').waitFor();
    expect(await page.getByTestId('handin-saved-text').textContent()).toBe('Handed in: version 3 replaced the file of the same name.');
    expect(await page.getByTestId('handin-path').inputValue()).toBe(second);
    expect(fs.readdirSync(handins)).toHaveLength(2);
    await closeDialog(page);

    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('speaks Russian from the contents to the saved path', async () => {
    const app = await openExercise(e2e.browser, e2e.host, exercise.id, { locale: 'ru-RU' });
    const { page } = app;
    const dialog = await openDialog(page);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Что будет в файле');
    expect(text).toContain('Вы уже сдавали это упражнение');
    expect(await page.getByTestId('handin-submit').textContent()).toBe('Сдать ещё раз (версия 4)');
    // No English sentence in the Russian dialog (paths, file and quiz ids aside).
    const prose = text.replace(/\/[^\s,)]+/g, '').replace(/[\w.-]+\.ts|04-event-driven|Replayground/g, '');
    expect(prose).not.toMatch(/\b(the|and|your|points|version|runs?)\b/i);
    await closeDialog(page);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
