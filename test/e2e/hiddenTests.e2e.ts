// The results panel tells the student that grading adds hidden tests, with the count and points from
// the manifest, and names none of them (the hidden suites' names never reach the page).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useHostAndBrowser } from './support';
import { openExercise, runVisibleTests } from './support/exerciseWorkspace';

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
});
