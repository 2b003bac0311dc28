// A refused command leaves no trace: no event, no field changed, not even the ones whose
// checks had already passed. And the order still accepts a valid command afterwards.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '@workspace/clock';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { commands, history, NOW, ORDER_ID, TOTAL } from '../support/fixtures';
import { stateOf } from '../support/state';

function codeOf(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}

describe('after a refused command', () => {
  it('a pay with the right id and method but the wrong amount sets no payment fields', () => {
    const order = OrderAggregate.fromEvents(history.pending(), fixedClock(NOW));
    const before = stateOf(order);
    expect(codeOf(() => order.pay(commands.pay({ amount: TOTAL - 1 })))).toBe('AMOUNT_MISMATCH');
    expect(order.paymentId).toBe(null);
    expect(order.paymentMethod).toBe(null);
    expect(order.status).toBe('pending');
    expect(stateOf(order)).toEqual(before);
    expect(order.uncommittedEvents).toHaveLength(0);
  });

  it('a ship with a tracking number but a blank carrier sets no shipping fields', () => {
    const order = OrderAggregate.fromEvents(history.paid(), fixedClock(NOW));
    const before = stateOf(order);
    expect(codeOf(() => order.ship(commands.ship({ carrier: ' ' })))).toBe('VALIDATION');
    expect(order.trackingNumber).toBe(null);
    expect(order.status).toBe('paid');
    expect(stateOf(order)).toEqual(before);
    expect(order.uncommittedEvents).toHaveLength(0);
  });

  it('a cancel with a blank reason keeps the order as it was', () => {
    const order = OrderAggregate.fromEvents(history.shipped(), fixedClock(NOW));
    const before = stateOf(order);
    expect(codeOf(() => order.cancel(commands.cancel({ reason: '' })))).toBe('VALIDATION');
    expect(order.status).toBe('shipped');
    expect(order.cancelReason).toBe(null);
    expect(order.cancelledAt).toBe(null);
    expect(stateOf(order)).toEqual(before);
  });

  it('a refused deliver keeps the version and records nothing', () => {
    const order = OrderAggregate.fromEvents(history.paid(), fixedClock(NOW));
    expect(codeOf(() => order.deliver(commands.deliver()))).toBe('INVALID_STATE');
    expect(order.version).toBe(2);
    expect(order.deliveredAt).toBe(null);
    expect(order.uncommittedEvents).toHaveLength(0);
  });

  it('only the earlier successful event stays uncommitted', () => {
    const order = OrderAggregate.fromEvents(history.pending(), fixedClock(NOW));
    order.pay(commands.pay());
    expect(codeOf(() => order.pay(commands.pay()))).toBe('INVALID_STATE');
    expect(codeOf(() => order.ship(commands.ship({ trackingNumber: '' })))).toBe('VALIDATION');
    expect(order.uncommittedEvents.map((event) => event.type)).toEqual(['OrderPaid']);
    expect(order.version).toBe(2);
  });

  it('the next valid command gets the very next version', () => {
    const order = OrderAggregate.fromEvents(history.pending(), fixedClock(NOW));
    expect(codeOf(() => order.pay(commands.pay({ amount: 1 })))).toBe('AMOUNT_MISMATCH');
    expect(codeOf(() => order.pay(commands.pay({ paymentMethod: 'cheque' as 'paypal' })))).toBe('INVALID_PAYMENT_METHOD');
    order.pay(commands.pay());
    expect(order.uncommittedEvents).toEqual([
      {
        type: 'OrderPaid',
        aggregateId: ORDER_ID,
        version: 2,
        timestamp: NOW,
        paymentId: 'pay-123',
        paymentMethod: 'paypal',
        amount: TOTAL,
      },
    ]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'after a refused command': 'после отклонённой команды',
  'a pay with the right id and method but the wrong amount sets no payment fields': 'pay с верными id и способом, но неверной суммой не заполняет поля оплаты',
  'a ship with a tracking number but a blank carrier sets no shipping fields': 'ship с трек-номером, но без перевозчика не заполняет поля отправки',
  'a cancel with a blank reason keeps the order as it was': 'cancel без причины оставляет заказ как был',
  'a refused deliver keeps the version and records nothing': 'отклонённый deliver сохраняет версию и ничего не записывает',
  'only the earlier successful event stays uncommitted': 'незафиксированным остаётся только прежнее успешное событие',
  'the next valid command gets the very next version': 'следующая верная команда получает ровно следующую версию',
};
