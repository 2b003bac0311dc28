import { describe, expect, it } from 'vitest';
import {
  OrderAggregate,
  createOrderCommandHandler,
  fixedClock,
  fromRecordedEvent,
  orderStreamId,
  toNewEvent,
  type OrderCommand,
} from '../../../../electron/engine/domain/orders';
import { createMemoryEventStore, openEventStore, type EventStore } from '../../../../electron/engine/store';
import { OrderAggregate as ExerciseSolution } from '../../../../exercises/orders-lifecycle/solution/OrderAggregate';
import { ID, ITEMS, NOW, TOTAL } from './fixtures';

const stores: Array<[string, () => EventStore]> = [
  ['memory', () => createMemoryEventStore()],
  ['sqlite', () => openEventStore({ path: ':memory:' })],
];

const createCommand: OrderCommand = { type: 'CreateOrder', orderId: ID, customerId: 'c-1', items: ITEMS, shippingAddress: 'A 1' };
const payCommand: OrderCommand = { type: 'PayOrder', orderId: ID, paymentId: 'p-1', paymentMethod: 'paypal', amount: TOTAL };

function codeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}

describe.each(stores)('order command handler over the %s store', (_name, openStore) => {
  it('creates an order, then loads it and appends at the next version', () => {
    const store = openStore();
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: fixedClock(NOW) });
    expect(handler.handle(createCommand)).toMatchObject({ orderId: ID, version: 1 });
    const result = handler.handle(payCommand);
    expect(result.version).toBe(2);
    expect(result.events).toEqual([
      { type: 'OrderPaid', aggregateId: ID, version: 2, timestamp: NOW, paymentId: 'p-1', paymentMethod: 'paypal', amount: TOTAL },
    ]);
    const stream = store.readStream(orderStreamId(ID));
    expect(stream.events.map(fromRecordedEvent)).toEqual([
      expect.objectContaining({ type: 'OrderCreated', version: 1 }),
      result.events[0],
    ]);
    store.close();
  });

  it('gives a new order an id when the command names none', () => {
    const store = openStore();
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: fixedClock(NOW), newOrderId: () => 'generated-1' });
    const { type: _type, orderId: _id, ...rest } = createCommand as Extract<OrderCommand, { type: 'CreateOrder' }>;
    expect(handler.handle({ type: 'CreateOrder', ...rest }).orderId).toBe('generated-1');
    expect(store.readStream(orderStreamId('generated-1')).currentVersion).toBe(1);
    store.close();
  });

  it('answers NOT_FOUND for an order with no events, and refuses to create one twice', () => {
    const store = openStore();
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: fixedClock(NOW) });
    expect(codeOf(() => handler.handle(payCommand))).toBe('NOT_FOUND');
    handler.handle(createCommand);
    expect(codeOf(() => handler.handle(createCommand))).toBe('INVALID_STATE');
    store.close();
  });

  it('stores nothing when the aggregate refuses', () => {
    const store = openStore();
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: fixedClock(NOW) });
    handler.handle(createCommand);
    expect(codeOf(() => handler.handle({ ...payCommand, amount: 1 } as OrderCommand))).toBe('AMOUNT_MISMATCH');
    expect(store.readStream(orderStreamId(ID)).currentVersion).toBe(1);
    expect(store.headPosition()).toBe(1);
    store.close();
  });

  it('retries once when another writer got in first, deciding again on the fresh state', () => {
    const store = openStore();
    const handler = createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: fixedClock(NOW) });
    handler.handle(createCommand);
    let appends = 0;
    const racing: EventStore = Object.create(store) as EventStore;
    racing.appendToStream = (streamId, events, options) => {
      appends += 1;
      if (appends === 1) {
        // A competitor changes the address between our read and our write.
        store.appendToStream(streamId, [toNewEvent({ type: 'OrderAddressChanged', aggregateId: ID, version: 2, timestamp: NOW, newAddress: 'B 2' })], { expectedVersion: 1 });
      }
      return store.appendToStream(streamId, events, options);
    };
    const result = createOrderCommandHandler({ store: racing, aggregate: OrderAggregate, clock: fixedClock(NOW) }).handle(payCommand);
    expect(appends).toBe(2);
    expect(result.version).toBe(3);
    expect(store.readStream(orderStreamId(ID)).events.map((event) => event.type)).toEqual(['OrderCreated', 'OrderAddressChanged', 'OrderPaid']);
    store.close();
  });

  it('gives up with CONCURRENCY after the second conflict, having written nothing of its own', () => {
    const store = openStore();
    createOrderCommandHandler({ store, aggregate: OrderAggregate, clock: fixedClock(NOW) }).handle(createCommand);
    let appends = 0;
    const busy: EventStore = Object.create(store) as EventStore;
    busy.appendToStream = (streamId, events, options) => {
      appends += 1;
      const version = store.readStream(streamId).currentVersion;
      store.appendToStream(streamId, [toNewEvent({ type: 'OrderAddressChanged', aggregateId: ID, version: version + 1, timestamp: NOW, newAddress: `C ${appends}` })], { expectedVersion: version });
      return store.appendToStream(streamId, events, options);
    };
    expect(codeOf(() => createOrderCommandHandler({ store: busy, aggregate: OrderAggregate, clock: fixedClock(NOW) }).handle(payCommand))).toBe('CONCURRENCY');
    expect(appends).toBe(2);
    expect(store.readStream(orderStreamId(ID)).events.map((event) => event.type)).not.toContain('OrderPaid');
    store.close();
  });

  it('works with any aggregate class of the same shape (the exercise solution here)', () => {
    const store = openStore();
    const handler = createOrderCommandHandler({ store, clock: fixedClock(NOW), aggregate: ExerciseSolution });
    handler.handle(createCommand);
    handler.handle(payCommand);
    handler.handle({ type: 'ShipOrder', orderId: ID, trackingNumber: 'T', carrier: 'C' });
    expect(store.readStream(orderStreamId(ID)).currentVersion).toBe(3);
    store.close();
  });
});

describe('stored order events', () => {
  it('refuse to load a stored event whose version does not match its position', () => {
    const store = createMemoryEventStore();
    store.appendToStream(orderStreamId(ID), [{ type: 'OrderPaid', data: { aggregateId: ID, version: 7, timestamp: NOW } }]);
    const [recorded] = store.readStream(orderStreamId(ID)).events;
    expect(() => fromRecordedEvent(recorded!)).toThrow(/version 7/);
  });

  it('refuse to load an event type the order domain does not know', () => {
    const store = createMemoryEventStore();
    store.appendToStream(orderStreamId(ID), [{ type: 'OrderLost', data: { aggregateId: ID, version: 1, timestamp: NOW } }]);
    expect(() => fromRecordedEvent(store.readStream(orderStreamId(ID)).events[0]!)).toThrow(/OrderLost/);
  });
});
