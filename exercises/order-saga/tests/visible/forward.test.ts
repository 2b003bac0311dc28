// The happy path: three steps, in order, each written down.
import { describe, expect, it } from 'vitest';
import { given } from '../support/givenWhenThen';
import { REQUEST } from '../support/world';

describe('when every step succeeds', () => {
  it('reserves, charges and ships, writing each step and then SagaCompleted', async () => {
    await given().whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepCompleted', step: 'create-shipment', result: 'shp-3' },
      { type: 'SagaCompleted' },
    );
  });

  it('returns the completed outcome with every result', async () => {
    const { outcome } = await given().whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepCompleted', step: 'create-shipment', result: 'shp-3' },
      { type: 'SagaCompleted' },
    );
    expect(outcome).toEqual({
      sagaId: REQUEST.orderId,
      status: 'completed',
      results: { 'reserve-stock': 'res-1', 'take-payment': 'pay-2', 'create-shipment': 'shp-3' },
      failedStep: null,
      error: null,
      compensated: [],
      compensationFailures: [],
    });
  });

  it('calls each service once, in order, with the step idempotency keys', async () => {
    const { world } = await given().whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepCompleted', step: 'create-shipment', result: 'shp-3' },
      { type: 'SagaCompleted' },
    );
    expect(world.calls.map((call) => [call.op, call.key])).toEqual([
      ['reserve', 'order-17/reserve-stock'],
      ['charge', 'order-17/take-payment'],
      ['createShipment', 'order-17/create-shipment'],
    ]);
    expect(world.state()).toEqual({ reservations: { 'res-1': 'held' }, payments: { 'pay-2': 'charged' }, shipments: { 'shp-3': 'booked' } });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'when every step succeeds': 'когда все шаги удаются',
  'reserves, charges and ships, writing each step and then SagaCompleted': 'резервирует, списывает деньги и отправляет, записывая каждый шаг, а затем SagaCompleted',
  'returns the completed outcome with every result': 'возвращает итог завершённой саги со всеми результатами',
  'calls each service once, in order, with the step idempotency keys': 'вызывает каждый сервис один раз, по порядку, с ключами идемпотентности шагов',
};
