// Fake inventory, payment and shipping services that behave like real idempotent ones: a call
// repeated with the same key returns the first answer and changes nothing. Every call is
// recorded, and any operation can be told to fail. A failing service answers with an error code
// ('CARD_DECLINED'), the same in every language, since the saga copies it into its log; the
// simulated crash, which a student meets as a thrown error, says what happened in both languages.
import { say } from '@engine/testing/givenWhenThen';
import type { SagaEntry } from '@workspace/saga';
import { createMemorySagaLog, type SagaLog } from '@workspace/sagaLog';
import type { FulfilmentRequest, SagaServices } from '@workspace/services';

export type Operation = 'reserve' | 'release' | 'charge' | 'refund' | 'createShipment' | 'cancelShipment';

export interface Call {
  op: Operation;
  key: string;
  /** The id the call was about (for compensations) or returned (for forward calls). */
  id: string;
}

export const REQUEST: FulfilmentRequest = {
  orderId: 'order-17',
  customerId: 'cust-4',
  items: [{ productId: 'kettle', quantity: 1 }, { productId: 'filter', quantity: 3 }],
  amount: 5497,
  address: '3 Canal Walk',
};

export class World {
  readonly calls: Call[] = [];
  /** Operations that throw, with the error code their service answers. */
  readonly failing = new Map<Operation, string>();
  readonly reservations = new Map<string, 'held' | 'released'>();
  readonly payments = new Map<string, 'charged' | 'refunded'>();
  readonly shipments = new Map<string, 'booked' | 'cancelled'>();
  private readonly answers = new Map<string, string>();
  private counter = 0;

  fail(op: Operation, code = 'SERVICE_UNAVAILABLE'): this {
    this.failing.set(op, code);
    return this;
  }

  heal(op: Operation): this {
    this.failing.delete(op);
    return this;
  }

  /** Everything that is true in the three systems now. */
  state() {
    return {
      reservations: Object.fromEntries(this.reservations),
      payments: Object.fromEntries(this.payments),
      shipments: Object.fromEntries(this.shipments),
    };
  }

  /** The operations called, in order. */
  ops(): Operation[] {
    return this.calls.map((call) => call.op);
  }

  private async forward(op: Operation, key: string, prefix: string, effect: (id: string) => void): Promise<string> {
    await Promise.resolve(); // a real service answers later, never synchronously
    const known = this.answers.get(key);
    if (known !== undefined) {
      this.calls.push({ op, key, id: known });
      return known;
    }
    const failure = this.failing.get(op);
    this.calls.push({ op, key, id: failure === undefined ? `${prefix}-${this.counter + 1}` : '' });
    if (failure !== undefined) throw new Error(failure);
    const id = `${prefix}-${++this.counter}`;
    this.answers.set(key, id);
    effect(id);
    return id;
  }

  private async undo(op: Operation, key: string, id: string, effect: () => void): Promise<void> {
    await Promise.resolve();
    this.calls.push({ op, key, id });
    if (this.answers.has(key)) return;
    const failure = this.failing.get(op);
    if (failure !== undefined) throw new Error(failure);
    effect();
    this.answers.set(key, id);
  }

  services(): SagaServices {
    return {
      inventory: {
        reserve: (key) => this.forward('reserve', key, 'res', (id) => this.reservations.set(id, 'held')),
        release: (key, id) =>
          this.undo('release', key, id, () => {
            if (!this.reservations.has(id)) throw new Error(`NO_SUCH_RESERVATION: ${id}`);
            this.reservations.set(id, 'released');
          }),
      },
      payments: {
        charge: (key) => this.forward('charge', key, 'pay', (id) => this.payments.set(id, 'charged')),
        refund: (key, id) =>
          this.undo('refund', key, id, () => {
            if (!this.payments.has(id)) throw new Error(`NO_SUCH_PAYMENT: ${id}`);
            this.payments.set(id, 'refunded');
          }),
      },
      shipping: {
        createShipment: (key) => this.forward('createShipment', key, 'shp', (id) => this.shipments.set(id, 'booked')),
        cancelShipment: (key, id) =>
          this.undo('cancelShipment', key, id, () => {
            if (!this.shipments.has(id)) throw new Error(`NO_SUCH_SHIPMENT: ${id}`);
            this.shipments.set(id, 'cancelled');
          }),
      },
    };
  }
}

/** The process died while writing to the log. */
export class Crash extends Error {
  constructor() {
    super(say('the process died while writing to the saga log', 'процесс упал во время записи в журнал саги'));
    this.name = 'Crash';
  }
}

/** A log whose append number `crashAt` (0 = the first) throws Crash, once; the entries stay in `inner`. */
export function crashingLog(inner: SagaLog, crashAt: number): SagaLog & { crashed: boolean } {
  let appends = 0;
  const log = {
    crashed: false,
    read: (sagaId: string) => inner.read(sagaId),
    append(sagaId: string, entry: SagaEntry) {
      if (!log.crashed && appends++ === crashAt) {
        log.crashed = true;
        throw new Crash();
      }
      inner.append(sagaId, entry);
    },
  };
  return log;
}

export { createMemorySagaLog };
