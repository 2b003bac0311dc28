/// <reference lib="dom" />
// The crash lab in Russian, end to end (issue #16 item 14): the lesson's section 4 links to the lab;
// the student records a prediction, opens the playground on the dual-write scenario, runs it and sees
// the store say "paid" while the read model will never catch up, told in Russian sentences; then the
// outbox scenario catches up and its second send is skipped by the inbox; back in the lesson, the
// answer is revealed against the recorded prediction. No English reaches the Russian page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useHostAndBrowser } from './support';

const e2e = useHostAndBrowser({ editorWarmup: false });
const LAB = 'crash-between-store-and-relay';

const card = (page: Page) => page.locator(`[data-testid=lab-card][data-lab="${LAB}"]`);

async function runAll(page: Page): Promise<void> {
  await page.getByTestId('pg-scenario-all').click();
  await expect.poll(() => page.getByTestId('pg-scenario-step').textContent(), { timeout: 30_000 }).toBe('Готово');
}

describe('the crash lab (ru)', () => {
  it('predict, run without and with the outbox, see what happened in Russian, then reveal', async () => {
    const app = await openApp(e2e.browser, e2e.host, { locale: 'ru-RU', hash: '#/lesson' });
    const { page } = app;
    await page.locator('[data-testid=lesson-article][data-ready=true]').waitFor({ timeout: 45_000 });

    // Section 4 links to the lab; the link takes the student to its card.
    const link = page.locator(`a[data-anchor="lab-${LAB}"]`).first();
    expect(await link.textContent()).toMatch(/Падение между хранилищем и ретранслятором/);
    await link.click();
    await expect.poll(() => card(page).evaluate((el) => Math.abs(el.getBoundingClientRect().top) < 200)).toBe(true);

    // Predict: the comforting answer "it is sent after the restart" (a real belief, and wrong).
    await card(page).locator('.lab-option').first().click();
    await card(page).getByTestId('lab-predict').click();
    await card(page).locator('.muted', { hasText: 'Предсказание записано' }).waitFor();
    expect(await card(page).getByTestId('lab-open').getAttribute('href')).toBe('#/playground/scenario/dual-write-crash');
    await card(page).getByTestId('lab-open').click();

    // The playground opens with the lab's scenario picked.
    await page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('pg-scenario-pick').inputValue()).toBe('dual-write-crash');
    await runAll(page);
    const strip = page.getByTestId('pg-strip');
    await expect.poll(() => strip.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('lost');
    expect(await page.getByTestId('pg-write-status').getAttribute('data-status')).toBe('paid');
    expect(await page.getByTestId('pg-read-status').getAttribute('data-status')).toBe('pending');
    expect(await strip.textContent()).toMatch(/не догонит никогда/);
    // The scenario card repeats the verdict beside its story (on a narrow window the top strip is far away).
    expect(await page.getByTestId('pg-scenario-strip').getAttribute('data-verdict')).toBe('lost');
    const story = page.getByTestId('pg-scenario-story');
    await story.locator('[data-kind="died-before-send"]').waitFor({ timeout: 10_000 });
    expect(await story.locator('[data-kind="died-before-send"]').textContent()).toMatch(/упал, не успев его отправить/);
    await story.locator('[data-kind="restart-no-outbox"]').waitFor();

    // The same crash with the outbox: the read model catches up, the second send is skipped.
    await page.getByTestId('pg-scenario-pick').selectOption('outbox-crash');
    await runAll(page);
    await expect.poll(() => strip.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('same');
    expect(await page.getByTestId('pg-read-status').getAttribute('data-status')).toBe('paid');
    await story.locator('[data-kind="resent-skipped"]').waitFor({ timeout: 30_000 });
    expect(await story.locator('[data-kind="relay-died-before-checkpoint"]').textContent()).toMatch(/контрольную точку/);
    expect(await story.textContent()).not.toMatch(/\b(the|died|sent|relay|order service)\b/);
    expect(await page.locator('.pg-left').textContent()).not.toMatch(/\b(the|and|store|outbox)\b/i);

    // Back in the lesson, the recorded prediction is compared with the answer.
    await page.evaluate(() => (window.location.hash = '#/lesson'));
    await page.locator('[data-testid=lesson-article][data-ready=true]').waitFor({ timeout: 45_000 });
    await card(page).getByTestId('lab-reveal').click();
    const explanation = card(page).locator('.lab-explanation');
    expect(await explanation.textContent()).toMatch(/^Песочница показывает другое./);
    expect(await card(page).locator('.lab-option.right').textContent()).toMatch(/навсегда/);
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.close();
  }, 240_000);
});
