// The code you are given, working as described: these tests pass before you write anything.
import { describe, expect, it } from 'vitest';
import { orderEventOf, orderStreamId, toStored } from '@workspace/log';
import { checkListOrders, newestFirst, type OrderSummary } from '@workspace/views';
import { toSummary } from '@workspace/OrderProjection';
import { codeOf, newLog, order } from '../support/orders';

function summary(orderId: string, createdAt: string): OrderSummary {
  return { orderId, customerId: 'c', status: 'pending', totalAmount: 1, itemCount: 1, createdAt };
}

describe('the given code', () => {
  it('orderEventOf gives back the order event and skips entries of other streams', () => {
    const log = newLog();
    const events = order('o-1', 'ann', 0).pay(2599).events;
    log.append(...events);
    log.appendForeign();
    const stored = log.readAll({ after: 0, maxCount: 10 });
    expect(stored.map((entry) => entry.streamId)).toEqual([orderStreamId('o-1'), orderStreamId('o-1'), 'payment-777']);
    expect(stored.map(orderEventOf)).toEqual([events[0], events[1], null]);
    expect(toStored(events[0]).type).toBe('OrderCreated');
  });

  it('checkListOrders refuses page 0, fractions and pages over 100 rows', () => {
    for (const bad of [{ page: 0, pageSize: 10 }, { page: 1.5, pageSize: 10 }, { page: 1, pageSize: 0 }, { page: 1, pageSize: 101 }]) {
      expect(codeOf(() => checkListOrders(bad))).toBe('VALIDATION');
    }
    expect(() => checkListOrders({ page: 3, pageSize: 100 })).not.toThrow();
  });

  it('newestFirst puts the newest order first and breaks ties by id', () => {
    const rows = [summary('b', '2030-01-01'), summary('a', '2030-01-01'), summary('c', '2030-02-01')];
    expect(rows.sort(newestFirst).map((row) => row.orderId)).toEqual(['c', 'a', 'b']);
  });

  it('toSummary counts item lines, not units', () => {
    const [created] = order('o-2', 'ann', 0, [{ productId: 'p', productName: 'P', quantity: 5, unitPrice: 10 }]).events;
    if (created.type !== 'OrderCreated') throw new Error('expected OrderCreated');
    const row = {
      orderId: 'o-2', version: 1, customerId: 'ann', status: 'pending' as const, items: created.items, totalAmount: 50,
      shippingAddress: 'x', paymentId: null, paymentMethod: null, trackingNumber: null, carrier: null,
      createdAt: created.timestamp, paidAt: null, shippedAt: null, deliveredAt: null, cancelledAt: null, cancelReason: null,
    };
    expect(toSummary(row)).toEqual({ orderId: 'o-2', customerId: 'ann', status: 'pending', totalAmount: 50, itemCount: 1, createdAt: created.timestamp });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given code': 'готовый код',
  'orderEventOf gives back the order event and skips entries of other streams': 'orderEventOf возвращает событие заказа и пропускает записи чужих потоков',
  'checkListOrders refuses page 0, fractions and pages over 100 rows': 'checkListOrders отклоняет страницу 0, дробные значения и страницы больше 100 строк',
  'newestFirst puts the newest order first and breaks ties by id': 'newestFirst ставит самый новый заказ первым, а при равенстве упорядочивает по идентификатору',
  'toSummary counts item lines, not units': 'toSummary считает строки товаров, а не единицы',
};
