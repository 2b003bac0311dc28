/// <reference lib="dom" />
// The playground end to end, in Chromium against the real web host: an order is driven through
// create → pay → ship → deliver by clicking; its stream shows the four events in order, the read
// model ends at "delivered", the broker view shows the records in the key's partition; a refused
// command shows its error code and appends nothing; a crash before commit is followed by a
// redelivery; a saga whose payment fails shows its compensation; "my saga" (the reference solution
// when there is no draft) runs in the sandbox and compensates; the bank account refuses an
// overdraft with INSUFFICIENT_FUNDS. Nothing may leave 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, startHost, type AppPage, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let app: AppPage;
let page: Page;
let orderId = '';

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  app = await openApp(browser, host, { locale: 'en-US', hash: '#/playground' });
  page = app.page;
  await page.getByTestId('playground-page').waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await browser?.close();
  await host?.stop();
});

async function send(command: string): Promise<void> {
  await page.getByTestId(`pg-cmd-${command}`).click();
  await page.getByTestId('pg-send').click();
  await page.getByTestId('pg-outcome').waitFor();
}

async function expectAccepted(type: string): Promise<void> {
  const outcome = page.getByTestId('pg-outcome');
  await expect.poll(() => outcome.getAttribute('data-ok')).toBe('true');
  await expect.poll(() => outcome.textContent()).toContain(type);
}

