import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderAggregate, createOrderCommandHandler, OrderReadModel, steppingClock } from '../../../../electron/engine/domain/orders';
import { ORDER_READ_MODEL_PROJECTION, SqliteOrderReadModel } from '../../../../electron/engine/domain/orders/sqliteReadModel';
import { openEventStore } from '../../../../electron/engine/store';
import { ITEMS, TOTAL } from './fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function seed(handler: ReturnType<typeof createOrderCommandHandler>): void {
  for (let i = 0; i < 7; i += 1) {
    const orderId = `o-${i}`;
    handler.handle({ type: 'CreateOrder', orderId, customerId: i % 2 ? 'b' : 'a', items: ITEMS, shippingAddress: 'A' });
    if (i % 3 === 0) handler.handle({ type: 'PayOrder', orderId, paymentId: 'p', paymentMethod: 'paypal', amount: TOTAL });
  }
}

describe('SqliteOrderReadModel', () => {
  it('answers exactly like the in-memory read model', () => {
    const store = openEventStore({ path: ':memory:' });
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: steppingClock('2030-01-01T00:00:00.000Z', 1000) });
    seed(handler);
    const sqlite = new SqliteOrderReadModel(store.database);
    store.runProjection(sqlite.projection());
    const memory = new OrderReadModel();
    memory.catchUp(store);

    for (const query of [
      { page: 1, pageSize: 3 },
      { page: 3, pageSize: 3 },
      { customerId: 'a', page: 1, pageSize: 10 },
      { status: 'paid' as const, page: 1, pageSize: 10 },
      { customerId: 'b', status: 'pending' as const, page: 1, pageSize: 2 },
    ]) {
      expect(sqlite.listOrders(query)).toEqual(memory.listOrders(query));
    }
    expect(sqlite.getDetails('o-3')).toEqual(memory.getDetails('o-3'));
    expect(sqlite.getSummary('missing')).toBeUndefined();
    store.close();
  });

  it('keeps its rows and checkpoint across a restart, counting each event once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orders-rm-'));
    dirs.push(dir);
    const file = path.join(dir, 'events.db');

    let store = openEventStore({ path: file });
    let handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: steppingClock('2030-01-01T00:00:00.000Z', 1000) });
    handler.handle({ type: 'CreateOrder', orderId: 'x', customerId: 'c', items: ITEMS, shippingAddress: 'A' });
    expect(store.runProjection(new SqliteOrderReadModel(store.database).projection()).processed).toBe(1);
    store.close();

    store = openEventStore({ path: file });
    handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: steppingClock('2030-01-02T00:00:00.000Z', 1000) });
    handler.handle({ type: 'PayOrder', orderId: 'x', paymentId: 'p', paymentMethod: 'crypto', amount: TOTAL });
    const model = new SqliteOrderReadModel(store.database);
    expect(store.runProjection(model.projection()).processed).toBe(1);
    expect(model.getDetails('x')).toMatchObject({ status: 'paid', version: 2, paymentMethod: 'crypto' });
    expect(store.getCheckpoint(ORDER_READ_MODEL_PROJECTION)).toBe(store.headPosition());
    store.close();
  });

  it('follows live appends through subscribeProjection', async () => {
    const store = openEventStore({ path: ':memory:' });
    const model = new SqliteOrderReadModel(store.database);
    const subscription = store.subscribeProjection(model.projection());
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: steppingClock('2030-01-01T00:00:00.000Z', 1000) });
    handler.handle({ type: 'CreateOrder', orderId: 'y', customerId: 'c', items: ITEMS, shippingAddress: 'A' });
    handler.handle({ type: 'CancelOrder', orderId: 'y', reason: 'no' });
    await subscription.caughtUp();
    expect(model.getSummary('y')?.status).toBe('cancelled');
    await subscription.stop();
    store.close();
  });
});
