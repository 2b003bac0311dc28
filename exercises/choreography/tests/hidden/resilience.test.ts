// What at-least-once delivery and outages do to a choreography: every repeat is harmless, a service
// that is down only delays the checkout, and a handler that failed half-way gets its event again.
import { describe, expect, it } from 'vitest';
import { eventOf, eventsOf, expectChain, HAPPY_CHAIN, MUG_ORDER, newShop } from '../support/shop';

describe('repeats', () => {
  it('OrderPlaced delivered twice charges the customer once and publishes one PaymentCaptured', () => {
    const shop = newShop();
    const placed = shop.place(MUG_ORDER);
    shop.bus.redeliver(placed.eventId);
    shop.bus.deliverAll();
    expect({ balance: shop.world.wallets.balance('ann'), payments: shop.world.wallets.paymentCount() }).toEqual({ balance: 7000, payments: 1 });
    expectChain(shop, 'o-1', HAPPY_CHAIN, 'OrderPlaced delivered twice');
  });

  it('PaymentCaptured delivered twice reserves the stock once', () => {
    const shop = newShop();
    shop.place(MUG_ORDER);
    shop.bus.redeliver(eventOf(shop, 'o-1', 'PaymentCaptured')!.eventId);
    shop.bus.deliverAll();
    expect({ reservations: shop.world.warehouse.reservations, mugs: shop.world.warehouse.onShelf('mug') }).toEqual({ reservations: ['o-1'], mugs: 3 });
  });

  it('StockUnavailable delivered twice refunds once', () => {
    const shop = newShop({ shelf: { mug: 0, tea: 5 } });
    shop.place(MUG_ORDER);
    shop.bus.redeliver(eventOf(shop, 'o-1', 'StockUnavailable')!.eventId);
    shop.bus.deliverAll();
    expect({ balance: shop.world.wallets.balance('ann'), refunds: eventsOf(shop, 'o-1').filter((event) => event.type === 'PaymentRefunded').length }).toEqual({ balance: 10_000, refunds: 1 });
  });

  it('ShipmentScheduled delivered twice confirms the order once', () => {
    const shop = newShop();
    shop.place(MUG_ORDER);
    shop.bus.redeliver(eventOf(shop, 'o-1', 'ShipmentScheduled')!.eventId);
    shop.bus.deliverAll();
    expect(eventsOf(shop, 'o-1').filter((event) => event.type === 'OrderConfirmed')).toHaveLength(1);
  });
});

describe('outages', () => {
  it('while the stock service is stopped the payment still goes through; the checkout finishes once it is back', () => {
    const shop = newShop();
    shop.bus.pause('stock');
    shop.place(MUG_ORDER);
    expect({ captured: eventOf(shop, 'o-1', 'PaymentCaptured') !== undefined, order: shop.world.orders.statusOf('o-1')?.status }).toEqual({ captured: true, order: 'placed' });
    shop.bus.resume('stock');
    shop.bus.deliverAll();
    expectChain(shop, 'o-1', HAPPY_CHAIN, 'the stock service stopped and started again');
  });

  it("a handler that fails half-way (the stock's database is down) handles the event when it comes again", () => {
    const shop = newShop();
    shop.world.warehouse.down = true;
    shop.place(MUG_ORDER);
    expect(shop.world.orders.statusOf('o-1')?.status).toBe('placed');
    shop.world.warehouse.down = false;
    shop.bus.retryFailed();
    shop.bus.deliverAll();
    expect({ order: shop.world.orders.statusOf('o-1')?.status, payments: shop.world.wallets.paymentCount(), reservations: shop.world.warehouse.reservations }).toEqual({ order: 'confirmed', payments: 1, reservations: ['o-1'] });
  });
});

describe('what the events say', () => {
  it('PaymentRefunded names the payment refunded and its amount; StockUnavailable the SKU short', () => {
    const shop = newShop({ shelf: { mug: 5, tea: 0 } });
    shop.place(MUG_ORDER);
    expect({ unavailable: eventOf(shop, 'o-1', 'StockUnavailable')?.data, refunded: eventOf(shop, 'o-1', 'PaymentRefunded')?.data, mugs: shop.world.warehouse.onShelf('mug') }).toEqual({
      unavailable: { orderId: 'o-1', sku: 'tea' },
      refunded: { orderId: 'o-1', paymentId: 'pay-1', amount: 3000 },
      mugs: 5,
    });
  });

  it('OrderCancelled and OrderConfirmed carry the order and, when cancelled, the reason', () => {
    const shop = newShop();
    shop.place({ ...MUG_ORDER, customerId: 'bob' });
    shop.place({ ...MUG_ORDER, orderId: 'o-2' });
    expect({ cancelled: eventOf(shop, 'o-1', 'OrderCancelled')?.data, confirmed: eventOf(shop, 'o-2', 'OrderConfirmed')?.data }).toEqual({
      cancelled: { orderId: 'o-1', reason: 'payment-declined' },
      confirmed: { orderId: 'o-2' },
    });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'repeats': 'повторы',
  'OrderPlaced delivered twice charges the customer once and publishes one PaymentCaptured': 'OrderPlaced, доставленный дважды, списывает деньги клиента один раз и публикует один PaymentCaptured',
  'PaymentCaptured delivered twice reserves the stock once': 'PaymentCaptured, доставленный дважды, резервирует товар один раз',
  'StockUnavailable delivered twice refunds once': 'StockUnavailable, доставленный дважды, возвращает деньги один раз',
  'ShipmentScheduled delivered twice confirms the order once': 'ShipmentScheduled, доставленный дважды, подтверждает заказ один раз',
  'outages': 'сбои',
  'while the stock service is stopped the payment still goes through; the checkout finishes once it is back': 'пока сервис склада остановлен, оплата всё равно проходит; оформление завершается, когда он вернётся',
  'a handler that fails half-way (the stock\'s database is down) handles the event when it comes again': 'обработчик, упавший на полпути (база склада недоступна), обрабатывает событие, когда оно приходит снова',
  'what the events say': 'что сообщают события',
  'PaymentRefunded names the payment refunded and its amount; StockUnavailable the SKU short': 'PaymentRefunded называет возвращённый платёж и его сумму, а StockUnavailable — артикул, которого не хватило',
  'OrderCancelled and OrderConfirmed carry the order and, when cancelled, the reason': 'OrderCancelled и OrderConfirmed несут заказ, а при отмене — и её причину',
};
