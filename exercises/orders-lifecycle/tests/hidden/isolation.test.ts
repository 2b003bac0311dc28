// The state and the events never share objects: changing one must not change the other. Each test
// goes through one of the methods the student writes, so a copy forgotten anywhere on the way from a
// command to the state (in `apply` or in a method) costs points.
import { describe, expect, it } from 'vitest';
import { say } from '@engine/common/phrase';
import type { OrderCreated } from '@workspace/events';
import { fixedClock } from '@workspace/clock';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { commands, CUSTOMER_ID, history, ITEMS, NOW, ORDER_ID, orderCreated } from '../support/fixtures';
import { stateOf } from '../support/state';

const createdOf = (order: OrderAggregate): OrderCreated => order.uncommittedEvents[0] as OrderCreated;

describe('state and events are independent', () => {
  it('after pay, changing the order items does not change the recorded OrderCreated', () => {
    const order = OrderAggregate.create(
      ORDER_ID,
      { customerId: CUSTOMER_ID, items: ITEMS.map((item) => ({ ...item })), shippingAddress: '1 Elm St' },
      fixedClock(NOW),
    );
    order.pay(commands.pay());
    order.items[0]!.quantity = 99;
    order.items.push({ productId: 'x', productName: 'X', quantity: 1, unitPrice: 1 });
    expect(createdOf(order).items, say('the OrderCreated event changed when the order items were changed: state and event share one array', 'событие OrderCreated изменилось вместе с товарами заказа: состояние и событие делят один массив')).toEqual(ITEMS);
  });

  it('after pay, changing the command items changes neither the event nor the order', () => {
    const items = ITEMS.map((item) => ({ ...item }));
    const order = OrderAggregate.create(ORDER_ID, { customerId: CUSTOMER_ID, items, shippingAddress: '1 Elm St' }, fixedClock(NOW));
    order.pay(commands.pay());
    items[0]!.unitPrice = 1;
    items.pop();
    expect(createdOf(order).items, say('the OrderCreated event changed when the command items were changed', 'событие OrderCreated изменилось вместе с товарами команды')).toEqual(ITEMS);
    expect(order.items, say('the order items changed when the command items were changed', 'товары заказа изменились вместе с товарами команды')).toEqual(ITEMS);
  });

  it('after ship, changing a stored event does not change the order', () => {
    const events = history.paid();
    const order = OrderAggregate.fromEvents(events, fixedClock(NOW));
    order.ship(commands.ship());
    const before = stateOf(order);
    (events[0] as OrderCreated).items[0]!.quantity = 500;
    (events[0] as OrderCreated).items.length = 1;
    expect(stateOf(order), say('the order changed when a stored event was changed: the state shares the event\'s item array', 'заказ изменился вместе с записанным событием: состояние делит с событием массив товаров')).toEqual(before);
  });

  it('two orders replayed from the same events and cancelled do not share items', () => {
    const events = [orderCreated()];
    const first = OrderAggregate.fromEvents(events, fixedClock(NOW));
    const second = OrderAggregate.fromEvents(events, fixedClock(NOW));
    first.cancel(commands.cancel());
    second.cancel(commands.cancel());
    first.items[0]!.quantity = 42;
    expect(second.items, say('changing one order\'s items changed another order replayed from the same events', 'товары одного заказа поменялись вместе с другим заказом, восстановленным из тех же событий')).toEqual(ITEMS);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'state and events are independent': 'состояние и события независимы',
  'after pay, changing the order items does not change the recorded OrderCreated': 'после pay изменение позиций заказа не меняет записанный OrderCreated',
  'after pay, changing the command items changes neither the event nor the order': 'после pay изменение позиций команды не меняет ни событие, ни заказ',
  'after ship, changing a stored event does not change the order': 'после ship изменение сохранённого события не меняет заказ',
  'two orders replayed from the same events and cancelled do not share items': 'два заказа, восстановленные из одних событий и отменённые, не делят позиции',
};
