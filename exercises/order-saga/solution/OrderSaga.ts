// An orchestrated saga that fulfils an order: reserve stock, take the payment, create the
// shipment. When a step fails, the steps already done are undone in reverse order. Everything is
// written to the saga log first, so running the saga again (after a crash) carries on, never repeats.
// Оркестрируемая сага выполнения заказа: резерв товара, оплата, отправка. Если шаг не удался,
// сделанные шаги отменяются в обратном порядке. Всё записывается в журнал саги, поэтому повторный
// запуск (после сбоя) продолжает с места остановки и ничего не повторяет.
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

  async run(request: FulfilmentRequest): Promise<SagaOutcome> {
    const sagaId = request.orderId;
    const entries = this.log.read(sagaId);
    if (entries.some(isTerminal)) return summarize(sagaId, entries);

    if (!entries.some((entry) => entry.type === 'StepFailed')) {
      const failed = await this.forward(request, entries);
      if (!failed) {
        this.log.append(sagaId, { type: 'SagaCompleted' });
        return summarize(sagaId, this.log.read(sagaId));
      }
    }
    await this.compensateAll(request);
    this.log.append(sagaId, { type: 'SagaAborted' });
    return summarize(sagaId, this.log.read(sagaId));
  }

  /** Runs the steps not yet completed; returns true if one failed. */
  private async forward(request: FulfilmentRequest, entries: SagaEntry[]): Promise<boolean> {
    for (const step of STEPS) {
      if (entries.some((entry) => entry.type === 'StepCompleted' && entry.step === step)) continue;
      let result: string;
      try {
        result = await this.perform(step, request);
      } catch (error) {
        this.log.append(request.orderId, { type: 'StepFailed', step, error: messageOf(error) });
        return true;
      }
      // Outside the try: if the process dies while writing this, the saga did not fail, it stopped.
      this.log.append(request.orderId, { type: 'StepCompleted', step, result });
    }
    return false;
  }

  /** Undoes every completed step not undone yet, last first; a failing compensation does not stop the rest. */
  private async compensateAll(request: FulfilmentRequest): Promise<void> {
    const sagaId = request.orderId;
    const entries = this.log.read(sagaId);
    const completed = entries.flatMap((entry) => (entry.type === 'StepCompleted' ? [entry] : []));
    const attempted = new Set(
      entries.flatMap((entry) => (entry.type === 'StepCompensated' || entry.type === 'CompensationFailed' ? [entry.step] : [])),
    );
    for (const { step, result } of [...completed].reverse()) {
      if (attempted.has(step)) continue;
      try {
        await this.compensate(step, result, request);
      } catch (error) {
        this.log.append(sagaId, { type: 'CompensationFailed', step, error: messageOf(error) });
        continue;
      }
      this.log.append(sagaId, { type: 'StepCompensated', step });
    }
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
