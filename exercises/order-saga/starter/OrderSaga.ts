// An orchestrated saga that fulfils an order: reserve stock, take the payment, create the
// shipment. When a step fails, the steps already done are undone in reverse order. Everything is
// written to the saga log, so running the saga again (after a crash) carries on, never repeats.
// Оркестрируемая сага выполнения заказа: резерв товара, оплата, отправка. Если шаг не удался,
// сделанные шаги отменяются в обратном порядке. Всё записывается в журнал саги, поэтому повторный
// запуск (после сбоя) продолжает с места остановки и ничего не повторяет.
//
// Given: `perform` (a step's service call) and `compensate` (its undo), and `isTerminal`.
// Your task: `run` (marked TODO). Add private helper methods if you like.
// Дано: `perform` (вызов сервиса для шага), `compensate` (его отмена) и `isTerminal`.
// Ваша задача: `run` (помечен TODO). Можно добавить свои приватные методы.
import {
  actionKey,
  compensationKey,
  messageOf,
  STEPS,
  summarize,
  type SagaEntry,
  type SagaOutcome,
  type StepName,
} from './saga';
import type { SagaLog } from './sagaLog';
import type { FulfilmentRequest, SagaServices } from './services';

export class OrderSaga {
  constructor(
    private readonly services: SagaServices,
    private readonly log: SagaLog,
  ) {}

  // TODO run(request): Promise<SagaOutcome>
  // EN: The saga id is `request.orderId`. Read what is already in the log (`this.log.read(sagaId)`):
  //  1. The log already ends the saga (`isTerminal`)? Return `summarize(sagaId, entries)`: call nothing, write nothing.
  //  2. No `StepFailed` yet: go through `STEPS` in order. A step with a `StepCompleted` entry is done:
  //     skip it (retrying must not run it twice). Otherwise `await this.perform(step, request)`:
  //     - it throws → append `{ type: 'StepFailed', step, error: messageOf(error) }` and stop going forward;
  //     - it returns a result → append `{ type: 'StepCompleted', step, result }`.
  //     Wrap ONLY the service call in try/catch: if `this.log.append` throws, the process died; let
  //     that error go out of `run` (it is not a failed step). All three done → append `SagaCompleted`.
  //  3. A step failed (now or in an earlier run): compensate the completed steps in REVERSE order with
  //     `await this.compensate(step, result, request)`, skipping steps that already have a
  //     `StepCompensated` or `CompensationFailed` entry. Success → append `StepCompensated`; a throw →
  //     append `CompensationFailed` with `messageOf(error)` and go on with the next one. The failed step
  //     itself did nothing, so it is not compensated. Then append `SagaAborted`.
  //  Return `summarize(sagaId, this.log.read(sagaId))`.
  // RU: Id саги — `request.orderId`. Прочитайте, что уже есть в журнале (`this.log.read(sagaId)`):
  //  1. Журнал уже завершил сагу (`isTerminal`)? Верните `summarize(sagaId, entries)`: ничего не вызывать и не писать.
  //  2. `StepFailed` ещё нет: пройдите `STEPS` по порядку. Шаг с записью `StepCompleted` уже сделан —
  //     пропустите его (повтор не должен выполнить его дважды). Иначе `await this.perform(step, request)`:
  //     - бросил ошибку → допишите `{ type: 'StepFailed', step, error: messageOf(error) }` и дальше не идите;
  //     - вернул результат → допишите `{ type: 'StepCompleted', step, result }`.
  //     В try/catch оборачивайте ТОЛЬКО вызов сервиса: если бросил `this.log.append`, процесс упал;
  //     пусть эта ошибка выйдет из `run` (это не провал шага). Все три сделаны → допишите `SagaCompleted`.
  //  3. Шаг не удался (сейчас или в прошлый запуск): компенсируйте сделанные шаги в ОБРАТНОМ порядке через
  //     `await this.compensate(step, result, request)`, пропуская шаги, у которых уже есть `StepCompensated`
  //     или `CompensationFailed`. Успех → `StepCompensated`; ошибка → `CompensationFailed` с `messageOf(error)`,
  //     и переходите к следующему. Сам упавший шаг ничего не сделал — его не компенсируют. Затем `SagaAborted`.
  //  Верните `summarize(sagaId, this.log.read(sagaId))`.
  async run(request: FulfilmentRequest): Promise<SagaOutcome> {
    void [request, STEPS, summarize, messageOf];
    throw new Error('not implemented: run');
  }

  /** The forward call of a step; returns the id the service gave back. */
  private perform(step: StepName, request: FulfilmentRequest): Promise<string> {
    const key = actionKey(request.orderId, step);
    switch (step) {
      case 'reserve-stock':
        return this.services.inventory.reserve(key, request.items);
      case 'take-payment':
        return this.services.payments.charge(key, request.customerId, request.amount);
      case 'create-shipment':
        return this.services.shipping.createShipment(key, request.orderId, request.address);
    }
  }

  /** The compensation of a completed step, given what its forward call returned. */
  private compensate(step: StepName, result: string, request: FulfilmentRequest): Promise<void> {
    const key = compensationKey(request.orderId, step);
    switch (step) {
      case 'reserve-stock':
        return this.services.inventory.release(key, result);
      case 'take-payment':
        return this.services.payments.refund(key, result);
      case 'create-shipment':
        return this.services.shipping.cancelShipment(key, result);
    }
  }
}

/** True for the entries that end a saga. */
export function isTerminal(entry: SagaEntry): boolean {
  return entry.type === 'SagaCompleted' || entry.type === 'SagaAborted';
}