describe('playground', () => {
  it('drives an order through create → pay → ship → deliver by clicking', async () => {
    await send('CreateOrder');
    await expectAccepted('OrderCreated');
    orderId = await page.getByTestId('pg-order-picker').inputValue();
    expect(orderId).toMatch(/^[0-9a-f]{8}$/);

    await page.getByTestId('pg-cmd-PayOrder').click();
    // The amount is prefilled from the order's total once its stream has loaded.
    await expect.poll(() => page.getByTestId('pg-field-amount').inputValue()).toBe('59.00');
    await page.getByTestId('pg-send').click();
    await expectAccepted('OrderPaid');
    await send('ShipOrder');
    await expectAccepted('OrderShipped');
    await send('DeliverOrder');
    await expectAccepted('OrderDelivered');
  }, 60_000);

  it('shows the stream in order and the read model at "delivered"', async () => {
    const rows = page.getByTestId('pg-stream-row');
    await expect.poll(() => rows.count()).toBe(4);
    const types = await rows.locator('td:nth-child(2)').allTextContents();
    expect(types).toEqual(['OrderCreated', 'OrderPaid', 'OrderShipped', 'OrderDelivered']);
    await expect.poll(() => page.getByTestId('pg-read-status').getAttribute('data-status')).toBe('delivered');
    await page.getByTestId('pg-tab-readModel').click();
    await expect.poll(() => page.locator(`[data-testid="pg-rm-row"][data-order="${orderId}"]`).textContent()).toContain('delivered');
  });

  it('shows the records at the partition their key hashes to', async () => {
    await page.getByTestId('pg-tab-broker').click();
    const partition = (await page.getByTestId('pg-key-partition').textContent())!.replace('P', '');
    const lane = page.getByTestId(`pg-lane-order-events-${partition}`);
    await expect.poll(() => lane.locator(`[data-key="order-${orderId}"]`).count()).toBe(4);
    for (const other of ['0', '1', '2'].filter((p) => p !== partition)) {
      expect(await page.getByTestId(`pg-lane-order-events-${other}`).locator(`[data-key="order-${orderId}"]`).count()).toBe(0);
    }
  });

  it('shows the error code of a refused command, and that nothing was appended', async () => {
    const head = await page.getByTestId('pg-head').textContent();
    await send('DeliverOrder');
    const outcome = page.getByTestId('pg-outcome');
    await expect.poll(() => outcome.getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('pg-outcome-code').textContent()).toBe('INVALID_STATE');
    expect(await outcome.textContent()).toContain('nothing was appended');
    expect(await page.getByTestId('pg-head').textContent()).toBe(head);
  });

  it('redelivers the records of a consumer that crashed before committing', async () => {
    await page.getByTestId('pg-tab-faults').click();
    await page.getByTestId('pg-arm-crash').click();
    await expect.poll(() => page.getByTestId('pg-arm-crash').textContent()).toContain('Armed');
    await send('CreateOrder');
    await expectAccepted('OrderCreated');
    const activity = page.getByTestId('pg-activity');
    await expect.poll(() => activity.locator('[data-kind="crash"]').count()).toBeGreaterThan(0);
    await expect.poll(() => activity.locator('[data-kind="redelivery"]').count()).toBeGreaterThan(0);
    // The inbox is on: the redelivered record is skipped, so no order shows a duplicate effect.
    expect(await activity.locator('[data-kind="redelivery"]').first().textContent()).toContain('1 skipped by the inbox');
  });

  it('compensates a saga whose payment fails, in reverse order', async () => {
    await page.getByTestId('pg-tab-saga').click();
    await page.getByTestId('pg-saga-fail').selectOption('takePayment');
    await page.getByTestId('pg-saga-run').click();
    const card = page.getByTestId('pg-saga-run-card').first();
    await expect.poll(() => card.getAttribute('data-status')).toBe('compensated');
    const entries = await card.getByTestId('pg-saga-entry').allTextContents();
    const failure = entries.findIndex((e) => e.includes('PaymentFailed'));
    const released = entries.findIndex((e) => e.includes('StockReleased'));
    expect(failure).toBeGreaterThan(0);
    expect(released).toBeGreaterThan(failure);
    expect(entries.some((e) => e.includes('PaymentTaken'))).toBe(false);
    expect(entries.at(-1)).toContain('OrderCancelled');
  });

  it('runs "my saga" (no draft: the labelled reference solution) in the sandbox and shows its compensation', async () => {
    await page.getByTestId('pg-tab-saga').click();
    await page.getByTestId('pg-saga-whose').selectOption('mine');
    await page.getByTestId('pg-saga-fail').selectOption('createShipment');
    await page.getByTestId('pg-saga-run').click();
    const card = page.locator('[data-testid="pg-saga-run-card"][data-source="solution"]').first();
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 30_000 }).toBe('compensated');
    expect(await card.getByTestId('pg-saga-source').textContent()).toContain('reference solution');
    const entries = await card.getByTestId('pg-saga-entry').allTextContents();
    const failed = entries.findIndex((e) => e.includes('ShipmentFailed'));
    const refunded = entries.findIndex((e) => e.includes('PaymentRefunded'));
    const released = entries.findIndex((e) => e.includes('StockReleased'));
    expect(failed).toBeGreaterThan(0);
    expect(refunded).toBeGreaterThan(failed);
    expect(released).toBeGreaterThan(refunded);
    expect(entries.some((e) => e.includes('SagaAborted'))).toBe(true);
    expect(entries.at(-1)).toContain('OrderCancelled');
  }, 60_000);

  it('refuses a bank account overdraft with its code, appends nothing, and replays the balance', async () => {
    await page.getByTestId('pg-tab-bank').click();
    await page.getByTestId('pg-bank-open').click();
    const outcome = page.getByTestId('pg-bank-outcome');
    await expect.poll(() => outcome.textContent()).toContain('AccountOpened');
    await page.getByTestId('pg-bank-amount').fill('50.00');
    await page.getByTestId('pg-bank-deposit').click();
    await expect.poll(() => page.getByTestId('pg-bank-balance').textContent()).toBe('50.00');
    await page.getByTestId('pg-bank-amount').fill('80.00');
    await page.getByTestId('pg-bank-withdraw').click();
    await expect.poll(() => outcome.getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('pg-bank-outcome-code').textContent()).toBe('INSUFFICIENT_FUNDS');
    expect(await outcome.textContent()).toContain('nothing was appended');
    expect(await page.getByTestId('pg-bank-row').count()).toBe(2);
    await expect.poll(() => page.getByTestId('pg-bank-refusal').first().getAttribute('data-code')).toBe('INSUFFICIENT_FUNDS');
    await page.getByTestId('pg-bank-slider').fill('1');
    await expect.poll(() => page.getByTestId('pg-bank-replay-balance').textContent()).toBe('0.00');
  }, 60_000);

  it('made no request outside 127.0.0.1 and raised no page error', () => {
    expect(app.outsideRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
