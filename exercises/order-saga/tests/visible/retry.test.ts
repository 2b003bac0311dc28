// Running the saga again: after it finished, or after the process died part-way. Steps already
// done are not done again, and the end result is the same as one uninterrupted run.
import { describe, expect, it } from 'vitest';
import { say } from '@engine/common/phrase';
import { OrderSaga } from '@workspace/OrderSaga';
import { createMemorySagaLog } from '@workspace/sagaLog';
import { given } from '../support/givenWhenThen';
import { Crash, crashingLog, REQUEST, World, type Operation } from '../support/world';

/** One run without any crash: the outcome and the services' state to compare against. */
async function uninterrupted(failing: Partial<Record<Operation, string>>) {
  const world = new World();
  for (const [op, message] of Object.entries(failing)) world.fail(op as Operation, message);
  const outcome = await new OrderSaga(world.services(), createMemorySagaLog()).run(REQUEST);
  return { outcome, state: world.state() };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('running the saga again', () => {
  it('a completed saga run again calls nothing and writes nothing', async () => {
    const { outcome, world } = await given(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-2' },
      { type: 'StepCompleted', step: 'create-shipment', result: 'shp-3' },
      { type: 'SagaCompleted' },
    ).whenRun().then();
    expect(world.calls).toEqual([]);
    expect(outcome.status).toBe('completed');
  });

  it('an aborted saga run again compensates nothing twice', async () => {
    const { outcome, world } = await given(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepFailed', step: 'take-payment', error: 'CARD_DECLINED' },
      { type: 'StepCompensated', step: 'reserve-stock' },
      { type: 'SagaAborted' },
    ).whenRun().then();
    expect(world.calls).toEqual([]);
    expect(outcome).toMatchObject({ status: 'compensated', failedStep: 'take-payment' });
  });

  it('carries on after the last completed step without calling it again', async () => {
    const { world } = await given({ type: 'StepCompleted', step: 'reserve-stock', result: 'res-9' }).whenRun().then(
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-1' },
      { type: 'StepCompleted', step: 'create-shipment', result: 'shp-2' },
      { type: 'SagaCompleted' },
    );
    expect(world.ops()).toEqual(['charge', 'createShipment']);
  });

  it('a failure found in the log is compensated with the results found in the log', async () => {
    const earlier = new World();
    earlier.reservations.set('res-9', 'held');
    earlier.payments.set('pay-9', 'charged');
    const { world } = await given(
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-9' },
      { type: 'StepCompleted', step: 'take-payment', result: 'pay-9' },
      { type: 'StepFailed', step: 'create-shipment', error: 'NO_COURIER' },
    ).whenRun(earlier).then(
      { type: 'StepCompensated', step: 'take-payment' },
      { type: 'StepCompensated', step: 'reserve-stock' },
      { type: 'SagaAborted' },
    );
    expect(world.state()).toEqual({ reservations: { 'res-9': 'released' }, payments: { 'pay-9': 'refunded' }, shipments: {} });
    expect(world.calls).toEqual([
      { op: 'refund', key: 'order-17/take-payment/undo', id: 'pay-9' },
      { op: 'release', key: 'order-17/reserve-stock/undo', id: 'res-9' },
    ]);
  });

  it('a crash while writing the log is not a failed step: run rejects with it', async () => {
    const world = new World();
    const log = crashingLog(createMemorySagaLog(), 1);
    const error = await rejection(new OrderSaga(world.services(), log).run(REQUEST));
    expect(error).toBeInstanceOf(Crash);
    expect(log.read(REQUEST.orderId)).toEqual([{ type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' }]);
  });

  for (const [name, failing] of [
    ['every step succeeds', {}],
    ['the payment fails', { charge: 'CARD_DECLINED' }],
    ['the shipment fails and the refund too', { createShipment: 'NO_COURIER', refund: 'BANK_OFFLINE' }],
  ] as Array<[string, Partial<Record<Operation, string>>]>) {
    it(`a crash at any log write, then a second run, ends like one clean run (${name})`, async () => {
      const clean = await uninterrupted(failing);
      for (let crashAt = 0; crashAt < 7; crashAt++) {
        const world = new World();
        for (const [op, message] of Object.entries(failing)) world.fail(op as Operation, message);
        const stored = createMemorySagaLog();
        const log = crashingLog(stored, crashAt);
        const first = await rejection(new OrderSaga(world.services(), log).run(REQUEST));
        if (!log.crashed) {
          expect(first, say(`no crash at write ${crashAt}`, `без падения на записи ${crashAt}`)).toBeUndefined();
          continue;
        }
        expect(first, say(`crash at write ${crashAt}`, `падение на записи ${crashAt}`)).toBeInstanceOf(Crash);
        const outcome = await new OrderSaga(world.services(), stored).run(REQUEST);
        expect(outcome, say(`crash at write ${crashAt}`, `падение на записи ${crashAt}`)).toEqual(clean.outcome);
        expect(world.state(), say(`crash at write ${crashAt}`, `падение на записи ${crashAt}`)).toEqual(clean.state);
      }
    });
  }
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'running the saga again': 'повторный запуск саги',
  'a completed saga run again calls nothing and writes nothing': 'завершённая сага при повторном запуске ничего не вызывает и ничего не записывает',
  'an aborted saga run again compensates nothing twice': 'прерванная сага при повторном запуске ничего не компенсирует дважды',
  'carries on after the last completed step without calling it again': 'продолжает после последнего завершённого шага, не вызывая его снова',
  'a failure found in the log is compensated with the results found in the log': 'провал, найденный в журнале, компенсируется по результатам из журнала',
  'a crash while writing the log is not a failed step: run rejects with it': 'сбой при записи в журнал — не провал шага: run завершается с этой ошибкой',
  'a crash at any log write, then a second run, ends like one clean run (every step succeeds)': 'сбой на любой записи в журнал и второй запуск дают то же, что один чистый запуск (все шаги удаются)',
  'a crash at any log write, then a second run, ends like one clean run (the payment fails)': 'сбой на любой записи в журнал и второй запуск дают то же, что один чистый запуск (оплата не удаётся)',
  'a crash at any log write, then a second run, ends like one clean run (the shipment fails and the refund too)': 'сбой на любой записи в журнал и второй запуск дают то же, что один чистый запуск (не удаются ни отправка, ни возврат денег)',
};
