// The course map on the Exercises page, end to end in Chromium against the real web host: with fresh
// data the lesson is the highlighted next step, steps follow the suggested order, once
// orders-lifecycle's visible tests pass its step shows it, with the best score, and the next step
// follows real progress (past a green exercise and a taken quiz it is no longer the lesson).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callHost, openApp, ROOT, useHostAndBrowser } from './support';
import { lessonSectionIds } from '../../renderer/src/features/exercises/map/lessonSections';
import { openExercise, readExercisePackage, runVisibleTests, setEditableFile } from './support/exerciseWorkspace';

const LESSON = '04-event-driven';
const exercise = readExercisePackage('orders-lifecycle');

/** Exercise ids in the suggested order (manifest `order`), as the map should list them. */
function exercisesInOrder(): string[] {
  const dir = path.join(ROOT, 'exercises');
  return fs
    .readdirSync(dir)
    .filter((id) => fs.existsSync(path.join(dir, id, 'exercise.json')))
    .map((id) => ({ id, order: (JSON.parse(fs.readFileSync(path.join(dir, id, 'exercise.json'), 'utf8')) as { order: number }).order }))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((e) => e.id);
}

/** Each lesson folder (in order) as the map lists it: the lesson, then its quiz when it has one. */
function lessonStepsInOrder(): string[] {
  const dir = path.join(ROOT, 'content/lessons');
  return fs
    .readdirSync(dir)
    .filter((id) => fs.existsSync(path.join(dir, id, 'lesson.json')))
    .sort()
    .flatMap((id) => (fs.existsSync(path.join(dir, id, 'quiz.en.json')) ? [`lesson:${id}`, `quiz:${id}`] : [`lesson:${id}`]));
}

const e2e = useHostAndBrowser({ editorWarmup: false });

async function waitForMap(page: Page): Promise<void> {
  await page.locator('[data-testid="course-map"][data-ready="true"]').waitFor({ timeout: 20_000 });
}

describe('course map', () => {
  it('with fresh data, the lesson is the next step; the steps follow the suggested order', async () => {
    const app = await openApp(e2e.browser, e2e.host, { hash: '#/exercises' });
    const { page } = app;
    await waitForMap(page);
    const steps = await page.locator('[data-step]:is(li)').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    expect(steps).toEqual([...lessonStepsInOrder(), ...exercisesInOrder().map((id) => `exercise:${id}`)]);

    const next = page.locator('li[data-next="true"]');
    expect(await next.count()).toBe(1);
    expect(await next.getAttribute('data-step')).toBe(`lesson:${LESSON}`);
    expect(await page.getByTestId('course-next').getAttribute('data-step')).toBe(`lesson:${LESSON}`);
    const cont = page.getByTestId('course-continue');
    expect(await cont.textContent()).toMatch(/Continue/);
    expect(await cont.getAttribute('href')).toBe(`#/lesson/${LESSON}`);
    // Nothing started: every step says so, and no exercise has a score yet.
    expect(await page.locator('li[data-step-status]:not([data-step-status="not_started"])').count()).toBe(0);
    for (const status of await page.getByTestId('lesson-card').getByTestId('step-status').allTextContents()) expect(status).toBe('Not started');
    expect(await page.getByTestId('quiz-card').getByTestId('step-status').textContent()).toBe('Not taken');
    expect(await page.getByTestId('exercise-best').count()).toBe(0);

    await cont.click();
    await page.waitForURL(new RegExp(`#/lesson/${LESSON}$`));
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('after orders-lifecycle passes its visible tests, its step shows passing and the best score', async () => {
    const ws = await openExercise(e2e.browser, e2e.host, exercise.id);
    for (const name of exercise.editable) await setEditableFile(ws.page, name, exercise.solution[name]!);
    expect(await runVisibleTests(ws.page)).toBe('pass');
    await ws.close();

    const app = await openApp(e2e.browser, e2e.host, { locale: 'ru-RU', hash: '#/exercises' });
    const { page } = app;
    await waitForMap(page);
    const card = page.locator(`li[data-step="exercise:${exercise.id}"]`);
    expect(await card.getAttribute('data-status')).toBe('passing');
    expect(await card.getAttribute('data-step-status')).toBe('done');
    expect(await card.getByTestId('exercise-status').textContent()).toBe('Все открытые тесты проходят');
    const best = card.getByTestId('exercise-best');
    expect(await best.getAttribute('data-score')).toBe(await best.getAttribute('data-max'));
    // The lesson is unread but the student is past it: next is the first open step after the furthest
    // one done (the next exercise), not "Lesson"; the map speaks Russian.
    const order = [...lessonStepsInOrder(), ...exercisesInOrder().map((id) => `exercise:${id}`)];
    const afterPassed = order[order.indexOf(`exercise:${exercise.id}`) + 1];
    expect(await page.locator('li[data-next="true"]').getAttribute('data-step')).toBe(afterPassed);
    expect(await page.getByTestId('course-continue').textContent()).toMatch(/Продолжить/);
    expect(await page.locator(`li[data-step="lesson:${LESSON}"]`).getAttribute('data-step-status')).toBe('not_started');
    await app.close();
  });

  it('after a few sections read, the quiz taken and an exercise green, the next step is not the lesson', async () => {
    const markdown = fs.readFileSync(path.join(ROOT, 'content/lessons', LESSON, 'lesson.en.md'), 'utf8');
    const sections = lessonSectionIds(markdown, LESSON);
    await callHost(e2e.host.url, 'lesson.progress.set', { id: LESSON, lang: 'en', scrollFraction: 0.1, anchor: null, anchorOffset: 0, sectionsRead: sections.slice(0, 2) });
    await callHost(e2e.host.url, 'quiz.submit', { lessonId: LESSON, lang: 'en', seed: 1, answers: [] });
    const app = await openApp(e2e.browser, e2e.host, { hash: '#/exercises' });
    const { page } = app;
    await waitForMap(page);
    expect(await page.locator(`li[data-step="lesson:${LESSON}"]`).getAttribute('data-step-status')).toBe('in_progress');
    expect(await page.locator(`li[data-step="quiz:${LESSON}"]`).getAttribute('data-step-status')).toBe('done');
    const order = [...lessonStepsInOrder(), ...exercisesInOrder().map((id) => `exercise:${id}`)];
    expect(await page.getByTestId('course-next').getAttribute('data-step')).toBe(order[order.indexOf(`exercise:${exercise.id}`) + 1]);
    expect(await page.getByTestId('course-next').textContent()).toMatch(/Exercise/);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
