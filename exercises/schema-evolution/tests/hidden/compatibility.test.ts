// Compatibility both ways and the edges of the contract: what today's producer writes, today's reader
// reads back; messages of later versions are read; every way a message can break the contract is
// refused with its code and field, checked in the order the task lists.
import { describe, expect, it } from 'vitest';
import { decodeOrderPlaced, encodeOrderPlaced } from '@workspace/orderPlaced';
import { ANN_ORDER, expectRefused, json, PLACED_AT, v1Message, v2Message, without } from '../support/messages';

describe('compatibility', () => {
  it('what the producer publishes, the reader reads back as the same order', () => {
    expect(decodeOrderPlaced(encodeOrderPlaced(ANN_ORDER))).toEqual({ schemaVersion: 2, orderId: 'o-1', customerId: 'ann', totalAmount: 4599, currency: 'USD', unitCount: 5, placedAt: PLACED_AT });
  });

  it('an order with no lines has a unit count of 0', () => {
    expect(JSON.parse(encodeOrderPlaced({ ...ANN_ORDER, lines: [] })).unitCount).toBe(0);
  });

  it('a version-4 message with new fields is read; its version is kept and the new fields are left out', () => {
    expect(decodeOrderPlaced(json(v2Message({ schemaVersion: 4, channel: 'app', coupon: { code: 'X' } })))).toEqual({ schemaVersion: 4, orderId: 'o-8', customerId: 'cid', totalAmount: 990, currency: 'SEK', unitCount: 4, placedAt: PLACED_AT });
  });

  it('null counts as missing', () => {
    expectRefused(() => decodeOrderPlaced(json(v2Message({ orderId: null }))), 'MISSING_FIELD', 'orderId');
  });

  it('a version-2 message without its unit count is refused', () => {
    expectRefused(() => decodeOrderPlaced(json(without(v2Message(), 'unitCount'))), 'MISSING_FIELD', 'unitCount');
  });
});

describe('edges of the contract', () => {
  it('a schemaVersion that is not a whole number of at least 1 is WRONG_TYPE', () => {
    for (const schemaVersion of [0, '2', 1.5, -1]) {
      expectRefused(() => decodeOrderPlaced(json(v2Message({ schemaVersion }))), 'WRONG_TYPE', 'schemaVersion');
    }
  });

  it('blank text is WRONG_TYPE', () => {
    expectRefused(() => decodeOrderPlaced(json(v1Message({ orderId: '  ' }))), 'WRONG_TYPE', 'orderId');
  });

  it('an amount must be whole cents, not negative', () => {
    expectRefused(() => decodeOrderPlaced(json(v1Message({ totalAmount: 12.5 }))), 'WRONG_TYPE', 'totalAmount');
    expectRefused(() => decodeOrderPlaced(json(v1Message({ totalAmount: -1 }))), 'WRONG_TYPE', 'totalAmount');
  });

  it('a currency is three capital letters', () => {
    expectRefused(() => decodeOrderPlaced(json(v2Message({ currency: 'eur' }))), 'WRONG_TYPE', 'currency');
  });

  it('JSON that is not an object is WRONG_EVENT without a field', () => {
    expectRefused(() => decodeOrderPlaced('[1, 2]'), 'WRONG_EVENT', null);
    expectRefused(() => decodeOrderPlaced('42'), 'WRONG_EVENT', null);
  });

  it('the first broken field is reported, in the order of the task', () => {
    expectRefused(() => decodeOrderPlaced(json(without(without(v2Message({ totalAmount: 'x' }), 'currency'), 'placedAt'))), 'WRONG_TYPE', 'totalAmount');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'compatibility': 'совместимость',
  'what the producer publishes, the reader reads back as the same order': 'из сообщения, опубликованного производителем, читатель получает тот же заказ',
  'an order with no lines has a unit count of 0': 'у заказа без строк число единиц равно 0',
  'a version-4 message with new fields is read; its version is kept and the new fields are left out': 'сообщение версии 4 с новыми полями читается: версия сохраняется, а новые поля отбрасываются',
  'null counts as missing': 'null считается отсутствующим полем',
  'a version-2 message without its unit count is refused': 'сообщение версии 2 без числа единиц отклоняется',
  'edges of the contract': 'границы контракта',
  'a schemaVersion that is not a whole number of at least 1 is WRONG_TYPE': 'schemaVersion, который не является целым числом от 1 и больше, — это WRONG_TYPE',
  'blank text is WRONG_TYPE': 'пустой текст — это WRONG_TYPE',
  'an amount must be whole cents, not negative': 'сумма — целое неотрицательное число центов',
  'a currency is three capital letters': 'валюта — это три заглавные буквы',
  'JSON that is not an object is WRONG_EVENT without a field': 'JSON, который не является объектом, — это WRONG_EVENT без поля',
  'the first broken field is reported, in the order of the task': 'сообщается о первом неверном поле в порядке из задания',
};
