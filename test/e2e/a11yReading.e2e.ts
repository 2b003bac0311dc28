// Accessibility (#15 item 6), the reading half: axe-core on the lesson, the glossary and the quiz (at
// the start, in progress with the finish warning open, and a past attempt under review), with no
// serious or critical violation in both themes and both languages (the combinations: support/a11y.ts).
import { describe, expect, it } from 'vitest';
import { useHostAndBrowser } from './support';
import { A11Y_COMBOS, checkVisit, comboName, h1, type A11yVisit } from './support/a11y';

const e2e = useHostAndBrowser({ editorWarmup: false });

const VISITS: A11yVisit[] = [
  {
    name: 'lesson',
    hash: '#/lesson',
    ready: async (page) => void (await page.locator('.code-block[data-highlighted="true"]').first().waitFor({ timeout: 20_000 })),
    highlightedCode: true,
  },
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
];

describe('accessibility (axe-core): lesson, glossary, quiz', () => {
  // One test per page and combination, so a slow page cannot starve the others on a busy machine.
  for (const visit of VISITS) {
    for (const combo of A11Y_COMBOS) {
      it(`no serious or critical violations: ${visit.name}, ${comboName(combo)}`, async () => {
        expect(await checkVisit(e2e, visit, combo)).toEqual([]);
      }, 600_000);
    }
  }
});
