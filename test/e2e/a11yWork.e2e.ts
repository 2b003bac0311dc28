// Accessibility (#15 item 6), the working half: axe-core on the course map, the exercise workspace
// after a failing run, the hand-in dialog, the Instructor page and each playground view with an order
// in it, with no serious or critical violation in both themes and both languages (the combinations:
// support/a11y.ts).
import { describe, expect, it } from 'vitest';
import { openApp, useHostAndBrowser } from './support';
import { A11Y_COMBOS, checkVisit, comboName, h1, seriousViolations, type A11yVisit } from './support/a11y';

const e2e = useHostAndBrowser();

const PLAYGROUND_TABS = ['store', 'broker', 'readModel', 'faults', 'saga', 'bank'];

const VISITS: A11yVisit[] = [
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

describe('accessibility (axe-core): exercises, hand-in, instructor, playground', () => {
  for (const visit of VISITS) {
    for (const combo of A11Y_COMBOS) {
      it(`no serious or critical violations: ${visit.name}, ${comboName(combo)}`, async () => {
        expect(await checkVisit(e2e, visit, combo)).toEqual([]);
      }, 600_000);
    }
  }

  it('no serious or critical violations: the playground with an order, view by view', async () => {
    const found: string[] = [];
    for (const combo of A11Y_COMBOS) {
      const app = await openApp(e2e.browser, e2e.host, { colorScheme: combo.colorScheme, locale: combo.locale, hash: '#/playground' });
      await app.page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
      await app.page.getByTestId('pg-send').click();
      await app.page.getByTestId('pg-outcome').waitFor({ timeout: 20_000 });
      for (const tab of PLAYGROUND_TABS) {
        await app.page.getByTestId(`pg-tab-${tab}`).click();
        await app.page.locator('.pg-view').waitFor();
        for (const v of await seriousViolations(app.page)) found.push(`${comboName(combo)} ${tab}: ${v}`);
      }
      await app.close();
    }
    expect(found).toEqual([]);
  }, 300_000);
});
