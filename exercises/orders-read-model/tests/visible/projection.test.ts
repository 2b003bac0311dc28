// Each kind of order event, projected into the order's row.
import { describe, expect, it } from 'vitest';
import { given } from '../support/givenWhenThen';
import { at, BULB, LAMP, MUG, order } from '../support/orders';

const TOTAL = LAMP.unitPrice + 4 * BULB.unitPrice;

describe('projecting order events', () => {
  it('OrderCreated makes a pending row with the items, the total and the creation time', () => {
    const story = order('o-1', 'ann', 0, [LAMP, BULB]);
    given(...story.events).thenSummary('o-1', {
      orderId: 'o-1', customerId: 'ann', status: 'pending', totalAmount: TOTAL, itemCount: 2, createdAt: at(0),
    });
  });

  it('a new order has details with every later field still null', () => {
    const story = order('o-1', 'ann', 0, [LAMP], '1 Elm St');
    given(...story.events).thenDetails('o-1', {
      orderId: 'o-1', version: 1, customerId: 'ann', status: 'pending', items: [LAMP], totalAmount: LAMP.unitPrice,
      shippingAddress: '1 Elm St', paymentId: null, paymentMethod: null, trackingNumber: null, carrier: null,
      createdAt: at(0), paidAt: null, shippedAt: null, deliveredAt: null, cancelledAt: null, cancelReason: null,
    });
  });

  it('OrderItemAdded adds a line and raises the total', () => {
    const story = order('o-1', 'ann', 0, [LAMP]).add(MUG);
    given(...story.events).thenDetails('o-1', { items: [LAMP, MUG], totalAmount: LAMP.unitPrice + 2 * MUG.unitPrice, version: 2 });
  });

  it('adding more of a product already in the order grows its line', () => {
    const story = order('o-1', 'ann', 0, [BULB]).add({ ...BULB, quantity: 1 });
    given(...story.events).thenSummary('o-1', {
      orderId: 'o-1', customerId: 'ann', status: 'pending', totalAmount: 5 * BULB.unitPrice, itemCount: 1, createdAt: at(0),
    });
  });

  it('OrderItemRemoved takes units away and lowers the total', () => {
    const story = order('o-1', 'ann', 0, [LAMP, BULB]).remove('bulb', 3);
    given(...story.events).thenDetails('o-1', { items: [LAMP, { ...BULB, quantity: 1 }], totalAmount: LAMP.unitPrice + BULB.unitPrice });
  });

  it('OrderAddressChanged changes the shipping address', () => {
    const story = order('o-1', 'ann', 0).moveTo('22 Harbour Lane');
    given(...story.events).thenDetails('o-1', { shippingAddress: '22 Harbour Lane', version: 2 });
  });

  it('OrderPaid records the payment and when it happened', () => {
    const story = order('o-1', 'ann', 0).pay(LAMP.unitPrice, 'pay-9', 'paypal');
    given(...story.events).thenDetails('o-1', { status: 'paid', paymentId: 'pay-9', paymentMethod: 'paypal', paidAt: at(1) });
  });

  it('OrderShipped records the tracking number, the carrier and the time', () => {
    const story = order('o-1', 'ann', 0).pay(LAMP.unitPrice).ship('TRK-42', 'UPS');
    given(...story.events).thenDetails('o-1', { status: 'shipped', trackingNumber: 'TRK-42', carrier: 'UPS', shippedAt: at(2), version: 3 });
  });

  it('OrderDelivered records the delivery time', () => {
    const story = order('o-1', 'ann', 0).pay(LAMP.unitPrice).ship().deliver();
    given(...story.events).thenDetails('o-1', { status: 'delivered', deliveredAt: at(3), paidAt: at(1), shippedAt: at(2) });
  });

  it('OrderCancelled records the reason and the time', () => {
    const story = order('o-1', 'ann', 0).cancel('found it cheaper');
    given(...story.events).thenDetails('o-1', { status: 'cancelled', cancelReason: 'found it cheaper', cancelledAt: at(1) });
  });

  it('orders are kept apart: each row sees only its own events', () => {
    const a = order('a', 'ann', 0).pay(LAMP.unitPrice);
    const b = order('b', 'bob', 1, [MUG]).cancel();
    const projection = given(...a.events, ...b.events).thenSummary('a', {
      orderId: 'a', customerId: 'ann', status: 'paid', totalAmount: LAMP.unitPrice, itemCount: 1, createdAt: at(0),
    });
    expect(projection.getSummary('b')?.status).toBe('cancelled');
    expect(projection.getSummary('nope')).toBeUndefined();
    expect(projection.getDetails('nope')).toBeUndefined();
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'projecting order events': 'проекция событий заказов',
  'OrderCreated makes a pending row with the items, the total and the creation time': 'OrderCreated создаёт строку нового (pending) заказа с товарами, суммой и временем создания',
  'a new order has details with every later field still null': 'в подробностях нового заказа все поля, которые заполнятся позже, ещё null',
  'OrderItemAdded adds a line and raises the total': 'OrderItemAdded добавляет строку и увеличивает сумму',
  'adding more of a product already in the order grows its line': 'добавление товара, который уже есть в заказе, увеличивает его строку',
  'OrderItemRemoved takes units away and lowers the total': 'OrderItemRemoved убирает единицы товара и уменьшает сумму',
  'OrderAddressChanged changes the shipping address': 'OrderAddressChanged меняет адрес доставки',
  'OrderPaid records the payment and when it happened': 'OrderPaid записывает оплату и её время',
  'OrderShipped records the tracking number, the carrier and the time': 'OrderShipped записывает трек-номер, перевозчика и время',
  'OrderDelivered records the delivery time': 'OrderDelivered записывает время доставки',
  'OrderCancelled records the reason and the time': 'OrderCancelled записывает причину и время',
  'orders are kept apart: each row sees only its own events': 'заказы не смешиваются: каждая строка видит только свои события',
};
