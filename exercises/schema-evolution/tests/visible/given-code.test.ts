// The code you are given, working as described: these tests pass before you write anything.
import { describe, expect, it } from 'vitest';
import { readForBilling } from '@workspace/billing';
import { ContractError } from '@workspace/contract';
import { json, v1Message } from '../support/messages';

describe('the given code', () => {
  it("billing's old reader reads a version-1 message", () => {
    expect(readForBilling(json(v1Message()))).toEqual({ orderId: 'o-7', customerId: 'bob', totalAmount: 1250, placedAt: '2031-04-05T09:30:00.000Z' });
  });

  it("billing's old reader ignores fields it does not know", () => {
    expect(readForBilling(json(v1Message({ giftWrap: true }))).totalAmount).toBe(1250);
  });

  it("billing's old reader fails on a field whose type changed", () => {
    expect(() => readForBilling(json(v1Message({ totalAmount: { amount: 1250, currency: 'EUR' } })))).toThrow('totalAmount');
  });

  it('a ContractError carries its code and the field', () => {
    const error = new ContractError('MISSING_FIELD', 'currency');
    expect({ code: error.code, field: error.field }).toEqual({ code: 'MISSING_FIELD', field: 'currency' });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given code': 'готовый код',
  'billing\'s old reader reads a version-1 message': 'старый читатель биллинга читает сообщение версии 1',
  'billing\'s old reader ignores fields it does not know': 'старый читатель биллинга игнорирует незнакомые ему поля',
  'billing\'s old reader fails on a field whose type changed': 'старый читатель биллинга падает на поле, у которого сменился тип',
  'a ContractError carries its code and the field': 'ContractError несёт свой код и поле',
};
