// The producer: version 2 of OrderPlaced, mapped field by field from the service's own order, and
// still readable by every consumer written against version 1.
import { describe, expect, it } from 'vitest';
import { readForBilling } from '@workspace/billing';
import { encodeOrderPlaced } from '@workspace/orderPlaced';
import { ANN_ORDER, PLACED_AT } from '../support/messages';

describe('encodeOrderPlaced', () => {
  it('publishes version 2: the version-1 fields, plus schemaVersion, currency and unitCount', () => {
    expect(JSON.parse(encodeOrderPlaced(ANN_ORDER))).toEqual({
      type: 'OrderPlaced',
      schemaVersion: 2,
      orderId: 'o-1',
      customerId: 'ann',
      totalAmount: 4599,
      currency: 'USD',
      unitCount: 5,
      placedAt: PLACED_AT,
    });
  });

  it("billing's version-1 reader still reads it, with the same values", () => {
    expect(readForBilling(encodeOrderPlaced(ANN_ORDER))).toEqual({ orderId: 'o-1', customerId: 'ann', totalAmount: 4599, placedAt: PLACED_AT });
  });

  it('unitCount is the sum of the quantities, not the number of lines', () => {
    const order = { ...ANN_ORDER, lines: [{ sku: 'mug', quantity: 7 }] };
    expect(JSON.parse(encodeOrderPlaced(order)).unitCount).toBe(7);
  });

  it('leaks nothing of the internal model (no buyerId, total or lines)', () => {
    expect(Object.keys(JSON.parse(encodeOrderPlaced(ANN_ORDER))).sort()).toEqual(['currency', 'customerId', 'orderId', 'placedAt', 'schemaVersion', 'totalAmount', 'type', 'unitCount']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'encodeOrderPlaced': 'кодирование сообщения (encodeOrderPlaced)',
  'publishes version 2: the version-1 fields, plus schemaVersion, currency and unitCount': 'публикует версию 2: поля версии 1, а также schemaVersion, currency и unitCount',
  'billing\'s version-1 reader still reads it, with the same values': 'читатель биллинга для версии 1 по-прежнему её читает, с теми же значениями',
  'unitCount is the sum of the quantities, not the number of lines': 'unitCount — сумма количеств, а не число строк',
  'leaks nothing of the internal model (no buyerId, total or lines)': 'не выдаёт ничего из внутренней модели (ни buyerId, ни total, ни lines)',
};
