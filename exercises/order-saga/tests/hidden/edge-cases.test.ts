// Resuming in awkward places, and services that misbehave.
import { describe, expect, it } from 'vitest';
import { OrderSaga } from '@workspace/OrderSaga';
import { createMemorySagaLog } from '@workspace/sagaLog';
import type { SagaServices } from '@workspace/services';
import { given } from '../support/givenWhenThen';
import { crashingLog, REQUEST, World } from '../support/world';

async function settle(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch {
    // the crash is the point of the test
  }
}

describe('saga edge cases', () => {
  it('resuming in the middle of the compensations does not undo a step twice', async () => {
    const earlier = new World();
    earlier.reservations.set('res-1', 'held');
    const { world } = await given(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepFailed', step: 'create-shipment', error: 'NO_COURIER' },
      { type: 'StepCompensated', step: 'take-payment' },
    ).whenRun(earlier).then(
      { type: 'StepCompensated', step: 'reserve-stock' },
      { type: 'SagaAborted' },
    );
    expect(world.ops()).toEqual(['release']);
  });

  it('a compensation that already failed is not tried again on resume', async () => {
    const { world, outcome } = await given(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepFailed', step: 'create-shipment', error: 'NO_COURIER' },
      { type: 'CompensationFailed', step: 'take-payment', error: 'BANK_OFFLINE' },
    ).whenRun().then(
      { type: 'CompensationFailed', step: 'reserve-stock', error: 'NO_SUCH_RESERVATION: res-1' },
      { type: 'SagaAborted' },
    );
    expect(world.ops()).toEqual(['release']);
    expect(outcome.status).toBe('compensation-failed');
  });

  it('a step that succeeded but was not written down is asked again with the same key: one reservation only', async () => {
    const world = new World();
    const stored = createMemorySagaLog();
    await settle(new OrderSaga(world.services(), crashingLog(stored, 0)).run(REQUEST));
    expect(stored.read(REQUEST.orderId)).toEqual([]);
    const outcome = await new OrderSaga(world.services(), stored).run(REQUEST);
    expect(outcome.status).toBe('completed');
    expect(world.calls.filter((call) => call.op === 'reserve').map((call) => call.key)).toEqual(['order-17/reserve-stock', 'order-17/reserve-stock']);
    expect(world.state().reservations).toEqual({ 'res-1': 'held' });
  });

  it('after a failure nothing later runs', async () => {
    const { world } = await given().failing({ charge: 'CARD_DECLINED' }).whenRun().then(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepFailed', step: 'take-payment', error: 'CARD_DECLINED' },
      { type: 'StepCompensated', step: 'reserve-stock' },
      { type: 'SagaAborted' },
    );
    expect(world.ops()).not.toContain('createShipment');
    expect(world.ops()).not.toContain('refund');
  });

  it('a service that throws something other than an Error is recorded by its text', async () => {
    const world = new World();
    const services: SagaServices = {
      ...world.services(),
      payments: {
        charge: () => Promise.reject('GATEWAY_TIMEOUT'),
        refund: () => Promise.reject(new Error('unused')),
      },
    };
    const log = createMemorySagaLog();
    const outcome = await new OrderSaga(services, log).run(REQUEST);
    expect(outcome).toMatchObject({ status: 'compensated', failedStep: 'take-payment', error: 'GATEWAY_TIMEOUT' });
  });

  it('crashes on two runs in a row still end like one clean run', async () => {
    const world = new World().fail('createShipment', 'NO_COURIER');
    const stored = createMemorySagaLog();
    await settle(new OrderSaga(world.services(), crashingLog(stored, 2)).run(REQUEST));
    await settle(new OrderSaga(world.services(), crashingLog(stored, 1)).run(REQUEST));
    const outcome = await new OrderSaga(world.services(), stored).run(REQUEST);
    expect(outcome).toMatchObject({ status: 'compensated', compensated: ['take-payment', 'reserve-stock'] });
    expect(world.state()).toEqual({ reservations: { 'res-1': 'released' }, payments: { 'pay-2': 'refunded' }, shipments: {} });
    expect(stored.read(REQUEST.orderId).filter((entry) => entry.type === 'SagaAborted')).toHaveLength(1);
  });

  it('two sagas for two orders keep separate logs', async () => {
    const world = new World();
    const log = createMemorySagaLog();
    const saga = new OrderSaga(world.services(), log);
    await saga.run(REQUEST);
    const other = await saga.run({ ...REQUEST, orderId: 'order-18' });
    expect(other.status).toBe('completed');
    expect(world.calls.map((call) => call.key)).toContain('order-18/create-shipment');
    expect(log.read('order-18')).toHaveLength(4);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'saga edge cases': 'граничные случаи саги',
  'resuming in the middle of the compensations does not undo a step twice': 'продолжение посреди компенсаций не отменяет шаг дважды',
  'a compensation that already failed is not tried again on resume': 'компенсацию, которая уже не удалась, при продолжении не повторяют',
  'a step that succeeded but was not written down is asked again with the same key: one reservation only': 'удавшийся, но не записанный шаг запрашивается снова с тем же ключом: резерв только один',
  'after a failure nothing later runs': 'после провала следующие шаги не выполняются',
  'a service that throws something other than an Error is recorded by its text': 'если сервис бросает не Error, записывается текст брошенного значения',
  'crashes on two runs in a row still end like one clean run': 'сбои в двух запусках подряд всё равно заканчиваются так же, как один чистый запуск',
  'two sagas for two orders keep separate logs': 'у двух саг для двух заказов раздельные журналы',
};
