// Order histories for the tests, written the way the write side would have recorded them, and a
// log (the engine's in-memory event store) to put them in.
import { createMemoryEventStore } from '@engine/store/memory';
import { say } from '@engine/testing/givenWhenThen';
import type { OrderEvent, OrderItem, PaymentMethod } from '@workspace/events';
import { orderStreamId, toStored, type EventLog } from '@workspace/log';

const START = Date.parse('2030-03-01T09:00:00.000Z');

/** The moment `minutes` after the tests' start of time, as the clock would print it. */
export function at(minutes: number): string {
  return new Date(START + minutes * 60_000).toISOString();
}

export const LAMP: OrderItem = { productId: 'lamp', productName: 'Desk lamp', quantity: 1, unitPrice: 2599 };
export const BULB: OrderItem = { productId: 'bulb', productName: 'LED bulb', quantity: 4, unitPrice: 399 };
export const MUG: OrderItem = { productId: 'mug', productName: 'Tea mug', quantity: 2, unitPrice: 850 };

/** Builds one order's events with consecutive versions; each step is one minute after the last. */
export class OrderStory {
  readonly events: OrderEvent[] = [];
  private minute: number;

  constructor(
    readonly orderId: string,
    customerId: string,
    createdAtMinute: number,
    items: OrderItem[] = [LAMP],
    address = '8 Mill Road',
  ) {
    this.minute = createdAtMinute;
    const totalAmount = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
    this.events.push({
      type: 'OrderCreated',
      aggregateId: orderId,
      version: 1,
      timestamp: at(createdAtMinute),
      customerId,
      items: items.map((item) => ({ ...item })),
      totalAmount,
      shippingAddress: address,
    });
  }

  private next(): { aggregateId: string; version: number; timestamp: string } {
    this.minute += 1;
    return { aggregateId: this.orderId, version: this.events.length + 1, timestamp: at(this.minute) };
  }

  add(item: OrderItem): this {
    this.events.push({ type: 'OrderItemAdded', ...this.next(), ...item });
    return this;
  }

  remove(productId: string, quantity: number): this {
    this.events.push({ type: 'OrderItemRemoved', ...this.next(), productId, quantity });
    return this;
  }

  moveTo(newAddress: string): this {
    this.events.push({ type: 'OrderAddressChanged', ...this.next(), newAddress });
    return this;
  }

  pay(amount: number, paymentId = `pay-${this.orderId}`, paymentMethod: PaymentMethod = 'credit_card'): this {
    this.events.push({ type: 'OrderPaid', ...this.next(), paymentId, paymentMethod, amount });
    return this;
  }

  ship(trackingNumber = `TRK-${this.orderId}`, carrier = 'DHL'): this {
    this.events.push({ type: 'OrderShipped', ...this.next(), trackingNumber, carrier });
    return this;
  }

  deliver(): this {
    const envelope = this.next();
    this.events.push({ type: 'OrderDelivered', ...envelope, deliveredAt: envelope.timestamp });
    return this;
  }

  cancel(reason = 'changed my mind'): this {
    const envelope = this.next();
    this.events.push({ type: 'OrderCancelled', ...envelope, reason, cancelledAt: envelope.timestamp });
    return this;
  }
}

export function order(orderId: string, customerId: string, createdAtMinute: number, items?: OrderItem[], address?: string): OrderStory {
  return new OrderStory(orderId, customerId, createdAtMinute, items, address);
}

export interface TestLog extends EventLog {
  /** Appends order events, each to its order's stream, in the order given. */
  append(...events: OrderEvent[]): void;
  /** Appends an event of another kind to another stream (the log holds more than orders). */
  appendForeign(streamId?: string): void;
  head(): number;
  /** How many times readAll was called. */
  reads: number;
}

export function newLog(): TestLog {
  const store = createMemoryEventStore();
  // A reader that asks for the same non-empty batch again and again never gets anywhere: stop it
  // with a clear failure instead of letting it spin until the time limit.
  let lastAfter = -1;
  let sameAfter = 0;
  const log: TestLog = {
    reads: 0,
    readAll(options) {
      log.reads++;
      const batch = store.readAll(options);
      sameAfter = options.after === lastAfter && batch.length > 0 ? sameAfter + 1 : 0;
      lastAfter = options.after;
      if (sameAfter >= 5) {
        throw new Error(
          say(
            `readAll({ after: ${options.after} }) was asked for the same entries 6 times in a row: the checkpoint is not moving`,
            `readAll({ after: ${options.after} }) запросили с одного места 6 раз подряд: контрольная точка не сдвигается`,
          ),
        );
      }
      return batch;
    },
    append(...events) {
      for (const event of events) store.appendToStream(orderStreamId(event.aggregateId), [toStored(event)]);
    },
    appendForeign(streamId = 'payment-777') {
      store.appendToStream(streamId, [{ type: 'PaymentAuthorised', data: { amount: 100 } }]);
    },
    head: () => store.headPosition(),
  };
  return log;
}

/** Events of several stories mixed the way concurrent orders end up in the log: one step of each in turn. */
export function interleave(...stories: OrderStory[]): OrderEvent[] {
  const mixed: OrderEvent[] = [];
  const longest = Math.max(...stories.map((story) => story.events.length));
  for (let i = 0; i < longest; i++) for (const story of stories) if (story.events[i]) mixed.push(story.events[i]);
  return mixed;
}

/** The `code` of what `action` threw, 'no error' when it returned, undefined for an error without one. */
export function codeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return (error as { code?: unknown } | null)?.code;
  }
  return 'no error';
}
