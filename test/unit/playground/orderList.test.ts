// The playground's order list reaches every order (not the newest hundred) and finds one by id or customer.
import { describe, expect, it } from 'vitest';
import { listOrders, matchesOrderQuery } from '../../../electron/engine/playground/orderList';
import type { RecordedEvent } from '../../../electron/engine/store';

function created(i: number, customerId: string, streamId = `order-${i.toString(16).padStart(8, '0')}`): RecordedEvent {
  return { globalPosition: i, streamId, streamVersion: 1, eventId: `e${i}`, type: 'OrderCreated', schemaVersion: 1, data: { customerId }, metadata: {}, recordedAt: new Date(i * 1000).toISOString() };
}
const events = Array.from({ length: 1003 }, (_, i) => created(i + 1, i === 7 ? 'zoe' : `customer-${i % 10}`));

describe('listOrders', () => {
  it('pages through all 1,003 orders, newest first', () => {
    const first = listOrders(events, 'order-', { query: '', offset: 0, limit: 100 });
    expect(first.total).toBe(1003);
    expect(first.orders).toHaveLength(100);
    expect(first.orders[0]!.orderId).toBe((1003).toString(16).padStart(8, '0'));
    const last = listOrders(events, 'order-', { query: '', offset: 1000, limit: 100 });
    expect(last.orders.map((o) => o.orderId)).toEqual([3, 2, 1].map((n) => n.toString(16).padStart(8, '0')));
  });

  it('finds an old order by its customer or part of its id, and skips other streams', () => {
    const byCustomer = listOrders(events, 'order-', { query: 'ZOE', offset: 0, limit: 100 });
    expect(byCustomer.orders).toEqual([{ orderId: (8).toString(16).padStart(8, '0'), customerId: 'zoe', createdAt: new Date(8000).toISOString() }]);
    expect(listOrders(events, 'order-', { query: '3eb', offset: 0, limit: 100 }).orders.map((o) => o.orderId)).toEqual(['000003eb']);
    expect(listOrders([created(1, 'a', 'account-1')], 'order-', { query: '', offset: 0, limit: 10 }).total).toBe(0);
  });

  it('matchesOrderQuery: empty matches all; otherwise id or customer, ignoring case', () => {
    expect(matchesOrderQuery('', { orderId: 'x', customerId: 'y' })).toBe(true);
    expect(matchesOrderQuery('Ali', { orderId: 'ab12', customerId: 'alice' })).toBe(true);
    expect(matchesOrderQuery('zz', { orderId: 'ab12', customerId: 'alice' })).toBe(false);
  });
});
