import { describe, expect, it } from 'vitest';
import { evolve, initialState, type OrderEvent } from '../../../../electron/engine/domain/orders';
import { cancelled, created, delivered, ID, ITEMS, paid, shipped, TOTAL } from './fixtures';

describe('evolve', () => {
  it('builds the full state of a delivered order', () => {
    const state = [created(), paid(), shipped(), delivered()].reduce(evolve, initialState());
    expect(state).toEqual({
      id: ID,
      version: 4,
      status: 'delivered',
      customerId: 'c-1',
      items: ITEMS,
      totalAmount: TOTAL,
      shippingAddress: 'Somewhere 1',
      paymentId: 'pay-1',
      paymentMethod: 'paypal',
      trackingNumber: 'T-1',
      carrier: 'DHL',
      createdAt: '2030-04-01T11:00:00.000Z',
      paidAt: '2030-04-01T11:05:00.000Z',
      shippedAt: '2030-04-01T11:10:00.000Z',
      deliveredAt: '2030-04-01T11:20:00.000Z',
      cancelledAt: null,
      cancelReason: null,
    });
  });

  it('records the cancellation reason and time', () => {
    const state = [created(), cancelled()].reduce(evolve, initialState());
    expect(state).toMatchObject({ status: 'cancelled', cancelReason: 'changed mind', cancelledAt: '2030-04-01T11:30:00.000Z' });
  });

  it('never changes its inputs and never shares items with the event', () => {
    const event = created();
    const before = initialState();
    const frozenEvent = JSON.stringify(event);
    const state = evolve(before, event);
    expect(before).toEqual(initialState());
    expect(JSON.stringify(event)).toBe(frozenEvent);
    state.items[0]!.quantity = 99;
    expect((event as { items: Array<{ quantity: number }> }).items[0]!.quantity).toBe(3);
  });

  it('throws on an event type it does not know', () => {
    expect(() => evolve(initialState(), { type: 'OrderTeleported' } as unknown as OrderEvent)).toThrow(/OrderTeleported/);
  });
});
