// The domain comes already written: how events change a customer, and how today's events are
// stored. These tests are examples to read; they pass before you change anything and earn no points.
import { describe, expect, it } from 'vitest';
import { copyCustomer, evolve, initialCustomer } from '@workspace/customer';
import { toStored } from '@workspace/storage';
import { CUSTOMER_ID, RIGA, TARTU } from '../support/fixtures';

describe('the given domain', () => {
  it('evolve folds today’s events into a customer', () => {
    let state = initialCustomer();
    state = evolve(state, { type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA });
    state = evolve(state, { type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 40 });
    state = evolve(state, { type: 'CustomerMoved', customerId: CUSTOMER_ID, address: TARTU });
    state = evolve(state, { type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 2 });
    expect(state).toEqual({ customerId: CUSTOMER_ID, name: 'Ilze', address: TARTU, loyaltyPoints: 42 });
  });

  it('copyCustomer shares nothing with the original', () => {
    const original = evolve(initialCustomer(), { type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze', address: RIGA });
    const copy = copyCustomer(original);
    copy.address!.city = 'Elsewhere';
    expect(original.address).toEqual(RIGA);
  });

  it('toStored writes address events with schema version 2, the rest with 1', () => {
    expect(toStored({ type: 'CustomerMoved', customerId: CUSTOMER_ID, address: TARTU })).toEqual({
      type: 'CustomerMoved',
      data: { customerId: CUSTOMER_ID, address: TARTU },
      schemaVersion: 2,
    });
    expect(toStored({ type: 'CustomerRenamed', customerId: CUSTOMER_ID, name: 'I. B.' }).schemaVersion).toBe(1);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given domain': 'готовый код предметной области',
  'evolve folds today’s events into a customer': 'evolve сворачивает события сегодняшней схемы в клиента',
  'copyCustomer shares nothing with the original': 'у copyCustomer нет общих объектов с оригиналом',
  'toStored writes address events with schema version 2, the rest with 1': 'toStored записывает адресные события с версией схемы 2, а остальные — с 1',
};
