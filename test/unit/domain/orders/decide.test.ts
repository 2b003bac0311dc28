import { describe, expect, it } from 'vitest';
import {
  decide,
  fixedClock,
  evolve,
  initialState,
  type OrderCommand,
  type OrderErrorCode,
  type OrderEvent,
  type OrderState,
} from '../../../../electron/engine/domain/orders';
import { cancelled, create, created, delivered, ID, ITEMS, NOW, paid, shipped, TOTAL } from './fixtures';

const stateAfter = (events: OrderEvent[]): OrderState => events.reduce(evolve, initialState());

function codeOf(command: OrderCommand, history: OrderEvent[]): OrderErrorCode | 'none' {
  try {
    decide(command, stateAfter(history), fixedClock(NOW));
    return 'none';
  } catch (error) {
    return (error as { code: OrderErrorCode }).code;
  }
}

const pay = (change: object = {}) => ({ type: 'PayOrder', orderId: ID, paymentId: 'p', paymentMethod: 'crypto', amount: TOTAL, ...change }) as OrderCommand;
const ship = (change: object = {}) => ({ type: 'ShipOrder', orderId: ID, trackingNumber: 't', carrier: 'c', ...change }) as OrderCommand;
const deliver = { type: 'DeliverOrder', orderId: ID } as const;
const cancel = (reason: unknown = 'why') => ({ type: 'CancelOrder', orderId: ID, reason }) as OrderCommand;

const histories = {
  pending: [created()],
  paid: [created(), paid()],
  shipped: [created(), paid(), shipped()],
  delivered: [created(), paid(), shipped(), delivered()],
  cancelled: [created(), cancelled()],
};

