// One test per mistake students really make in pay, ship, deliver and cancel, each worth a visible
// share of the grade (see the manifest): without this suite a rule broken in one place cost 1 point
// of 135 when a single test in a long suite caught it.
import { describe, expect, it } from 'vitest';
import { say } from '@engine/common/phrase';
import { steppingClock } from '@workspace/clock';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { commands, history, TOTAL, untyped } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('mistakes that cost points', () => {
  it('paying a cancelled order is refused with INVALID_STATE', () => {
    given(...history.cancelled()).when(commands.pay()).thenFails('INVALID_STATE');
  });

  it('cancelling a delivered order is refused with INVALID_STATE', () => {
    given(...history.delivered()).when(commands.cancel()).thenFails('INVALID_STATE');
  });

  it('shipping an order that is not paid yet is refused with INVALID_STATE', () => {
    given(...history.pending()).when(commands.ship()).thenFails('INVALID_STATE');
  });

  it('a paymentId of spaces is blank: refused with VALIDATION', () => {
    given(...history.pending()).when(commands.pay({ paymentId: '   ' })).thenFails('VALIDATION');
  });

  it('a cancel reason of spaces is blank: refused with VALIDATION', () => {
    given(...history.paid()).when(commands.cancel({ reason: '\t  ' })).thenFails('VALIDATION');
  });

  it('the status is checked first: paying a paid order with every field wrong is refused with INVALID_STATE', () => {
    given(...history.paid())
      .when(commands.pay({ paymentId: ' ', paymentMethod: untyped('cash'), amount: -1 }))
      .thenFails('INVALID_STATE');
  });

  it('an amount is compared strictly: the string "4799" is not 4799 cents (AMOUNT_MISMATCH)', () => {
    given(...history.pending()).when(commands.pay({ amount: untyped(String(TOTAL)) })).thenFails('AMOUNT_MISMATCH');
  });

  it('a payment method named like a property of every object ("toString") is refused with INVALID_PAYMENT_METHOD', () => {
    given(...history.pending()).when(commands.pay({ paymentMethod: untyped('toString') })).thenFails('INVALID_PAYMENT_METHOD');
  });

  it('a ship refused for a blank carrier leaves the order exactly as it was (state changes only in apply)', () => {
    given(...history.paid()).when(commands.ship({ carrier: ' ' })).thenFails('VALIDATION');
  });

  it('deliver reads the clock once: deliveredAt equals the event timestamp', () => {
    const order = OrderAggregate.fromEvents(history.shipped(), steppingClock('2031-06-01T00:00:00.000Z', 1));
    order.deliver(commands.deliver());
    const [event] = order.uncommittedEvents;
    const delivered = event as { timestamp?: string; deliveredAt?: string } | undefined;
    expect({ deliveredAt: delivered?.deliveredAt, timestamp: delivered?.timestamp }, say('deliveredAt must be the same reading as timestamp', 'deliveredAt должно быть тем же показанием часов, что и timestamp')).toEqual({
      deliveredAt: '2031-06-01T00:00:00.000Z',
      timestamp: '2031-06-01T00:00:00.000Z',
    });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'mistakes that cost points': 'ошибки, которые стоят баллов',
  'paying a cancelled order is refused with INVALID_STATE': 'оплата отменённого заказа отклоняется с INVALID_STATE',
  'cancelling a delivered order is refused with INVALID_STATE': 'отмена доставленного заказа отклоняется с INVALID_STATE',
  'shipping an order that is not paid yet is refused with INVALID_STATE': 'отправка ещё не оплаченного заказа отклоняется с INVALID_STATE',
  'a paymentId of spaces is blank: refused with VALIDATION': 'paymentId из пробелов пуст: отказ с VALIDATION',
  'a cancel reason of spaces is blank: refused with VALIDATION': 'причина отмены из пробелов пуста: отказ с VALIDATION',
  'the status is checked first: paying a paid order with every field wrong is refused with INVALID_STATE': 'статус проверяется первым: оплата оплаченного заказа, где неверны все поля, отклоняется с INVALID_STATE',
  'an amount is compared strictly: the string "4799" is not 4799 cents (AMOUNT_MISMATCH)': 'сумма сравнивается строго: строка "4799" — это не 4799 центов (AMOUNT_MISMATCH)',
  'a payment method named like a property of every object ("toString") is refused with INVALID_PAYMENT_METHOD': 'способ оплаты с именем свойства любого объекта ("toString") отклоняется с INVALID_PAYMENT_METHOD',
  'a ship refused for a blank carrier leaves the order exactly as it was (state changes only in apply)': 'ship, отклонённый из-за пустого перевозчика, оставляет заказ в точности как был (состояние меняется только в apply)',
  'deliver reads the clock once: deliveredAt equals the event timestamp': 'deliver читает часы один раз: deliveredAt равно времени события',
};
