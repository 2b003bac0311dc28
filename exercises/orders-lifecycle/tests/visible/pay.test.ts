import { describe, expect, it } from 'vitest';
import { commands, history, NOW, ORDER_ID, TOTAL } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('pay', () => {
  it('records OrderPaid when a pending order is paid in full', () => {
    given(...history.pending())
      .when(commands.pay())
      .then({
        type: 'OrderPaid',
        aggregateId: ORDER_ID,
        version: 2,
        timestamp: NOW,
        paymentId: 'pay-123',
        paymentMethod: 'paypal',
        amount: TOTAL,
      });
  });

  it('leaves the order paid, with the payment and the time it was paid', () => {
    const order = given(...history.pending())
      .when(commands.pay({ paymentMethod: 'bank_transfer' }))
      .then({
        type: 'OrderPaid',
        aggregateId: ORDER_ID,
        version: 2,
        timestamp: NOW,
        paymentId: 'pay-123',
        paymentMethod: 'bank_transfer',
        amount: TOTAL,
      });
    expect(order.status).toBe('paid');
    expect(order.paymentId).toBe('pay-123');
    expect(order.paymentMethod).toBe('bank_transfer');
    expect(order.paidAt).toBe(NOW);
    expect(order.version).toBe(2);
  });

  for (const status of ['paid', 'shipped', 'delivered', 'cancelled'] as const) {
    it(`refuses a ${status} order with INVALID_STATE`, () => {
      given(...history[status]()).when(commands.pay()).thenFails('INVALID_STATE');
    });
  }

  it('refuses an empty paymentId with VALIDATION', () => {
    given(...history.pending()).when(commands.pay({ paymentId: '' })).thenFails('VALIDATION');
  });

  it('refuses an unknown payment method with INVALID_PAYMENT_METHOD', () => {
    given(...history.pending())
      .when(commands.pay({ paymentMethod: 'cash' as 'paypal' }))
      .thenFails('INVALID_PAYMENT_METHOD');
  });

  it('refuses an amount below the total with AMOUNT_MISMATCH', () => {
    given(...history.pending()).when(commands.pay({ amount: TOTAL - 1 })).thenFails('AMOUNT_MISMATCH');
  });

  it('refuses an amount above the total with AMOUNT_MISMATCH', () => {
    given(...history.pending()).when(commands.pay({ amount: TOTAL + 100 })).thenFails('AMOUNT_MISMATCH');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'pay': 'оплата (pay)',
  'records OrderPaid when a pending order is paid in full': 'записывает OrderPaid, когда новый заказ оплачен полностью',
  'leaves the order paid, with the payment and the time it was paid': 'оставляет заказ оплаченным, с платежом и временем оплаты',
  'refuses a paid order with INVALID_STATE': 'отказывает оплаченному заказу с INVALID_STATE',
  'refuses a shipped order with INVALID_STATE': 'отказывает отправленному заказу с INVALID_STATE',
  'refuses a delivered order with INVALID_STATE': 'отказывает доставленному заказу с INVALID_STATE',
  'refuses a cancelled order with INVALID_STATE': 'отказывает отменённому заказу с INVALID_STATE',
  'refuses an empty paymentId with VALIDATION': 'отказывает с VALIDATION, если paymentId пуст',
  'refuses an unknown payment method with INVALID_PAYMENT_METHOD': 'отказывает с INVALID_PAYMENT_METHOD, если способ оплаты неизвестен',
  'refuses an amount below the total with AMOUNT_MISMATCH': 'отказывает с AMOUNT_MISMATCH, если сумма меньше суммы заказа',
  'refuses an amount above the total with AMOUNT_MISMATCH': 'отказывает с AMOUNT_MISMATCH, если сумма больше суммы заказа',
};