describe('decide: creating an order', () => {
  it('records OrderCreated with the total in cents and copies of the items', () => {
    const command = create();
    const [event] = decide(command, initialState(), fixedClock(NOW));
    expect(event).toEqual({ ...created(), timestamp: NOW });
    expect((event as { items: unknown[] }).items[0]).not.toBe(ITEMS[0]);
  });

  it('merges lines of the same product at the same price', () => {
    const [event] = decide(create({ items: [ITEMS[0]!, { ...ITEMS[0]!, quantity: 2 }] }), initialState(), fixedClock(NOW));
    expect(event).toMatchObject({ items: [{ productId: 'p1', quantity: 5 }], totalAmount: 600 });
  });

  it.each([
    ['a blank customer', { customerId: '  ' }],
    ['a blank address', { shippingAddress: '' }],
    ['a blank order id', { orderId: ' ' }],
    ['items that are not a list', { items: 'x' as unknown as [] }],
    ['a fractional unit price', { items: [{ ...ITEMS[0]!, unitPrice: 1.5 }] }],
    ['a zero quantity', { items: [{ ...ITEMS[0]!, quantity: 0 }] }],
    ['a blank product name', { items: [{ ...ITEMS[0]!, productName: ' ' }] }],
    ['one product at two prices', { items: [ITEMS[0]!, { ...ITEMS[0]!, unitPrice: 121 }] }],
    ['a total beyond safe integers', { items: [{ ...ITEMS[0]!, quantity: 2 ** 30, unitPrice: 2 ** 30 }, { ...ITEMS[1]!, quantity: 2 ** 30, unitPrice: 2 ** 30 }] }],
  ])('refuses %s with VALIDATION', (_label, change) => {
    expect(() => decide(create(change), initialState(), fixedClock(NOW))).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('refuses to create an order twice', () => {
    expect(codeOf(create(), [created()])).toBe('INVALID_STATE');
  });

  it('refuses any other command for an order that does not exist with NOT_FOUND', () => {
    expect(codeOf(pay(), [])).toBe('NOT_FOUND');
  });
});

describe('decide: items and address', () => {
  it('adds units of a product already in the order to its line', () => {
    const add = { type: 'AddOrderItem', orderId: ID, productId: 'p1', productName: 'Pencil', quantity: 2, unitPrice: 120 } as const;
    const state = stateAfter([created(), ...decide(add, stateAfter([created()]), fixedClock(NOW))]);
    expect(state.items).toEqual([{ ...ITEMS[0]!, quantity: 5 }, ITEMS[1]]);
    expect(state.totalAmount).toBe(TOTAL + 240);
  });

  it('refuses a known product at another price', () => {
    const add = { type: 'AddOrderItem', orderId: ID, productId: 'p1', productName: 'Pencil', quantity: 1, unitPrice: 99 } as const;
    expect(codeOf(add, [created()])).toBe('VALIDATION');
  });

  it('removes a line when all its units go', () => {
    const remove = { type: 'RemoveOrderItem', orderId: ID, productId: 'p1', quantity: 3 } as const;
    const state = stateAfter([created(), ...decide(remove, stateAfter([created()]), fixedClock(NOW))]);
    expect(state.items).toEqual([ITEMS[1]]);
    expect(state.totalAmount).toBe(990);
  });

  it.each([
    ['more than held', { productId: 'p1', quantity: 4 }],
    ['an unknown product', { productId: 'nope', quantity: 1 }],
    ['a fractional quantity', { productId: 'p1', quantity: 0.5 }],
  ])('refuses to remove %s', (_label, change) => {
    expect(codeOf({ type: 'RemoveOrderItem', orderId: ID, ...change } as OrderCommand, [created()])).toBe('VALIDATION');
  });

  it('lets the address change while pending, paid or cancelled, never once shipped or delivered', () => {
    const move = { type: 'ChangeOrderAddress', orderId: ID, newAddress: 'Elsewhere' } as const;
    expect(codeOf(move, histories.pending)).toBe('none');
    expect(codeOf(move, histories.paid)).toBe('none');
    expect(codeOf(move, histories.cancelled)).toBe('none');
    expect(codeOf(move, histories.shipped)).toBe('INVALID_STATE');
    expect(codeOf(move, histories.delivered)).toBe('INVALID_STATE');
    expect(codeOf({ ...move, newAddress: ' \n' }, histories.pending)).toBe('VALIDATION');
  });
});

describe('decide: the lifecycle table', () => {
  it.each([
    ['pay', 'pending', pay(), 'none'],
    ['pay', 'paid', pay(), 'INVALID_STATE'],
    ['pay', 'cancelled', pay(), 'INVALID_STATE'],
    ['pay', 'pending', pay({ paymentId: ' ' }), 'VALIDATION'],
    ['pay', 'pending', pay({ paymentMethod: 'cash' }), 'INVALID_PAYMENT_METHOD'],
    ['pay', 'pending', pay({ paymentMethod: 'toString' }), 'INVALID_PAYMENT_METHOD'],
    ['pay', 'pending', pay({ amount: String(TOTAL) }), 'AMOUNT_MISMATCH'],
    ['pay', 'pending', pay({ amount: TOTAL + 0.5 }), 'AMOUNT_MISMATCH'],
    ['pay', 'paid', pay({ paymentId: '', amount: 1 }), 'INVALID_STATE'],
    ['ship', 'paid', ship(), 'none'],
    ['ship', 'pending', ship(), 'INVALID_STATE'],
    ['ship', 'paid', ship({ trackingNumber: '\t' }), 'VALIDATION'],
    ['ship', 'paid', ship({ carrier: '' }), 'VALIDATION'],
    ['deliver', 'shipped', deliver, 'none'],
    ['deliver', 'paid', deliver, 'INVALID_STATE'],
    ['cancel', 'pending', cancel(), 'none'],
    ['cancel', 'shipped', cancel(), 'none'],
    ['cancel', 'delivered', cancel(), 'INVALID_STATE'],
    ['cancel', 'cancelled', cancel(''), 'INVALID_STATE'],
    ['cancel', 'paid', cancel('   '), 'VALIDATION'],
  ] as const)('%s on a %s order → %s', (_method, status, command, expected) => {
    expect(codeOf(command as OrderCommand, histories[status])).toBe(expected);
  });

  it('stamps each event with the next version and the given time', () => {
    expect(decide(deliver, stateAfter(histories.shipped), fixedClock(NOW))).toEqual([
      { type: 'OrderDelivered', aggregateId: ID, version: 4, timestamp: NOW, deliveredAt: NOW },
    ]);
    expect(decide(cancel('late'), stateAfter(histories.paid), fixedClock(NOW))).toEqual([
      { type: 'OrderCancelled', aggregateId: ID, version: 3, timestamp: NOW, reason: 'late', cancelledAt: NOW },
    ]);
  });
});
