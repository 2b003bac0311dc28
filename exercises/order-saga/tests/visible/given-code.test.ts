// The code you are given, working as described: these tests pass before you write anything.
import { describe, expect, it } from 'vitest';
import { actionKey, compensationKey, messageOf, STEPS, summarize } from '@workspace/saga';
import { createMemorySagaLog } from '@workspace/sagaLog';
import { isTerminal } from '@workspace/OrderSaga';
import { World } from '../support/world';

describe('the given code', () => {
  it('the steps run in this order, each with a fixed idempotency key', () => {
    expect(STEPS).toEqual(['reserve-stock', 'take-payment', 'create-shipment']);
    expect(actionKey('o-1', 'take-payment')).toBe('o-1/take-payment');
    expect(compensationKey('o-1', 'take-payment')).toBe('o-1/take-payment/undo');
    expect(messageOf(new Error('boom'))).toBe('boom');
    expect(messageOf('plain')).toBe('plain');
  });

  it('summarize reads the outcome back from the entries', () => {
    expect(summarize('o-1', [])).toMatchObject({ status: 'running', results: {}, failedStep: null });
    const outcome = summarize('o-1', [
      { type: 'StepCompleted', step: 'reserve-stock', result: 'res-1' },
      { type: 'StepFailed', step: 'take-payment', error: 'DECLINED' },
      { type: 'CompensationFailed', step: 'reserve-stock', error: 'OFFLINE' },
      { type: 'SagaAborted' },
    ]);
    expect(outcome).toEqual({
      sagaId: 'o-1',
      status: 'compensation-failed',
      results: { 'reserve-stock': 'res-1' },
      failedStep: 'take-payment',
      error: 'DECLINED',
      compensated: [],
      compensationFailures: [{ step: 'reserve-stock', error: 'OFFLINE' }],
    });
    expect(isTerminal({ type: 'SagaAborted' })).toBe(true);
    expect(isTerminal({ type: 'StepCompensated', step: 'reserve-stock' })).toBe(false);
  });

  it('the log keeps entries per saga and hands out copies', () => {
    const log = createMemorySagaLog();
    log.append('a', { type: 'SagaCompleted' });
    log.read('a').push({ type: 'SagaAborted' });
    expect(log.read('a')).toEqual([{ type: 'SagaCompleted' }]);
    expect(log.read('b')).toEqual([]);
  });

  it('the fake services answer a repeated key with the first answer and change nothing more', async () => {
    const world = new World();
    const services = world.services();
    expect(await services.inventory.reserve('k', [])).toBe('res-1');
    expect(await services.inventory.reserve('k', [])).toBe('res-1');
    await services.inventory.release('k/undo', 'res-1');
    await services.inventory.release('k/undo', 'res-1');
    expect(world.state().reservations).toEqual({ 'res-1': 'released' });
    expect(world.ops()).toEqual(['reserve', 'reserve', 'release', 'release']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given code': 'готовый код',
  'the steps run in this order, each with a fixed idempotency key': 'шаги идут в этом порядке, у каждого постоянный ключ идемпотентности',
  'summarize reads the outcome back from the entries': 'summarize восстанавливает итог по записям журнала',
  'the log keeps entries per saga and hands out copies': 'журнал хранит записи отдельно для каждой саги и отдаёт копии',
  'the fake services answer a repeated key with the first answer and change nothing more': 'сервисы-заглушки на повторный ключ отвечают первым ответом и больше ничего не меняют',
};
