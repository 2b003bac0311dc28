// Hand in, end to end in Chromium against the real web host: the reference solution passes, "Hand in"
// asks for the student once, writes a valid submission file into the data folder holding that code and
// that run, shows where, and offers the same JSON as a download. (That the CLI grades such a file to the
// app's last-run score is proven in test/integration/grading/handIn.test.ts.)
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

/** Opens the dialog, fills what is given, writes the file; returns the path the dialog shows. */
async function handIn(page: Page, fill: { name?: string; id?: string; fileName?: string } = {}): Promise<string> {
  await page.getByTestId('handin-button').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill.name !== undefined) await page.getByTestId('handin-name').fill(fill.name);
  if (fill.id !== undefined) await page.getByTestId('handin-id').fill(fill.id);
  if (fill.fileName !== undefined) await dialog.getByLabel('File name (optional)').fill(fill.fileName);
  await page.getByTestId('handin-submit').click();
  const saved = page.getByTestId('handin-saved');
  await saved.waitFor({ timeout: 20_000 });
  const text = (await saved.textContent()) ?? '';
  const match = /Saved to (.+?\.replayground\.json)/.exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
}

async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('Hand in from the workspace', () => {
  it('writes the passing solution and its run into the data folder, once the student is known', async () => {
    const app = await openExercise(e2e.browser, e2e.host, exercise.id);
    const { page } = app;
    await setEditableFile(page, EDITABLE, exercise.solution[EDITABLE]!);
    expect(await runVisibleTests(page)).toBe('pass');

    // The first time, the name and id are required.
    await page.getByTestId('handin-button').click();
    await page.getByTestId('handin-submit').click();
    await expect.poll(() => page.getByRole('dialog').getByRole('alert').textContent()).toMatch(/name and student id/);
    await closeDialog(page);

    const shown = await handIn(page, { name: 'Ada Lovelace', id: 's-42' });
    // The file goes into the active profile's own folder (removed with the profile's data).
    const { activeId } = await callHost<{ activeId: string }>(e2e.host.url, 'profiles.list');
    const handins = path.join(e2e.host.dataDir, 'profiles', activeId, 'handins');
    expect(path.dirname(shown)).toBe(handins);
    expect(path.basename(shown)).toMatch(/^s-42-orders-lifecycle-.+\.replayground\.json$/);
    expect(fs.existsSync(shown)).toBe(true);
    // The web host cannot show a save dialog: the same JSON is offered as a download.
    const download = page.getByTestId('handin-download');
    expect(await download.getAttribute('download')).toBe(path.basename(shown));
    expect(await download.getAttribute('href')).toMatch(/^blob:/);

    const read = readSubmissionFile(shown);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    const s = read.submission;
    expect(s.student).toEqual({ name: 'Ada Lovelace', id: 's-42' });
    expect(s.exercise.id).toBe(exercise.id);
    expect(s.files).toEqual([{ path: EDITABLE, content: exercise.solution[EDITABLE] }]);
    // The app's last run is in the file: every visible point earned.
    const last = s.runs.at(-1)!;
    expect(last.points).toBeGreaterThan(0);
    expect(last.points).toBe(last.maxPoints);
    await closeDialog(page);

    // Asked once: the next hand-in is prefilled. A change typed just before is handed in too (the
    // pending autosave is flushed first).
    const edited = `${exercise.solution[EDITABLE]!}\n// handed in again\n`;
    await page.evaluate((text) => window.__replaygroundEditor!.getModel()!.setValue(text), edited);
    await page.getByTestId('handin-button').click();
    await expect.poll(() => page.getByTestId('handin-name').inputValue()).toBe('Ada Lovelace');
    expect(await page.getByTestId('handin-id').inputValue()).toBe('s-42');
    await closeDialog(page);
    const second = await handIn(page, { fileName: 'second-try' });
    expect(path.dirname(second)).toBe(handins);
    const again = readSubmissionFile(second);
    expect(again.kind).toBe('ok');
    if (again.kind === 'ok') expect(again.submission.files).toEqual([{ path: EDITABLE, content: edited }]);

    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
