// The results panel speaks the UI's language end to end: orders-lifecycle's starter run in Russian
// shows Russian test names (from the suites' ruNames), Russian assertion and given/when/then messages
// and Russian headings (suite titles, not ids), with no English sentence left (code names such as OrderPaid or INVALID_STATE
// may stay); the same run in English shows no Russian.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostAndBrowser } from './support';
import { openExercise, runVisibleTests } from './support/exerciseWorkspace';

const e2e = useHostAndBrowser();

/** Opens every suite and every test's details, then returns what the results panel shows. */
async function everythingShown(page: Page): Promise<string> {
  // Each click changes what the selector matches: always open the first closed one left.
  for (const selector of ['[data-testid="results"] .ex-suite-toggle[aria-expanded="false"]', '[data-testid="test-result"] button[aria-expanded="false"]']) {
    const closed = page.locator(selector);
    while ((await closed.count()) > 0) await closed.first().click();
  }
  return page.getByTestId('results').innerText();
}

/** English words of sentences, once quoted values, JSON and code names are set aside. */
function englishSentenceWords(text: string): string[] {
  const prose = text
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\[[^[\]]*\]/g, ' ')
    .replace(/\S*\/\S*/g, ' ') // file paths: tests/visible/pay.test.ts
    .replace(/\b\w+(?:-\w+)+\b/g, ' ') // ids: given-commands, order-42
    .replace(/\b[\w.]+\([^()]*\)/g, ' ') // calls: pay(), expect(order.status)
    .replace(/\b[A-Z][A-Za-z]*[A-Z]\w*\b|\b[A-Z_]{2,}\b/g, ' '); // OrderPaid, INVALID_STATE
  return [...prose.matchAll(/\b(the|to|be|but|and|with|when|was|is|it|of|an|expected|received|threw|your|records|refuses|order|not|implemented|test|tests|passed|failed|given|events?)\b/gi)].map((m) => m[0]);
}

describe('test results in the student’s language', () => {
  it('in Russian: names, messages and headings of a starter run are Russian', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle', { locale: 'ru-RU' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    expect(await runVisibleTests(page)).toBe('fail');
    const names = await page.locator('[data-testid="test-result"] .ex-test-name').allInnerTexts();
    expect(names).toContain('оплата (pay) > записывает OrderPaid, когда новый заказ оплачен полностью');
    // Suites are headed by their Russian titles from the manifest, never by ids such as given-commands.
    const headings = await page.getByTestId('suite-title').allInnerTexts();
    expect(headings).toContain('Уже написанные команды');
    expect(headings).toContain('Оплата (pay)');
    expect(headings.filter((h) => /[a-z]-[a-z]/.test(h) || !/[а-яё]/i.test(h))).toEqual([]);
    expect(await page.getByTestId('check-suite-title').allInnerTexts()).toContain('Уже написанные команды');
    const text = await everythingShown(page);
    expect(text).toMatch(/ожидалось, что PayOrder запишет OrderPaid/);
    expect(text).toMatch(/ещё не реализовано/);
    expect(englishSentenceWords(text)).toEqual([]);
    if (process.env.SHOTS_DIR) await page.getByTestId('results').screenshot({ path: path.join(process.env.SHOTS_DIR, 'results-ru.png') });
    expect(app.pageErrors).toEqual([]);
    await app.close();
  }, 120_000);

  it('in English: the same run shows no Russian', async () => {
    const app = await openExercise(e2e.browser, e2e.host, 'orders-lifecycle', { locale: 'en-US' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    expect(await runVisibleTests(page)).toBe('fail');
    const names = await page.locator('[data-testid="test-result"] .ex-test-name').allInnerTexts();
    expect(names).toContain('pay > records OrderPaid when a pending order is paid in full');
    expect(await page.getByTestId('suite-title').allInnerTexts()).toContain('The commands already written');
    const text = await everythingShown(page);
    expect(text).toMatch(/expected PayOrder to record OrderPaid/);
    expect(text).toMatch(/not implemented yet/);
    expect(text).not.toMatch(/[а-яё]/i);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  }, 120_000);
});
