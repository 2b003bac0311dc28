// The order saga: reserve stock → take payment → create shipment, in two forms.
// Orchestrated: one coordinator sends commands and keeps the saga's state. Choreographed: each
// service reacts to the previous service's event; no one holds the whole picture. A failure at a
// step runs the compensations of the steps already done, newest first. Every message is recorded
// as a timeline entry and appended to the saga's own stream ('saga-<id>'), so it also flows
// through the relay and the broker like any other event.
import { SAGA_STEPS, type SagaStep } from '../common/playground';
export { SAGA_STEPS, type SagaStep };
export type SagaMode = 'orchestrated' | 'choreographed';
/** 'sagaLog' and 'log' appear only in a student's saga run: what their saga wrote to its log. */
export type SagaActor = 'orchestrator' | 'order' | 'inventory' | 'payment' | 'shipping' | 'sagaLog';
export type SagaEntryKind = 'command' | 'event' | 'failure' | 'compensation' | 'log';

export interface SagaTimelineEntry {
  seq: number;
  actor: SagaActor;
  kind: SagaEntryKind;
  /** Message name, e.g. ReserveStock or StockReserved. */
  name: string;
  /** The saga's state after this message (orchestrated: the coordinator's; choreographed: as an observer would tell it). */
  sagaState: string;
  /** An id a service returned, an error's text, a log entry's fields (student runs). */
  detail?: string;
}

export interface SagaRun {
  sagaId: string;
  orderId: string;
  mode: SagaMode;
  failAt: SagaStep | null;
  /** The built-in saga ends completed or compensated; a student's may end otherwise. */
  status: 'completed' | 'compensated' | 'compensation-failed' | 'unfinished' | 'error';
  timeline: SagaTimelineEntry[];
  /** Whose saga ran: the playground's built-in one, the student's draft, or the exercise's reference solution. */
  source?: 'builtin' | 'draft' | 'solution';
  /** Why a student's run has no timeline (it did not build, timed out...). */
  message?: string;
  /** A compensation was made to fail too (student runs). */
  failCompensation?: boolean;
}

/** The effects a saga has on the real order (pay, ship, cancel); each may refuse. */
export interface SagaOrderPort {
  pay(orderId: string): void;
  ship(orderId: string): void;
  /** Cancels the order because `failedStep` failed (the port words the reason). */
  cancel(orderId: string, failedStep: SagaStep): void;
}

const STEP_MESSAGES: Record<SagaStep, { actor: SagaActor; command: string; done: string; failed: string; undo: string; undone: string; state: string }> = {
  reserveStock: { actor: 'inventory', command: 'ReserveStock', done: 'StockReserved', failed: 'StockReservationFailed', undo: 'ReleaseStock', undone: 'StockReleased', state: 'stock-reserved' },
  takePayment: { actor: 'payment', command: 'TakePayment', done: 'PaymentTaken', failed: 'PaymentFailed', undo: 'RefundPayment', undone: 'PaymentRefunded', state: 'paid' },
  createShipment: { actor: 'shipping', command: 'CreateShipment', done: 'ShipmentCreated', failed: 'ShipmentFailed', undo: 'CancelShipment', undone: 'ShipmentCancelled', state: 'shipment-created' },
};

export function runSaga(options: { sagaId: string; orderId: string; mode: SagaMode; failAt: SagaStep | null; order: SagaOrderPort; record: (entry: SagaTimelineEntry) => void }): SagaRun {
  const { sagaId, orderId, mode, failAt, order, record } = options;
  const timeline: SagaTimelineEntry[] = [];
  const add = (actor: SagaActor, kind: SagaEntryKind, name: string, sagaState: string) => {
    const entry = { seq: timeline.length + 1, actor, kind, name, sagaState };
    timeline.push(entry);
    record(entry);
  };
  const orchestrated = mode === 'orchestrated';
  const done: SagaStep[] = [];
  let failed = false;

  add('order', 'event', 'OrderPlaced', 'started');
  for (const step of SAGA_STEPS) {
    const m = STEP_MESSAGES[step];
    // Choreography has no command: the service reacts to the previous event by itself.
    if (orchestrated) add('orchestrator', 'command', m.command, `awaiting-${step}`);
    if (failAt === step) {
      add(m.actor, 'failure', m.failed, 'compensating');
      failed = true;
      break;
    }
    if (step === 'takePayment') order.pay(orderId);
    if (step === 'createShipment') order.ship(orderId);
    done.push(step);
    add(m.actor, 'event', m.done, m.state);
  }

  if (failed) {
    for (const step of [...done].reverse()) {
      const m = STEP_MESSAGES[step];
      if (orchestrated) add('orchestrator', 'compensation', m.undo, 'compensating');
      add(m.actor, 'compensation', m.undone, 'compensating');
    }
    if (failAt) order.cancel(orderId, failAt); // always set here: a saga fails only at failAt
    add('order', 'compensation', 'OrderCancelled', 'compensated');
    return { sagaId, orderId, mode, failAt, status: 'compensated', timeline };
  }
  add(orchestrated ? 'orchestrator' : 'order', 'event', 'SagaCompleted', 'completed');
  return { sagaId, orderId, mode, failAt, status: 'completed', timeline };
}
