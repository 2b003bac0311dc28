import { describe, expect, it } from 'vitest';
import {
  OrderAggregate,
  createOrderCommandHandler,
  fixedClock,
  OrderReadModel,
  steppingClock,
  type OrderEvent,
} from '../../../../electron/engine/domain/orders';
import { createMemoryEventStore, openEventStore, type EventStore } from '../../../../electron/engine/store';
import { cancelled, created, ID, ITEMS, paid, TOTAL } from './fixtures';

function orderCreated(id: string, customerId: string, timestamp: string): OrderEvent {
  return { ...created(), aggregateId: id, customerId, timestamp } as OrderEvent;
}

/** Ten orders: customers a/b alternating, created a minute apart, every third one paid. */
function sampleModel(): OrderReadModel {
  const model = new OrderReadModel();
  for (let i = 0; i < 10; i += 1) {
    const id = `o-${String(i).padStart(2, '0')}`;
    model.apply(orderCreated(id, i % 2 === 0 ? 'a' : 'b', `2030-01-01T00:${String(i).padStart(2, '0')}:00.000Z`));
    if (i % 3 === 0) model.apply({ ...paid(), aggregateId: id } as OrderEvent);
  }
  return model;
}

describe('OrderReadModel', () => {
  it('keeps a summary and the full details per order', () => {
    const model = new OrderReadModel();
    model.apply(created());
    model.apply(paid());
    expect(model.getSummary(ID)).toEqual({
      orderId: ID,
      customerId: 'c-1',
      status: 'paid',
      totalAmount: TOTAL,
      itemCount: 2,
      createdAt: '2030-04-01T11:00:00.000Z',
    });
    expect(model.getDetails(ID)).toMatchObject({ orderId: ID, version: 2, items: ITEMS, paymentId: 'pay-1', paymentMethod: 'paypal' });
    expect(model.getSummary('missing')).toBeUndefined();
  });

  it('ignores an event it has already applied (at-least-once delivery)', () => {
    const model = new OrderReadModel();
    model.apply(created());
    model.apply(cancelled());
    model.apply(cancelled());
    model.apply(created());
    expect(model.getDetails(ID)).toMatchObject({ version: 2, status: 'cancelled' });
  });

  it('lists newest first, one page at a time', () => {
    const model = sampleModel();
    const first = model.listOrders({ page: 1, pageSize: 4 });
    expect(first.orders.map((order) => order.orderId)).toEqual(['o-09', 'o-08', 'o-07', 'o-06']);
    expect(first).toMatchObject({ total: 10, page: 1, pageSize: 4, pageCount: 3 });
    expect(model.listOrders({ page: 3, pageSize: 4 }).orders.map((order) => order.orderId)).toEqual(['o-01', 'o-00']);
    expect(model.listOrders({ page: 4, pageSize: 4 }).orders).toEqual([]);
  });

  it('filters by customer, by status, and by both', () => {
    const model = sampleModel();
    expect(model.listOrders({ customerId: 'a', page: 1, pageSize: 100 }).total).toBe(5);
    expect(model.listOrders({ status: 'paid', page: 1, pageSize: 100 }).orders.map((order) => order.orderId)).toEqual(['o-09', 'o-06', 'o-03', 'o-00']);
    expect(model.listOrders({ customerId: 'b', status: 'paid', page: 1, pageSize: 100 }).orders.map((order) => order.orderId)).toEqual(['o-09', 'o-03']);
    expect(model.listOrders({ customerId: 'nobody', page: 1, pageSize: 10 })).toMatchObject({ total: 0, pageCount: 0, orders: [] });
  });

  it.each([
    [{ page: 0, pageSize: 10 }],
    [{ page: 1.5, pageSize: 10 }],
    [{ page: 1, pageSize: 0 }],
    [{ page: 1, pageSize: 101 }],
  ])('refuses paging %j with VALIDATION', (query) => {
    expect(() => sampleModel().listOrders(query)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe.each([
  ['memory', (): EventStore => createMemoryEventStore()],
  ['sqlite', (): EventStore => openEventStore({ path: ':memory:' })],
])('OrderReadModel following the %s store', (_name, openStore) => {
  it('catches up on start, follows each append, and skips other streams', () => {
    const store = openStore();
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: steppingClock('2030-01-01T00:00:00.000Z', 1000) });
    handler.handle({ type: 'CreateOrder', orderId: 'x', customerId: 'c', items: ITEMS, shippingAddress: 'A' });
    store.appendToStream('inventory-1', [{ type: 'StockReserved', data: { sku: 'p1' } }]);

    const model = new OrderReadModel();
    const stop = model.follow(store);
    expect(model.getSummary('x')?.status).toBe('pending');

    handler.handle({ type: 'PayOrder', orderId: 'x', paymentId: 'p', paymentMethod: 'crypto', amount: TOTAL });
    expect(model.getSummary('x')?.status).toBe('paid');
    expect(model.position).toBe(store.headPosition());

    stop();
    handler.handle({ type: 'CancelOrder', orderId: 'x', reason: 'r' });
    expect(model.getSummary('x')?.status).toBe('paid');
    expect(model.catchUp(store)).toBe(1);
    expect(model.getSummary('x')?.status).toBe('cancelled');
    store.close();
  });

  it('a second model rebuilt from the log agrees with the live one', () => {
    const store = openStore();
    const live = new OrderReadModel();
    const stop = live.follow(store);
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: fixedClock('2030-01-01T00:00:00.000Z') });
    for (const id of ['a', 'b', 'c']) handler.handle({ type: 'CreateOrder', orderId: id, customerId: 'k', items: ITEMS, shippingAddress: 'A' });
    handler.handle({ type: 'RemoveOrderItem', orderId: 'b', productId: 'p1', quantity: 1 });
    const rebuilt = new OrderReadModel();
    rebuilt.catchUp(store, 2);
    expect(rebuilt.listOrders({ page: 1, pageSize: 10 })).toEqual(live.listOrders({ page: 1, pageSize: 10 }));
    expect(rebuilt.getDetails('b')).toEqual(live.getDetails('b'));
    stop();
    store.close();
  });
});
