// Your aggregate in its real surroundings: a command handler loads it from an event store, runs the
// command and appends the new events; a fresh copy rebuilt from the stored stream must agree with it.
// (Only infrastructure comes from the engine here: the handler and the store. The installed app ships
// these imports as source, so nothing here may be a reference answer.)
import { describe, expect, it } from 'vitest';
import { createOrderCommandHandler } from '@engine/domain/orders/commandHandler';
import { fromRecordedEvent, orderStreamId } from '@engine/domain/orders/storedEvents';
import { createMemoryEventStore, type EventStore } from '@engine/store/memory';
import { steppingClock } from '@workspace/clock';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { stateOf } from '../support/state';

const ORDER = 'order-int-1';
const ITEMS = [
  { productId: 'lamp', productName: 'Desk lamp', quantity: 1, unitPrice: 2599 },
  { productId: 'bulb', productName: 'LED bulb', quantity: 4, unitPrice: 399 },
];
const TOTAL = 2599 + 4 * 399;

function errorCodeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}

function setUp() {
  const store = createMemoryEventStore();
  const handler = createOrderCommandHandler({
    store,
    clock: steppingClock('2030-05-01T12:00:00.000Z', 60_000),
    aggregate: OrderAggregate,
  });
  handler.handle({ type: 'CreateOrder', orderId: ORDER, customerId: 'cust-1', items: ITEMS, shippingAddress: '8 Mill Rd' });
  return { store, handler };
}

/** The order as a fresh aggregate rebuilt from what the store holds. */
function reloaded(store: EventStore): OrderAggregate {
  return OrderAggregate.fromEvents(store.readStream(orderStreamId(ORDER)).events.map(fromRecordedEvent));
}

describe('through the command handler and the event store', () => {
  it('an order is paid, shipped and delivered, and the stored events tell the same story', () => {
    const { store, handler } = setUp();

    handler.handle({ type: 'PayOrder', orderId: ORDER, paymentId: 'pay-77', paymentMethod: 'credit_card', amount: TOTAL });
    handler.handle({ type: 'ShipOrder', orderId: ORDER, trackingNumber: 'TRK-5', carrier: 'DHL' });
    expect(reloaded(store)).toMatchObject({
      status: 'shipped',
      customerId: 'cust-1',
      totalAmount: TOTAL,
      createdAt: '2030-05-01T12:00:00.000Z',
      paidAt: '2030-05-01T12:01:00.000Z',
    });
    expect(reloaded(store).items).toHaveLength(2);

    const delivered = handler.handle({ type: 'DeliverOrder', orderId: ORDER });
    expect(delivered.version).toBe(4);
    expect(delivered.events.map((event) => event.type)).toEqual(['OrderDelivered']);

    const stream = store.readStream(orderStreamId(ORDER));
    expect(stream.events.map((event) => event.type)).toEqual(['OrderCreated', 'OrderPaid', 'OrderShipped', 'OrderDelivered']);
    expect(stream.currentVersion).toBe(4);
    expect(stream.events.map((event) => event.data)).toMatchObject([
      { version: 1 },
      { version: 2, paymentId: 'pay-77', paymentMethod: 'credit_card', amount: TOTAL, timestamp: '2030-05-01T12:01:00.000Z' },
      { version: 3, trackingNumber: 'TRK-5', carrier: 'DHL', timestamp: '2030-05-01T12:02:00.000Z' },
      { version: 4, timestamp: '2030-05-01T12:03:00.000Z' },
    ]);

    const order = reloaded(store);
    expect(order).toMatchObject({
      status: 'delivered',
      version: 4,
      paymentId: 'pay-77',
      paymentMethod: 'credit_card',
      trackingNumber: 'TRK-5',
      carrier: 'DHL',
      paidAt: '2030-05-01T12:01:00.000Z',
      shippedAt: '2030-05-01T12:02:00.000Z',
      deliveredAt: '2030-05-01T12:03:00.000Z',
    });
    expect(order.uncommittedEvents).toEqual([]);
  });

  it('a refused command stores nothing and the stored order does not move', () => {
    const { store, handler } = setUp();
    const before = stateOf(reloaded(store));

    expect(
      errorCodeOf(() =>
        handler.handle({ type: 'PayOrder', orderId: ORDER, paymentId: 'pay-1', paymentMethod: 'paypal', amount: TOTAL - 1 }),
      ),
    ).toBe('AMOUNT_MISMATCH');
    expect(errorCodeOf(() => handler.handle({ type: 'CancelOrder', orderId: ORDER, reason: '   ' }))).toBe('VALIDATION');

    expect(store.readStream(orderStreamId(ORDER)).currentVersion).toBe(1);
    expect(stateOf(reloaded(store))).toEqual(before);
    expect(reloaded(store).status).toBe('pending');

    handler.handle({ type: 'CancelOrder', orderId: ORDER, reason: 'Duplicate order' });
    expect(reloaded(store)).toMatchObject({ status: 'cancelled', cancelReason: 'Duplicate order', cancelledAt: '2030-05-01T12:01:00.000Z' });
    expect(store.readStream(orderStreamId(ORDER)).events.map((event) => event.type)).toEqual(['OrderCreated', 'OrderCancelled']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'through the command handler and the event store': 'через обработчик команд и хранилище событий',
  'an order is paid, shipped and delivered, and the stored events tell the same story': 'заказ оплачен, отправлен и доставлен, и сохранённые события рассказывают то же самое',
  'a refused command stores nothing and the stored order does not move': 'отклонённая команда ничего не сохраняет, и сохранённый заказ не меняется',
};
