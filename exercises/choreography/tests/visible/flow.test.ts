// The checkout through events only: the happy path, a declined payment, and stock that runs out
// after the payment (compensated by a refund).
import { describe, expect, it } from 'vitest';
import { eventOf, expectChain, HAPPY_CHAIN, MUG_ORDER, newShop } from '../support/shop';

describe('the checkout', () => {
  it('goes OrderPlaced → PaymentCaptured → StockReserved → ShipmentScheduled → OrderConfirmed, each published by its own service', () => {
    const shop = newShop();
    shop.place(MUG_ORDER);
    expectChain(shop, 'o-1', HAPPY_CHAIN, 'placing an order the customer can pay and the shelf can fill');
    expect(shop.world.orders.statusOf('o-1')).toEqual({ status: 'confirmed', reason: null });
  });

  it('charges the customer, takes the units off the shelf and schedules one shipment', () => {
    const shop = newShop();
    shop.place(MUG_ORDER);
    expect({
      balance: shop.world.wallets.balance('ann'),
      shelf: [shop.world.warehouse.onShelf('mug'), shop.world.warehouse.onShelf('tea')],
      shipments: shop.world.shipments.scheduled,
    }).toEqual({ balance: 7000, shelf: [3, 4], shipments: [{ shipmentId: 'ship-1', orderId: 'o-1' }] });
  });

  it('says what it did: the payment with its id and amount', () => {
    const shop = newShop();
    shop.place(MUG_ORDER);
    expect(eventOf(shop, 'o-1', 'PaymentCaptured')?.data).toEqual({ orderId: 'o-1', paymentId: 'pay-1', amount: 3000 });
  });

  it('a declined payment cancels the order and leaves the shelf alone', () => {
    const shop = newShop();
    shop.place({ ...MUG_ORDER, customerId: 'bob' });
    expectChain(shop, 'o-1', [
      { type: 'OrderPlaced', by: 'order' },
      { type: 'PaymentDeclined', by: 'payment' },
      { type: 'OrderCancelled', by: 'order' },
    ], 'placing an order the customer cannot pay');
    expect({ order: shop.world.orders.statusOf('o-1'), mugs: shop.world.warehouse.onShelf('mug') }).toEqual({ order: { status: 'cancelled', reason: 'payment-declined' }, mugs: 5 });
  });

  it('stock that runs out after the payment is compensated: the payment is refunded and the order cancelled', () => {
    const shop = newShop({ shelf: { mug: 1, tea: 5 } });
    shop.place(MUG_ORDER);
    expectChain(shop, 'o-1', [
      { type: 'OrderPlaced', by: 'order' },
      { type: 'PaymentCaptured', by: 'payment' },
      { type: 'StockUnavailable', by: 'stock' },
      { type: 'PaymentRefunded', by: 'payment' },
      { type: 'OrderCancelled', by: 'order' },
    ], 'placing an order the shelf cannot fill');
    expect({ balance: shop.world.wallets.balance('ann'), order: shop.world.orders.statusOf('o-1'), shipments: shop.world.shipments.scheduled.length }).toEqual({
      balance: 10_000,
      order: { status: 'cancelled', reason: 'out-of-stock' },
      shipments: 0,
    });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the checkout': 'оформление заказа',
  'goes OrderPlaced → PaymentCaptured → StockReserved → ShipmentScheduled → OrderConfirmed, each published by its own service': 'идёт OrderPlaced → PaymentCaptured → StockReserved → ShipmentScheduled → OrderConfirmed, и каждое событие публикует свой сервис',
  'charges the customer, takes the units off the shelf and schedules one shipment': 'списывает деньги клиента, снимает товар с полки и назначает одну доставку',
  'says what it did: the payment with its id and amount': 'сообщает, что сделано: платёж с его идентификатором и суммой',
  'a declined payment cancels the order and leaves the shelf alone': 'отклонённый платёж отменяет заказ и не трогает полку',
  'stock that runs out after the payment is compensated: the payment is refunded and the order cancelled': 'нехватка товара после оплаты компенсируется: платёж возвращается, заказ отменяется',
};
