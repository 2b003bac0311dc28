// The results panel tells the student that grading adds hidden tests, with the count and points from
// the manifest, and names none of them (the hidden suites' names never reach the page).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useHostAndBrowser } from './support';
import { openExercise, readExercisePackage, runVisibleTests, setEditableFile } from './support/exerciseWorkspace';

const e2e = useHostAndBrowser();
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'exercises/orders-lifecycle/exercise.json'), 'utf8')) as {
  hiddenTests: { count: number; points: number };
  suites: { id: string; visibility: string }[];
};

describe('hidden tests are no surprise', () => {
  it('says how many hidden tests and points the instructor adds, in Russian, without naming them', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle', { locale: 'ru-RU' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await runVisibleTests(page);
    const note = page.getByTestId('hidden-tests-note');
    const text = (await note.textContent()) ?? '';
    const visibleMax = Number(await page.getByTestId('results').getAttribute('data-max-points'));
    expect(text).toContain(`скрытые тесты: ${manifest.hiddenTests.count} шт., ${manifest.hiddenTests.points} б.`);
    expect(text).toContain(`максимум — ${visibleMax + manifest.hiddenTests.points} б.`);
    const page_ = (await page.locator('body').textContent()) ?? '';
    for (const hidden of manifest.suites.filter((s) => s.visibility === 'hidden')) expect(page_).not.toContain(hidden.id);
    if (process.env.SHOTS_DIR) {
      await note.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(process.env.SHOTS_DIR, 'hidden-note-ru.png') });
    }
    expect(app.pageErrors).toEqual([]);
    await app.close();
  }, 120_000);

  it('keeps the gradebook total when the code does not build (no test ran, so the run itself has no maximum)', async () => {
    const exercise = readExercisePackage('orders-lifecycle');
    const editable = exercise.editable[0]!;
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle', { locale: 'en-US' });
    const { page } = app;
    await setEditableFile(page, editable, exercise.solution[editable]!);
    expect(await runVisibleTests(page)).toBe('pass');
    const visibleMax = Number(await page.getByTestId('results').getAttribute('data-max-points'));
    expect(visibleMax).toBeGreaterThan(0);
    const total = `gradebook counts out of ${visibleMax + manifest.hiddenTests.points}.`;
    expect(await page.getByTestId('hidden-tests-note').textContent()).toContain(total);
    await setEditableFile(page, editable, exercise.solution[editable]!.replace('pay(', 'pay(('));
    expect(await runVisibleTests(page)).toBe('error');
    expect(await page.getByTestId('hidden-tests-note').textContent()).toContain(total);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  }, 120_000);
});
