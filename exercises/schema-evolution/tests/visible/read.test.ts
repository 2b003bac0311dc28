// The reader: one function for every version on the topic, refusing only what breaks the contract.
import { describe, expect, it } from 'vitest';
import { decodeOrderPlaced } from '@workspace/orderPlaced';
import { expectRefused, json, PLACED_AT, v1Message, v2Message, without } from '../support/messages';

describe('decodeOrderPlaced', () => {
  it('reads a version-2 message', () => {
    expect(decodeOrderPlaced(json(v2Message()))).toEqual({ schemaVersion: 2, orderId: 'o-8', customerId: 'cid', totalAmount: 990, currency: 'SEK', unitCount: 4, placedAt: PLACED_AT });
  });

  it('reads a version-1 message: no schemaVersion means 1, the currency is EUR and the unit count unknown', () => {
    expect(decodeOrderPlaced(json(v1Message()))).toEqual({ schemaVersion: 1, orderId: 'o-7', customerId: 'bob', totalAmount: 1250, currency: 'EUR', unitCount: null, placedAt: PLACED_AT });
  });

  it('refuses text that is not JSON', () => {
    expectRefused(() => decodeOrderPlaced('{"type": "OrderPl'), 'NOT_JSON', null);
  });

  it('refuses another event', () => {
    expectRefused(() => decodeOrderPlaced(json(v2Message({ type: 'OrderShipped' }))), 'WRONG_EVENT', 'type');
  });

  it('refuses a message without a field every version has', () => {
    expectRefused(() => decodeOrderPlaced(json(without(v1Message(), 'customerId'))), 'MISSING_FIELD', 'customerId');
  });

  it('refuses a version-2 message without its currency', () => {
    expectRefused(() => decodeOrderPlaced(json(without(v2Message(), 'currency'))), 'MISSING_FIELD', 'currency');
  });

  it('refuses a field of the wrong type', () => {
    expectRefused(() => decodeOrderPlaced(json(v2Message({ totalAmount: '9.90' }))), 'WRONG_TYPE', 'totalAmount');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'decodeOrderPlaced': 'чтение сообщения (decodeOrderPlaced)',
  'reads a version-2 message': 'читает сообщение версии 2',
  'reads a version-1 message: no schemaVersion means 1, the currency is EUR and the unit count unknown': 'читает сообщение версии 1: нет schemaVersion — значит 1, валюта EUR, число единиц неизвестно',
  'refuses text that is not JSON': 'отклоняет текст, который не является JSON',
  'refuses another event': 'отклоняет другое событие',
  'refuses a message without a field every version has': 'отклоняет сообщение без поля, которое есть в каждой версии',
  'refuses a version-2 message without its currency': 'отклоняет сообщение версии 2 без валюты',
  'refuses a field of the wrong type': 'отклоняет поле неверного типа',
};
