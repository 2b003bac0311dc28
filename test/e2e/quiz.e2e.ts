/// <reference lib="dom" />
// The quiz end to end, in both languages: it can be completed (all on one page, and one at a time with
// the keyboard), the engine's score is right for a known set of answers, and the attempt is in the
// history after a reload. Nothing may leave 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, ROOT, useHostAndBrowser } from './support';

const LESSON = '04-event-driven';

interface QuizFile {
  questions: { id?: string; type: 'single' | 'multiple'; points: number; options: { text: string; correct: boolean }[] }[];
}

/** A known set of answers: every third question answered wrongly, the rest exactly right. */
function plan(lang: 'ru' | 'en') {
  const quiz = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/lessons', LESSON, `quiz.${lang}.json`), 'utf8')) as QuizFile;
  const picks = quiz.questions.map((q, i) => {
    const id = q.id ?? `q${i + 1}`;
    const correct = q.options.flatMap((o, j) => (o.correct ? [j] : []));
    const wrong = q.options.findIndex((o) => !o.correct);
    const right = i % 3 !== 0;
    return { id, type: q.type, picks: right ? correct : [wrong], right, points: q.points };
  });
  return {
    picks,
    expectedScore: picks.reduce((s, p) => s + (p.right ? p.points : 0), 0),
    maxScore: picks.reduce((s, p) => s + p.points, 0),
    expectedCorrect: picks.filter((p) => p.right).length,
  };
}

const e2e = useHostAndBrowser({ editorWarmup: false });

async function openQuiz(locale: 'ru-RU' | 'en-US') {
  const app = await openApp(e2e.browser, e2e.host, { locale, hash: '#/quiz' });
  await app.page.getByTestId('quiz-page').waitFor({ timeout: 20_000 });
  return app;
}

function option(page: Page, questionId: string, index: number) {
  return page.locator(`[data-question-id="${questionId}"] label[data-option-index="${index}"]`);
}

describe.each([
  { locale: 'en-US' as const, lang: 'en' as const },
  { locale: 'ru-RU' as const, lang: 'ru' as const },
])('quiz ($lang)', ({ locale, lang }) => {
  it('is completed on one page, scored by the engine, and kept in the history after a reload', async () => {
    const { picks, expectedScore, maxScore, expectedCorrect } = plan(lang);
    const app = await openQuiz(locale);
    const { page } = app;
    const historyBefore = await page.getByTestId('quiz-attempt').count();
    await page.getByTestId('quiz-mode-all').check();
    await page.getByTestId('quiz-start').click();
    expect(await page.getByTestId('quiz-question').count()).toBe(picks.length);
    for (const p of picks) for (const i of p.picks) await option(page, p.id, i).click();
    await page.getByTestId('quiz-submit').click();

    const score = page.getByTestId('quiz-score');
    await score.waitFor();
    expect(Number(await score.getAttribute('data-score'))).toBe(expectedScore);
    expect(Number(await score.getAttribute('data-max'))).toBe(maxScore);
    expect(await score.textContent()).toContain(String(expectedCorrect));
    expect(await page.getByTestId('quiz-topics').locator('tbody tr').count()).toBeGreaterThan(3);
    // The review shows the right options and the explanation for every question.
    expect(await page.getByTestId('quiz-feedback').count()).toBe(picks.length);
    expect(await page.locator('[data-question-id][data-state=correct]').count()).toBe(expectedCorrect);

    await page.reload();
    await page.getByTestId('quiz-page').waitFor();
    await expect.poll(() => page.getByTestId('quiz-attempt').count()).toBe(historyBefore + 1);
    const newest = page.getByTestId('quiz-attempt').first();
    expect(Number(await newest.getAttribute('data-score'))).toBe(expectedScore);
    expect(await newest.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The chosen mode is remembered.
    expect(await page.getByTestId('quiz-mode-all').isChecked()).toBe(true);
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });

  it('is completed one question at a time with the keyboard, showing the answer and explanation after each', async () => {
    const { picks, expectedScore } = plan(lang);
    const app = await openQuiz(locale);
    const { page } = app;
    await page.getByTestId('quiz-mode-one').check();
    await page.getByTestId('quiz-start').focus();
    await page.keyboard.press('Enter');
    for (const [n, p] of picks.entries()) {
      const card = page.locator(`[data-question-id="${p.id}"]`);
      await card.waitFor();
      // The question text has focus; Tab reaches the options, arrows/space choose.
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('quiz-question-text'))).toBe(true);
      for (const i of p.picks) {
        await card.locator(`label[data-option-index="${i}"] input`).focus();
        await page.keyboard.press('Space');
      }
      await page.keyboard.press('Enter'); // check
      await card.getByTestId('quiz-feedback').waitFor();
      expect(await card.getAttribute('data-state')).toBe(p.right ? 'correct' : 'incorrect');
      expect(await card.locator('.quiz-option.mark-right, .quiz-option.mark-missed').count()).toBeGreaterThan(0);
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe(
        n === picks.length - 1 ? 'quiz-finish' : 'quiz-next',
      );
      await page.keyboard.press('Enter'); // next, or finish
    }
    const score = page.getByTestId('quiz-score');
    await score.waitFor();
    expect(Number(await score.getAttribute('data-score'))).toBe(expectedScore);
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  });
});

describe('quiz retake', () => {
  it('shuffles the options again with a new seed', async () => {
    const app = await openQuiz('en-US');
    const { page } = app;
    await page.getByTestId('quiz-mode-all').check();
    await page.getByTestId('quiz-start').click();
    const order = () => page.locator('[data-testid=quiz-question] label[data-option-index]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.optionIndex).join(','));
    const first = await order();
    await page.getByTestId('quiz-submit').click();
    await page.getByTestId('quiz-finish-anyway').click(); // nothing answered: the warning comes first
    await page.getByTestId('quiz-retake').click();
    await page.getByTestId('quiz-submit').waitFor();
    expect(await order()).not.toBe(first);
    await app.close();
  });
});
