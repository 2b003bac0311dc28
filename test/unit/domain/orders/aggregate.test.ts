import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  executeCommand,
  fixedClock,
  OrderAggregate,
  PAYMENT_METHODS,
  steppingClock,
  type OrderCommand,
} from '../../../../electron/engine/domain/orders';
// The exercise's reference solution: its './events' etc. resolve to the exercise's readonly/
// files through the workspace resolver in vitest.config.ts.
import { OrderAggregate as ExerciseSolution } from '../../../../exercises/orders-lifecycle/solution/OrderAggregate';
import { cancelled, created, ID, ITEMS, NOW, paid, TOTAL } from './fixtures';

describe('OrderAggregate (engine)', () => {
  it('create records OrderCreated as version 1 and exposes the state', () => {
    const order = OrderAggregate.create(ID, { customerId: 'c-1', items: ITEMS, shippingAddress: 'Somewhere 1' }, fixedClock(NOW));
    expect(order.uncommittedEvents).toEqual([{ ...created(), timestamp: NOW }]);
    expect(order).toMatchObject({ id: ID, version: 1, status: 'pending', totalAmount: TOTAL, createdAt: NOW });
  });

  it('fromEvents rebuilds without uncommitted events; new ones follow the history', () => {
    const order = OrderAggregate.fromEvents([created(), paid()], fixedClock(NOW));
    expect(order.uncommittedEvents).toHaveLength(0);
    order.ship({ orderId: ID, trackingNumber: 'T', carrier: 'C' });
    expect(order.uncommittedEvents).toEqual([
      { type: 'OrderShipped', aggregateId: ID, version: 3, timestamp: NOW, trackingNumber: 'T', carrier: 'C' },
    ]);
    order.markCommitted();
    expect(order.uncommittedEvents).toHaveLength(0);
    expect(order.version).toBe(3);
  });

  it('a refused command leaves no event and no change', () => {
    const order = OrderAggregate.fromEvents([created(), cancelled()], fixedClock(NOW));
    const before = order.toState();
    expect(() => order.cancel({ orderId: ID, reason: 'again' })).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(order.toState()).toEqual(before);
    expect(order.uncommittedEvents).toHaveLength(0);
  });

  it('hands out copies of its items', () => {
    const order = OrderAggregate.fromEvents([created()]);
    order.items[0]!.quantity = 1000;
    expect(order.items).toEqual(ITEMS);
  });
});

/** Random command sequences, mostly valid but with enough junk to hit every refusal. */
const blankish = fc.constantFrom('', ' ', '\t', 'ok', ' x ');
const amount = fc.oneof(fc.constant(TOTAL), fc.integer({ min: 0, max: 5000 }), fc.constantFrom(TOTAL + 0.5, Number.NaN));
const command: fc.Arbitrary<OrderCommand> = fc.oneof(
  fc.record({ type: fc.constant('PayOrder' as const), orderId: fc.constant(ID), paymentId: blankish, paymentMethod: fc.constantFrom(...PAYMENT_METHODS, 'cash' as never), amount }),
  fc.record({ type: fc.constant('ShipOrder' as const), orderId: fc.constant(ID), trackingNumber: blankish, carrier: blankish }),
  fc.record({ type: fc.constant('DeliverOrder' as const), orderId: fc.constant(ID) }),
  fc.record({ type: fc.constant('CancelOrder' as const), orderId: fc.constant(ID), reason: blankish }),
  fc.record({ type: fc.constant('ChangeOrderAddress' as const), orderId: fc.constant(ID), newAddress: blankish }),
  fc.record({
    type: fc.constant('AddOrderItem' as const),
    orderId: fc.constant(ID),
    productId: fc.constantFrom('p1', 'p3'),
    productName: fc.constant('Thing'),
    quantity: fc.integer({ min: 0, max: 3 }),
    unitPrice: fc.constantFrom(120, 50),
  }),
  fc.record({ type: fc.constant('RemoveOrderItem' as const), orderId: fc.constant(ID), productId: fc.constantFrom('p1', 'p2', 'p9'), quantity: fc.integer({ min: 0, max: 4 }) }),
);

function outcomes(aggregate: typeof OrderAggregate | typeof ExerciseSolution, commands: OrderCommand[]) {
  const order = aggregate.create(ID, { customerId: 'c-1', items: ITEMS, shippingAddress: 'Somewhere 1' }, steppingClock(NOW, 1000));
  const codes = commands.map((cmd) => {
    try {
      executeCommand(order, cmd as Exclude<OrderCommand, { type: 'CreateOrder' }>);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? 'no code';
    }
  });
  return { codes, events: [...order.uncommittedEvents] };
}

describe('the engine aggregate and the exercise solution', () => {
  it('decide alike on any sequence of commands', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), (commands) => {
        expect(outcomes(ExerciseSolution, commands)).toEqual(outcomes(OrderAggregate, commands));
      }),
      { numRuns: 300 },
    );
  });
});
