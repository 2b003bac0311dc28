/// <reference lib="dom" />
// The quiz attempt as a class lives it, in both languages: finishing with unanswered questions warns
// first (how many, which, a way to the first of them); an attempt in progress survives a reload and a
// restart of the app (kept in the profile's progress database, not the browser); a past attempt opens
// for review question by question; the mode can be switched mid-attempt, keeping every answer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callHost, launchBrowser, openApp, ROOT, startHost, useHostAndBrowser, type RunningHost } from './support';
import type { Browser } from 'playwright-core';

const LESSON = '04-event-driven';

interface QuizFile {
  questions: { id?: string; type: 'single' | 'multiple'; options: { text: string; correct: boolean }[]; explanation: string }[];
}

function questions(lang: 'ru' | 'en') {
  const quiz = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/lessons', LESSON, `quiz.${lang}.json`), 'utf8')) as QuizFile;
  return quiz.questions.map((q, i) => ({
    id: q.id ?? `q${i + 1}`,
    correct: q.options.flatMap((o, j) => (o.correct ? [j] : [])),
    wrong: q.options.findIndex((o) => !o.correct),
    explanation: q.explanation,
  }));
}

const e2e = useHostAndBrowser({ editorWarmup: false });

async function openQuiz(browser: Browser, host: RunningHost, locale: 'ru-RU' | 'en-US') {
  const app = await openApp(browser, host, { locale, hash: `#/quiz/${LESSON}` });
  await app.page.getByTestId('quiz-page').waitFor({ timeout: 20_000 });
  return app;
}

function option(page: Page, questionId: string, index: number) {
  return page.locator(`[data-question-id="${questionId}"] label[data-option-index="${index}"]`);
}

const focusedQuestion = (page: Page) =>
  page.evaluate(() => (document.activeElement?.closest('[data-question-id]') as HTMLElement | null)?.dataset.questionId ?? null);

/** Each test starts without an attempt in progress (the tests share one profile). */
async function noDraft(host: RunningHost) {
  await callHost(host.url, 'quiz.draft.clear', { lessonId: LESSON });
}

/** A fresh attempt in the given mode: no draft left by another test, the quiz open, the mode picked, started. */
async function startAttempt(locale: 'ru-RU' | 'en-US', mode: 'all' | 'one') {
  await noDraft(e2e.host);
  const app = await openQuiz(e2e.browser, e2e.host, locale);
  await app.page.getByTestId(`quiz-mode-${mode}`).check();
  await app.page.getByTestId('quiz-start').click();
  return app;
}

