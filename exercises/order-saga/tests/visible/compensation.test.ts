// A step fails: the steps already done are undone, last first, and every attempt is written down.
import { describe, expect, it } from 'vitest';
import { given } from '../support/givenWhenThen';

describe('when a step fails', () => {
  it('a failed payment releases the reservation', async () => {
    const { outcome, world } = await given().failing({ charge: 'CARD_DECLINED' }).whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepFailed', step: 'take-payment', error: 'CARD_DECLINED' },
      { type: 'StepCompensated', step: 'reserve-stock' },
      { type: 'SagaAborted' },
    );
    expect(outcome).toMatchObject({ status: 'compensated', failedStep: 'take-payment', error: 'CARD_DECLINED', compensated: ['reserve-stock'] });
    expect(world.state()).toEqual({ reservations: { 'res-1': 'released' }, payments: {}, shipments: {} });
  });

  it('a failed shipment refunds the payment, then releases the stock (reverse order)', async () => {
    const { world } = await given().failing({ createShipment: 'NO_COURIER' }).whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepFailed', step: 'create-shipment', error: 'NO_COURIER' },
      { type: 'StepCompensated', step: 'take-payment' },
      { type: 'StepCompensated', step: 'reserve-stock' },
      { type: 'SagaAborted' },
    );
    expect(world.ops()).toEqual(['reserve', 'charge', 'createShipment', 'refund', 'release']);
    expect(world.state()).toEqual({ reservations: { 'res-1': 'released' }, payments: { 'pay-2': 'refunded' }, shipments: {} });
  });

  it('compensations get the id their step returned and their own idempotency key', async () => {
    const { world } = await given().failing({ createShipment: 'NO_COURIER' }).whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepFailed', step: 'create-shipment', error: 'NO_COURIER' },
      { type: 'StepCompensated', step: 'take-payment' },
      { type: 'StepCompensated', step: 'reserve-stock' },
      { type: 'SagaAborted' },
    );
    expect(world.calls.slice(3)).toEqual([
      { op: 'refund', key: 'order-17/take-payment/undo', id: 'pay-2' },
      { op: 'release', key: 'order-17/reserve-stock/undo', id: 'res-1' },
    ]);
  });

  it('when the first step fails there is nothing to undo', async () => {
    const { outcome, world } = await given().failing({ reserve: 'OUT_OF_STOCK' }).whenRun().then(
      { type: 'StepFailed', step: 'reserve-stock', error: 'OUT_OF_STOCK' },
      { type: 'SagaAborted' },
    );
    expect(outcome).toMatchObject({ status: 'compensated', compensated: [], failedStep: 'reserve-stock' });
    expect(world.ops()).toEqual(['reserve']);
  });

  it('a failing compensation is recorded and the others still run', async () => {
    const { outcome, world } = await given().failing({ createShipment: 'NO_COURIER', refund: 'BANK_OFFLINE' }).whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepFailed', step: 'create-shipment', error: 'NO_COURIER' },
      { type: 'CompensationFailed', step: 'take-payment', error: 'BANK_OFFLINE' },
      { type: 'StepCompensated', step: 'reserve-stock' },
      { type: 'SagaAborted' },
    );
    expect(outcome).toMatchObject({
      status: 'compensation-failed',
      compensated: ['reserve-stock'],
      compensationFailures: [{ step: 'take-payment', error: 'BANK_OFFLINE' }],
    });
    expect(world.state().reservations).toEqual({ 'res-1': 'released' });
  });

  it('every compensation failing still tries each of them once', async () => {
    const { world } = await given().failing({ createShipment: 'x', refund: 'BANK_OFFLINE', release: 'WAREHOUSE_OFFLINE' }).whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepFailed', step: 'create-shipment', error: 'x' },
      { type: 'CompensationFailed', step: 'take-payment', error: 'BANK_OFFLINE' },
      { type: 'CompensationFailed', step: 'reserve-stock', error: 'WAREHOUSE_OFFLINE' },
      { type: 'SagaAborted' },
    );
    expect(world.ops()).toEqual(['reserve', 'charge', 'createShipment', 'refund', 'release']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'when a step fails': 'когда шаг не удался',
  'a failed payment releases the reservation': 'неудачная оплата снимает резерв',
  'a failed shipment refunds the payment, then releases the stock (reverse order)': 'неудачная отправка возвращает платёж, а затем снимает резерв товара (в обратном порядке)',
  'compensations get the id their step returned and their own idempotency key': 'компенсации получают идентификатор, который вернул их шаг, и собственный ключ идемпотентности',
  'when the first step fails there is nothing to undo': 'если не удался первый шаг, отменять нечего',
  'a failing compensation is recorded and the others still run': 'неудачная компенсация записывается, а остальные всё равно выполняются',
  'every compensation failing still tries each of them once': 'даже если не удаётся ни одна компенсация, каждая пробуется один раз',
};
