import { describe, expect, it } from 'vitest';
import { steppingClock } from '@workspace/clock';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { CUSTOMER_ID, ITEMS, ORDER_ID, TOTAL } from '../support/fixtures';
import { stateOf } from '../support/state';

function newOrder() {
  const clock = steppingClock('2030-03-01T08:00:00.000Z', 60_000);
  return OrderAggregate.create(ORDER_ID, { customerId: CUSTOMER_ID, items: ITEMS, shippingAddress: '5 Quay St' }, clock);
}

describe('the order lifecycle', () => {
  it('goes pending → paid → shipped → delivered, one event and one version per step', () => {
    const order = newOrder();
    expect(order.status).toBe('pending');

    order.pay({ orderId: ORDER_ID, paymentId: 'pay-9', paymentMethod: 'crypto', amount: TOTAL });
    expect(order.status).toBe('paid');
    order.ship({ orderId: ORDER_ID, trackingNumber: 'TRK-1', carrier: 'FedEx' });
    expect(order.status).toBe('shipped');
    order.deliver({ orderId: ORDER_ID });
    expect(order.status).toBe('delivered');

    expect(order.uncommittedEvents.map((event) => event.type)).toEqual([
      'OrderCreated',
      'OrderPaid',
      'OrderShipped',
      'OrderDelivered',
    ]);
    expect(order.uncommittedEvents.map((event) => event.version)).toEqual([1, 2, 3, 4]);
    expect(order.version).toBe(4);
    expect(order.paidAt).toBe('2030-03-01T08:01:00.000Z');
    expect(order.shippedAt).toBe('2030-03-01T08:02:00.000Z');
    expect(order.deliveredAt).toBe('2030-03-01T08:03:00.000Z');
  });

  it('replaying the recorded events rebuilds exactly the live order', () => {
    const order = newOrder();
    order.pay({ orderId: ORDER_ID, paymentId: 'pay-9', paymentMethod: 'credit_card', amount: TOTAL });
    order.ship({ orderId: ORDER_ID, trackingNumber: 'TRK-1', carrier: 'FedEx' });
    order.deliver({ orderId: ORDER_ID });

    const replayed = OrderAggregate.fromEvents(order.uncommittedEvents);
    expect(stateOf(replayed)).toEqual(stateOf(order));
    expect(replayed.uncommittedEvents).toHaveLength(0);
  });

  it('replaying a cancelled order rebuilds exactly the live order', () => {
    const order = newOrder();
    order.pay({ orderId: ORDER_ID, paymentId: 'pay-9', paymentMethod: 'paypal', amount: TOTAL });
    order.cancel({ orderId: ORDER_ID, reason: 'Changed my mind' });

    const replayed = OrderAggregate.fromEvents(order.uncommittedEvents);
    expect(stateOf(replayed)).toEqual(stateOf(order));
    expect(replayed.status).toBe('cancelled');
    expect(replayed.cancelReason).toBe('Changed my mind');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the order lifecycle': 'жизненный цикл заказа',
  'goes pending → paid → shipped → delivered, one event and one version per step': 'проходит pending → paid → shipped → delivered: на каждом шаге одно событие и одна версия',
  'replaying the recorded events rebuilds exactly the live order': 'воспроизведение записанных событий восстанавливает в точности живой заказ',
  'replaying a cancelled order rebuilds exactly the live order': 'воспроизведение отменённого заказа восстанавливает в точности живой заказ',
};
