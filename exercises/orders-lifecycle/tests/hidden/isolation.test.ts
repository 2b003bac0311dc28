// The state and the events never share objects: changing one must not change the other.
// (This is the given code's job; these tests guard it against careless edits.)
import { describe, expect, it } from 'vitest';
import type { OrderCreated } from '@workspace/events';
import { fixedClock } from '@workspace/clock';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { CUSTOMER_ID, history, ITEMS, NOW, ORDER_ID, orderCreated, TOTAL } from '../support/fixtures';
import { stateOf } from '../support/state';

describe('state and events are independent', () => {
  it('changing the order items does not change the recorded OrderCreated', () => {
    const order = OrderAggregate.create(
      ORDER_ID,
      { customerId: CUSTOMER_ID, items: ITEMS.map((item) => ({ ...item })), shippingAddress: '1 Elm St' },
      fixedClock(NOW),
    );
    order.items[0]!.quantity = 99;
    order.items.push({ productId: 'x', productName: 'X', quantity: 1, unitPrice: 1 });
    const created = order.uncommittedEvents[0] as OrderCreated;
    expect(created.items).toEqual(ITEMS);
    expect(created.totalAmount).toBe(TOTAL);
  });

  it('changing the command items after create changes neither the event nor the order', () => {
    const items = ITEMS.map((item) => ({ ...item }));
    const order = OrderAggregate.create(ORDER_ID, { customerId: CUSTOMER_ID, items, shippingAddress: '1 Elm St' }, fixedClock(NOW));
    items[0]!.unitPrice = 1;
    items.pop();
    expect((order.uncommittedEvents[0] as OrderCreated).items).toEqual(ITEMS);
    expect(order.items).toEqual(ITEMS);
  });

  it('changing a stored event after replay does not change the order', () => {
    const events = history.paid();
    const order = OrderAggregate.fromEvents(events, fixedClock(NOW));
    const before = stateOf(order);
    (events[0] as OrderCreated).items[0]!.quantity = 500;
    (events[0] as OrderCreated).items.length = 1;
    expect(stateOf(order)).toEqual(before);
  });

  it('two orders replayed from the same events do not share items', () => {
    const events = [orderCreated()];
    const first = OrderAggregate.fromEvents(events, fixedClock(NOW));
    const second = OrderAggregate.fromEvents(events, fixedClock(NOW));
    first.items[0]!.quantity = 42;
    expect(second.items).toEqual(ITEMS);
  });
});
