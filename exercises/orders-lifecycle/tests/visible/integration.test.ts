// Your aggregate in its real surroundings: a command handler loads it from an event store,
// runs the command, appends the new events, and a read model follows the store's log.
import { describe, expect, it } from 'vitest';
import { createOrderCommandHandler, OrderReadModel, orderStreamId } from '@engine/domain/orders';
import { createMemoryEventStore } from '@engine/store/memory';
import { steppingClock } from '@workspace/clock';
import { OrderAggregate } from '@workspace/OrderAggregate';

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
  const readModel = new OrderReadModel();
  const stopFollowing = readModel.follow(store);
  const handler = createOrderCommandHandler({
    store,
    clock: steppingClock('2030-05-01T12:00:00.000Z', 60_000),
    aggregate: OrderAggregate,
  });
  handler.handle({ type: 'CreateOrder', orderId: ORDER, customerId: 'cust-1', items: ITEMS, shippingAddress: '8 Mill Rd' });
  return { store, readModel, handler, stopFollowing };
}

describe('through the command handler, the event store and the read model', () => {
  it('an order is paid, shipped and delivered, and every view agrees', () => {
    const { store, readModel, handler, stopFollowing } = setUp();

    handler.handle({ type: 'PayOrder', orderId: ORDER, paymentId: 'pay-77', paymentMethod: 'credit_card', amount: TOTAL });
    handler.handle({ type: 'ShipOrder', orderId: ORDER, trackingNumber: 'TRK-5', carrier: 'DHL' });
    expect(readModel.getSummary(ORDER)).toEqual({
      orderId: ORDER,
      customerId: 'cust-1',
      status: 'shipped',
      totalAmount: TOTAL,
      itemCount: 2,
      createdAt: '2030-05-01T12:00:00.000Z',
    });

    const delivered = handler.handle({ type: 'DeliverOrder', orderId: ORDER });
    expect(delivered.version).toBe(4);

    const stream = store.readStream(orderStreamId(ORDER));
    expect(stream.events.map((event) => event.type)).toEqual(['OrderCreated', 'OrderPaid', 'OrderShipped', 'OrderDelivered']);
    expect(stream.currentVersion).toBe(4);

    const details = readModel.getDetails(ORDER);
    expect(details).toMatchObject({
      status: 'delivered',
      paymentId: 'pay-77',
      paymentMethod: 'credit_card',
      trackingNumber: 'TRK-5',
      carrier: 'DHL',
      paidAt: '2030-05-01T12:01:00.000Z',
      shippedAt: '2030-05-01T12:02:00.000Z',
      deliveredAt: '2030-05-01T12:03:00.000Z',
    });
    expect(readModel.listOrders({ status: 'delivered', page: 1, pageSize: 10 }).orders.map((order) => order.orderId)).toEqual([ORDER]);
    stopFollowing();
  });

  it('a refused command stores nothing and the read model does not move', () => {
    const { store, readModel, handler, stopFollowing } = setUp();

    expect(
      errorCodeOf(() =>
        handler.handle({ type: 'PayOrder', orderId: ORDER, paymentId: 'pay-1', paymentMethod: 'paypal', amount: TOTAL - 1 }),
      ),
    ).toBe('AMOUNT_MISMATCH');
    expect(errorCodeOf(() => handler.handle({ type: 'CancelOrder', orderId: ORDER, reason: '   ' }))).toBe('VALIDATION');

    expect(store.readStream(orderStreamId(ORDER)).currentVersion).toBe(1);
    expect(readModel.getSummary(ORDER)?.status).toBe('pending');

    handler.handle({ type: 'CancelOrder', orderId: ORDER, reason: 'Duplicate order' });
    expect(readModel.getDetails(ORDER)).toMatchObject({ status: 'cancelled', cancelReason: 'Duplicate order' });
    stopFollowing();
  });
});
