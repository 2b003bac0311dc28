// Accessibility (#15 item 6): axe-core on every page — and on the states a student reaches (a quiz in
// progress, results after a failing run, each playground view with an order in it) — in both themes
// and both languages, with no serious or critical violation.
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openApp, useHostAndBrowser } from './support';

const e2e = useHostAndBrowser();

interface Visit {
  name: string;
  hash: string;
  /** Brings the page into the state to check; resolves once it is on screen. */
  ready(page: Page): Promise<void>;
}

const h1 = (page: Page) => page.locator('#main h1').first().waitFor({ timeout: 20_000 });
const PLAYGROUND_TABS = ['store', 'broker', 'readModel', 'faults', 'saga', 'bank'];

const VISITS: Visit[] = [
  { name: 'lesson', hash: '#/lesson', ready: async (page) => void (await page.locator('.code-block[data-highlighted="true"]').first().waitFor({ timeout: 20_000 })) },
  { name: 'glossary', hash: '#/glossary', ready: h1 },
  { name: 'quiz', hash: '#/quiz', ready: h1 },
  {
    // With the finish warning open (the attempt is kept between visits, so later ones resume it).
    name: 'quiz in progress',
    hash: '#/quiz',
    ready: async (page) => {
      await page.locator('[data-testid=quiz-start], [data-testid=quiz-resumed]').first().waitFor({ timeout: 20_000 });
      if (await page.getByTestId('quiz-start').count()) await page.getByTestId('quiz-start').click();
      await page.getByTestId('quiz-mode-one').check();
      await page.getByTestId('quiz-finish-now').click();
      await page.getByTestId('quiz-finish-warning').waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'quiz attempt review',
    hash: '#/quiz/04-event-driven',
    ready: async (page) => {
      await page.evaluate(() =>
        fetch('/api/quiz.submit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lessonId: '04-event-driven', lang: 'en', seed: 3, answers: [] }) }),
      );
      await page.reload();
      await page.getByTestId('quiz-attempt-review').first().click();
      await page.getByTestId('quiz-review').waitFor({ timeout: 20_000 });
    },
  },
  { name: 'exercises', hash: '#/exercises', ready: h1 },
  {
    name: 'workspace with results',
    hash: '#/exercises/orders-lifecycle',
    ready: async (page) => {
      await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 20_000 });
      await page.getByTestId('run-tests').click();
      await page.locator('[data-testid="results"][data-running="false"] [data-testid="verdict"]').waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'hand-in dialog',
    hash: '#/exercises/orders-lifecycle',
    ready: async (page) => {
      await page.locator('[data-testid="code-editor"][data-editor-ready="true"]').waitFor({ timeout: 20_000 });
      await page.getByTestId('handin-button').click();
      await page.locator('[data-testid="handin-contents"] dl').waitFor({ timeout: 20_000 });
    },
  },
  { name: 'instructor', hash: '#/instructor', ready: h1 },
];

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const COMBOS = [
  { colorScheme: 'light', locale: 'en-US' },
  { colorScheme: 'dark', locale: 'ru-RU' },
  { colorScheme: 'light', locale: 'ru-RU' },
  { colorScheme: 'dark', locale: 'en-US' },
] as const;

describe('accessibility (axe-core)', () => {
  // One test per page, theme and language, so a slow page (the lesson's highlighted code is thousands of
  // spans for the contrast rule) cannot starve the others on a busy machine.
  for (const visit of VISITS) {
    for (const combo of COMBOS) {
      it(`no serious or critical violations: ${visit.name}, ${combo.colorScheme}, ${combo.locale}`, async () => {
        const app = await openApp(e2e.browser, e2e.host, { ...combo, hash: visit.hash });
        await visit.ready(app.page);
        const found = await seriousViolations(app.page);
        await app.close();
        expect(found).toEqual([]);
      }, 600_000);
    }
  }

  it('no serious or critical violations: the playground with an order, view by view', async () => {
    const found: string[] = [];
    for (const combo of COMBOS) {
      const app = await openApp(e2e.browser, e2e.host, { ...combo, hash: '#/playground' });
      await app.page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
      await app.page.getByTestId('pg-send').click();
      await app.page.getByTestId('pg-outcome').waitFor({ timeout: 20_000 });
      for (const tab of PLAYGROUND_TABS) {
        await app.page.getByTestId(`pg-tab-${tab}`).click();
        await app.page.locator('.pg-view').waitFor();
        for (const v of await seriousViolations(app.page)) found.push(`${combo.colorScheme} ${combo.locale} ${tab}: ${v}`);
      }
      await app.close();
    }
    expect(found).toEqual([]);
  }, 300_000);
});
