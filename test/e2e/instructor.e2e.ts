// The Instructor page end to end: grade the fixture class from a folder path, watch it finish, read
// the summary, open a student's code beside their results; after a reload the grading is on the list of
// past gradings and opens again; nothing leaves 127.0.0.1. (The desktop's native folder dialog behind
// "Choose…" is covered in test/unit/main/wiring.test.ts: a browser has none, so the page offers none.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, useHostAndBrowser } from './support';
import { buildFixtureClass } from '../integration/grading/fixtureClass';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-e2e-grading-'));
const input = path.join(work, 'class');
const outDir = path.join(work, 'reports');
const marker = path.join(work, 'ESCAPED');

const e2e = useHostAndBrowser({ setup: () => buildFixtureClass(input, marker), timeout: 60_000, editorWarmup: false });

describe('Instructor page', () => {
  it('grades the fixture folder and shows the summary', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/instructor' });
    const { page } = app;
    // No grey example that looks like a value: the exercise is a select of real exercises, "All" by default.
    await expect.poll(() => page.getByTestId('grading-exercise').locator('option').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await page.getByTestId('grading-exercise').inputValue()).toBe('');
    expect(await page.getByTestId('grading-exercise').locator('option:checked').textContent()).toBe('All exercises');
    expect(await page.locator('.instructor input[placeholder]').count()).toBe(0);
    expect(await page.getByTestId('grading-input-choose').count()).toBe(0);
    await page.getByTestId('grading-input').fill(input);
    await page.getByTestId('grading-out').fill(outDir);
    await page.getByTestId('grading-start').click();
    await page.getByTestId('grading-summary').waitFor({ timeout: 180_000 });
    await page.screenshot({ path: path.join(work, 'instructor-summary.png'), fullPage: true });

    await expect.poll(() => page.getByTestId('grading-counts').textContent(), { timeout: 20_000 }).toMatch(/20 submissions found · 15 graded · 5 not graded/);
    expect(await page.getByTestId('grading-histogram').locator('rect').count()).toBe(10);
    // The class hands in three exercises: each has its own section with its own chart.
    expect(await page.getByTestId('grading-exercise-section').evaluateAll((els) => els.map((e) => e.getAttribute('data-exercise')))).toEqual([
      'bank-account', 'orders-lifecycle', 'product-catalog-cqrs',
    ]);
    expect(await page.getByTestId('grading-exercise-histogram').count()).toBe(3);
    const ungraded = await page.getByTestId('grading-ungraded').textContent();
    for (const what of ['s07-malformed.replayground.json', 'bad checksum', 'unknown exercise', 'superseded', 'empty']) expect(ungraded).toContain(what);
    expect(await page.getByTestId('grading-outdir').textContent()).toBe(outDir);
    expect(fs.existsSync(path.join(outDir, 'summary.html'))).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'gradebook.csv'))).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'gradebook-wide.csv'))).toBe(true);
    await page.screenshot({ path: path.join(work, 'instructor-summary.png'), fullPage: true });

    // The wide view: one row per student (the malformed file has none), one column per exercise.
    await page.getByTestId('grading-tab-class').click();
    await expect.poll(() => page.getByTestId('grading-wide-row').count(), { timeout: 20_000 }).toBe(14);
    const ada = page.getByTestId('grading-wide-row').filter({ hasText: 's01-correct' });
    expect(await ada.locator('td').count()).toBe(2 + 3 + 1);
    await page.screenshot({ path: path.join(work, 'instructor-class.png'), fullPage: true });

    // Student text is shown as text, never as markup.
    await page.getByTestId('grading-tab-students').click();
    await expect.poll(() => page.getByTestId('grading-student-row').count(), { timeout: 20_000 }).toBe(20);
    expect(await page.locator('main script').count()).toBe(0);
    await expect.poll(() => page.getByTestId('grading-students').textContent(), { timeout: 20_000 }).toContain('<script>alert(1)</script>');

    const row = page.getByTestId('grading-student-row').filter({ hasText: 's02-partial' }).filter({ hasText: 'orders-lifecycle' });
    await row.getByRole('button').click();
    await page.getByTestId('grading-student-detail').waitFor();
    await expect.poll(() => page.getByTestId('grading-student-code').first().textContent(), { timeout: 20_000 }).toContain('class OrderAggregate');
    await page.screenshot({ path: path.join(work, 'instructor-student.png'), fullPage: true });

    expect(fs.existsSync(marker)).toBe(false);
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  }, 240_000);

  it('keeps the grading across a reload: it is on the list of past gradings and opens again', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'en-US', hash: '#/instructor' });
    const { page } = app;
    const rows = page.getByTestId('grading-history-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain(input);
    expect(await rows.first().textContent()).toContain('15 of 20');
    expect(await page.getByTestId('grading-summary').count()).toBe(0);
    await rows.first().getByTestId('grading-history-open').click();
    await page.getByTestId('grading-summary').waitFor();
    await expect.poll(() => page.getByTestId('grading-counts').textContent(), { timeout: 20_000 }).toMatch(/20 submissions found · 15 graded · 5 not graded/);
    expect(await page.getByTestId('grading-outdir').textContent()).toBe(outDir);
    expect(await page.getByTestId('grading-input').inputValue()).toBe(input);
    // A student's code comes back from the graded folder.
    await page.getByTestId('grading-tab-students').click();
    const row = page.getByTestId('grading-student-row').filter({ hasText: 's02-partial' }).filter({ hasText: 'orders-lifecycle' });
    await row.getByRole('button').click();
    await expect.poll(() => page.getByTestId('grading-student-code').first().textContent(), { timeout: 20_000 }).toContain('class OrderAggregate');

    // On a 1024×700 projector the wide tables scroll in their own box; the page never scrolls sideways.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: '← All students' }).click();
    for (const tab of ['summary', 'class', 'students'] as const) {
      await page.getByTestId(`grading-tab-${tab}`).click();
      const overflow = await page.evaluate(() => {
        const main = document.getElementById('main')!;
        return [document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth, main.scrollWidth - main.clientWidth];
      });
      expect(overflow, tab).toEqual([0, 0]);
    }
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('shows the page in Russian, past gradings included', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'ru-RU', hash: '#/instructor' });
    const { page } = app;
    await expect.poll(() => page.locator('main h1').textContent(), { timeout: 20_000 }).toBe('Проверка работ');
    await expect.poll(() => page.getByTestId('grading-start').textContent(), { timeout: 20_000 }).toBe('Проверить');
    expect(await page.getByTestId('grading-exercise').locator('option:checked').textContent()).toBe('Все упражнения');
    await page.getByTestId('grading-history-row').first().waitFor();
    expect(await page.getByTestId('grading-history').textContent()).toContain('Прошлые проверки на этом компьютере (1)');
    // The past grading (run from the English page) opens worded in Russian: statuses, notes, titles.
    await page.getByTestId('grading-history-open').first().click();
    await page.getByTestId('grading-summary').waitFor();
    const summary = (await page.getByTestId('grading-summary').textContent()) ?? '';
    expect(summary).toContain('Жизненный цикл заказа');
    expect(summary).toContain('заменена более новой');
    for (const english of ['superseded by', 'checksum does not match', 'graded against', 'no exercise', 'not graded']) expect(summary).not.toContain(english);
    await page.getByTestId('grading-tab-students').click();
    const students = (await page.getByTestId('grading-students').textContent()) ?? '';
    expect(students).toContain('самая новая из');
    expect(students).not.toContain('newest of');
    // A folder that is not there: said in Russian, naming the path.
    await page.getByTestId('grading-input').fill('/no/such/folder');
    await page.getByTestId('grading-start').click();
    await expect.poll(() => page.locator('.grading-error[role="alert"]').textContent(), { timeout: 20_000 }).toContain('По пути /no/such/folder нет ни файла, ни папки');
    await app.close();
  });
});
