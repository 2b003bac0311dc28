// Orders and messages for the suites: a placed order as the service keeps it, messages of each
// version as they travel on the topic, and a check that a reading is refused with a given code and field.
import { expect } from 'vitest';
import { say } from '@engine/testing/givenWhenThen';
import { ContractError } from '@workspace/contract';
import type { PlacedOrder } from '@workspace/order';

export const PLACED_AT = '2031-04-05T09:30:00.000Z';

export const ANN_ORDER: PlacedOrder = {
  orderId: 'o-1',
  buyerId: 'ann',
  total: { amount: 4599, currency: 'USD' },
  lines: [
    { sku: 'mug', quantity: 2 },
    { sku: 'tea', quantity: 3 },
  ],
  placedAt: PLACED_AT,
};

/** A message as the first release published it: no schemaVersion, no currency, no unit count. */
export function v1Message(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'OrderPlaced', orderId: 'o-7', customerId: 'bob', totalAmount: 1250, placedAt: PLACED_AT, ...overrides };
}

/** A version-2 message as today's producer sends it. */
export function v2Message(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'OrderPlaced', schemaVersion: 2, orderId: 'o-8', customerId: 'cid', totalAmount: 990, currency: 'SEK', unitCount: 4, placedAt: PLACED_AT, ...overrides };
}

/** A message without one of its fields. */
export function without(message: Record<string, unknown>, field: string): Record<string, unknown> {
  const copy = { ...message };
  delete copy[field];
  return copy;
}

export const json = (message: unknown): string => JSON.stringify(message);

/** `read` must throw a ContractError with this code and field; the failure says what happened instead. */
export function expectRefused(read: () => unknown, code: string, field: string | null): void {
  let outcome: string;
  let outcomeRu: string;
  try {
    const result = read();
    outcome = `it was accepted as ${JSON.stringify(result)}`;
    outcomeRu = `оно принято как ${JSON.stringify(result)}`;
  } catch (error) {
    if (error instanceof ContractError) {
      expect({ code: error.code, field: error.field }, say(`expected ContractError ${code} (field ${String(field)})`, `ожидалась ContractError ${code} (поле ${String(field)})`)).toEqual({ code, field });
      return;
    }
    const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    outcome = `it threw ${thrown} instead of a ContractError`;
    outcomeRu = `брошено ${thrown} вместо ContractError`;
  }
  expect.fail(say(`expected the message to be refused with ${code} (field ${String(field)}), but ${outcome}`, `ожидался отказ сообщению с ${code} (поле ${String(field)}), но ${outcomeRu}`));
}