describe.each([
  { locale: 'en-US' as const, lang: 'en' as const },
  { locale: 'ru-RU' as const, lang: 'ru' as const },
])('quiz attempt ($lang)', ({ locale, lang }) => {
  it('warns before finishing with unanswered questions, says which, and goes to the first of them', async () => {
    const qs = questions(lang);
    const app = await startAttempt(locale, 'all');
    const { page } = app;
    // Answer questions 1, 2 and 4; leave 3 and the rest.
    for (const n of [0, 1, 3]) await option(page, qs[n].id, qs[n].correct[0]).click();
    await page.getByTestId('quiz-submit').click();

    const warning = page.getByTestId('quiz-finish-warning');
    await warning.waitFor();
    expect(Number(await warning.getAttribute('data-count'))).toBe(qs.length - 3);
    expect(await warning.textContent()).toContain(lang === 'ru' ? 'Без ответа' : 'no answer');
    expect(await warning.textContent()).toMatch(/\b3, 5, 6\b/);
    expect(await page.getByTestId('quiz-score').count()).toBe(0); // nothing was submitted
    await page.getByTestId('quiz-goto-unanswered').click();
    await expect.poll(() => focusedQuestion(page)).toBe(qs[2].id);
    expect(await warning.count()).toBe(0);

    // Answering changes the count the next time; "finish anyway" submits with zeros for the rest.
    await option(page, qs[2].id, qs[2].correct[0]).click();
    await page.getByTestId('quiz-submit').click();
    expect(Number(await warning.getAttribute('data-count'))).toBe(qs.length - 4);
    await page.getByTestId('quiz-finish-anyway').click();
    const score = page.getByTestId('quiz-score');
    await score.waitFor();
    expect(await page.locator('[data-question-id][data-state=correct]').count()).toBeLessThanOrEqual(4);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('warns in one-at-a-time mode too: "Finish the attempt" at any point, then the first unanswered question is shown', async () => {
    const qs = questions(lang);
    const app = await startAttempt(locale, 'one');
    const { page } = app;
    await option(page, qs[0].id, qs[0].correct[0]).click();
    await page.getByTestId('quiz-check').click();
    await page.getByTestId('quiz-next').click();
    await page.getByTestId('quiz-finish-now').click();
    const warning = page.getByTestId('quiz-finish-warning');
    expect(Number(await warning.getAttribute('data-count'))).toBe(qs.length - 1);
    await page.getByTestId('quiz-goto-unanswered').click();
    await page.locator(`[data-question-id="${qs[1].id}"]`).waitFor();
    await expect.poll(() => focusedQuestion(page)).toBe(qs[1].id);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('keeps the attempt in progress through a reload: picks, checked answers with their feedback, mode and question', async () => {
    const qs = questions(lang);
    const app = await startAttempt(locale, 'one');
    const { page } = app;
    await option(page, qs[0].id, qs[0].wrong).click();
    await page.getByTestId('quiz-check').click();
    await page.getByTestId('quiz-feedback').waitFor();
    await page.getByTestId('quiz-next').click();
    await option(page, qs[1].id, qs[1].correct[0]).click();
    await expect.poll(async () => (await callHost<{ draft: { answers: unknown[] } | null }>(e2e.host.url, 'quiz.draft.get', { lessonId: LESSON })).draft?.answers.length).toBe(2);

    await page.reload();
    await page.getByTestId('quiz-resumed').waitFor();
    // Back on question 2, its pick kept and still open.
    const second = page.locator(`[data-question-id="${qs[1].id}"]`);
    await second.waitFor();
    expect(await second.locator(`label[data-option-index="${qs[1].correct[0]}"] input`).isChecked()).toBe(true);
    expect(await second.getAttribute('data-state')).toBe('open');
    // Question 1 is still checked: locked, with the verdict and the explanation.
    await page.getByRole('button', { name: lang === 'ru' ? 'К вопросу 1' : 'Go to question 1', exact: true }).click();
    const first = page.locator(`[data-question-id="${qs[0].id}"]`);
    expect(await first.getAttribute('data-state')).toBe('incorrect');
    expect(await first.locator('input').first().isDisabled()).toBe(true);
    expect(await first.getByTestId('quiz-feedback').textContent()).toContain(qs[0].explanation.slice(0, 20));
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('switches the mode mid-attempt keeping every answer, and says what a switch keeps', async () => {
    const qs = questions(lang);
    const app = await startAttempt(locale, 'one');
    const { page } = app;
    await option(page, qs[0].id, qs[0].correct[0]).click();
    await page.getByTestId('quiz-check').click();
    await page.getByTestId('quiz-next').click();
    await option(page, qs[1].id, qs[1].wrong).click();
    expect(await page.locator('#quiz-mode-note').textContent()).toMatch(lang === 'ru' ? /ответы сохраняются/ : /keeps your answers/);

    await page.getByTestId('quiz-mode-all').check();
    expect(await page.getByTestId('quiz-question').count()).toBe(qs.length);
    const first = page.locator(`[data-question-id="${qs[0].id}"]`);
    expect(await first.getAttribute('data-state')).toBe('correct');
    expect(await first.locator('input').first().isDisabled()).toBe(true);
    expect(await option(page, qs[1].id, qs[1].wrong).locator('input').isChecked()).toBe(true);
    // Back to one at a time: the first unanswered question (3) is shown.
    await option(page, qs[3].id, qs[3].correct[0]).click();
    await page.getByTestId('quiz-mode-one').check();
    await page.locator(`[data-question-id="${qs[2].id}"]`).waitFor();
    expect(await page.getByTestId('quiz-question').count()).toBe(1);
    // The switch is part of the saved attempt (saved in the background: wait for it, then reload).
    await expect
      .poll(async () => {
        const { draft } = await callHost<{ draft: { mode: string; answers: unknown[] } | null }>(e2e.host.url, 'quiz.draft.get', { lessonId: LESSON });
        return draft ? `${draft.mode} ${draft.answers.length}` : null;
      })
      .toBe('one 3');
    await page.reload();
    await page.getByTestId('quiz-resumed').waitFor();
    expect(await page.getByTestId('quiz-mode-one').isChecked()).toBe(true);
    await page.getByTestId('quiz-mode-all').check();
    expect(await option(page, qs[3].id, qs[3].correct[0]).locator('input').isChecked()).toBe(true);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('opens a past attempt for review: each question with the picks, the correct options and why', async () => {
    const qs = questions(lang);
    const app = await startAttempt(locale, 'all');
    const { page } = app;
    // Right on even questions, wrong on odd ones.
    for (const [n, q] of qs.entries()) for (const i of n % 2 === 0 ? q.correct : [q.wrong]) await option(page, q.id, i).click();
    await page.getByTestId('quiz-submit').click();
    await page.getByTestId('quiz-score').waitFor();
    const newest = page.getByTestId('quiz-attempt').first();
    const attemptScore = await newest.getAttribute('data-score');

    await page.reload();
    await page.getByTestId('quiz-attempt').first().getByTestId('quiz-attempt-review').click();
    const review = page.getByTestId('quiz-review');
    await review.waitFor();
    expect(await review.getByTestId('quiz-question').count()).toBe(qs.length);
    expect(await review.getByTestId('quiz-feedback').count()).toBe(qs.length);
    for (const [n, q] of qs.entries()) {
      const card = review.locator(`[data-question-id="${q.id}"]`);
      expect(await card.getAttribute('data-state')).toBe(n % 2 === 0 ? 'correct' : 'incorrect');
      for (const i of q.correct) expect(await card.locator(`label[data-option-index="${i}"]`).getAttribute('class')).toMatch(/mark-(right|missed)/);
      if (n % 2 === 1) expect(await card.locator(`label[data-option-index="${q.wrong}"]`).getAttribute('class')).toContain('mark-wrong');
      expect(await card.locator('.quiz-explanation').textContent()).toContain(q.explanation.slice(0, 20));
    }
    expect(await review.textContent()).toContain(attemptScore ?? '∅');
    // Nothing can be changed in a review.
    expect(await review.locator('input:not([disabled])').count()).toBe(0);
    await page.getByTestId('quiz-review-back').click();
    await page.getByTestId('quiz-start').waitFor();
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});

describe('quiz attempt after an app restart', () => {
  it('is restored from the profile’s progress database in a fresh browser (no localStorage)', async () => {
    const host = await startHost();
    const browser = await launchBrowser();
    try {
      const qs = questions('en');
      const app = await openQuiz(browser, host, 'en-US');
      await app.page.getByTestId('quiz-mode-all').check();
      await app.page.getByTestId('quiz-start').click();
      await option(app.page, qs[2].id, qs[2].correct[0]).click();
      await expect.poll(async () => (await callHost<{ draft: { answers: unknown[] } | null }>(host.url, 'quiz.draft.get', { lessonId: LESSON })).draft?.answers.length).toBe(1);
      await app.close();
      await host.stop();

      const again = await startHost({ dataDir: host.dataDir });
      try {
        const fresh = await openQuiz(browser, again, 'en-US'); // a new browser context: empty localStorage
        await fresh.page.getByTestId('quiz-resumed').waitFor();
        expect(await fresh.page.getByTestId('quiz-mode-all').isChecked()).toBe(true);
        expect(await option(fresh.page, qs[2].id, qs[2].correct[0]).locator('input').isChecked()).toBe(true);
        expect(fresh.pageErrors).toEqual([]);
        await fresh.close();
      } finally {
        await again.stop();
      }
    } finally {
      await browser.close();
      await host.stop();
    }
  });
});
