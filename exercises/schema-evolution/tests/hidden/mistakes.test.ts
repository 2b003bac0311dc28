// One test per mistake teams really make when an integration event evolves, each worth a visible
// share of the grade (see the manifest), however many other tests touch the same rule.
import { describe, expect, it } from 'vitest';
import { readForBilling } from '@workspace/billing';
import { decodeOrderPlaced, encodeOrderPlaced } from '@workspace/orderPlaced';
import { ANN_ORDER, expectRefused, json, v1Message, v2Message, without } from '../support/messages';

describe('mistakes that cost points: the producer', () => {
  it('totalAmount keeps its type: billing still reads a number, not a money object', () => {
    expect(readForBilling(encodeOrderPlaced(ANN_ORDER)).totalAmount).toBe(4599);
  });

  it('customerId keeps its name, although the service now says "buyer"', () => {
    expect(readForBilling(encodeOrderPlaced(ANN_ORDER)).customerId).toBe('ann');
  });

  it('totalAmount keeps its meaning: whole cents, never whole currency units', () => {
    expect(JSON.parse(encodeOrderPlaced({ ...ANN_ORDER, total: { amount: 700, currency: 'USD' } })).totalAmount).toBe(700);
  });

  it('the message says it is version 2, or readers take a dollar order for a euro one', () => {
    expect(decodeOrderPlaced(encodeOrderPlaced(ANN_ORDER)).currency).toBe('USD');
  });
});

describe('mistakes that cost points: the reader', () => {
  it('a field the reader does not know is no reason to refuse the message', () => {
    expect(decodeOrderPlaced(json(v2Message({ giftWrap: true }))).orderId).toBe('o-8');
  });

  it('a later version is read too: versions only add fields', () => {
    expect(decodeOrderPlaced(json(v2Message({ schemaVersion: 3 }))).schemaVersion).toBe(3);
  });

  it('a message without schemaVersion is version 1, not a broken message', () => {
    expect(decodeOrderPlaced(json(v1Message())).schemaVersion).toBe(1);
  });

  it('only version 1 gets the euro default: a version-2 message without a currency is refused', () => {
    expectRefused(() => decodeOrderPlaced(json(without(v2Message(), 'currency'))), 'MISSING_FIELD', 'currency');
  });

  it('an unknown unit count is null, not 0: version 1 never said how many units', () => {
    expect(decodeOrderPlaced(json(v1Message())).unitCount).toBeNull();
  });

  it('a missing amount is refused, never read as 0', () => {
    expectRefused(() => decodeOrderPlaced(json(without(v1Message(), 'totalAmount'))), 'MISSING_FIELD', 'totalAmount');
  });

  it('the view holds only its own fields, whatever else the message carried', () => {
    expect(Object.keys(decodeOrderPlaced(json(v2Message({ schemaVersion: 3, channel: 'app' })))).sort()).toEqual(['currency', 'customerId', 'orderId', 'placedAt', 'schemaVersion', 'totalAmount', 'unitCount']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'mistakes that cost points: the producer': 'ошибки, которые стоят баллов: производитель',
  'totalAmount keeps its type: billing still reads a number, not a money object': 'totalAmount сохраняет свой тип: биллинг по-прежнему читает число, а не объект с деньгами',
  'customerId keeps its name, although the service now says "buyer"': 'customerId сохраняет своё имя, хотя внутри сервиса теперь говорят «buyer»',
  'totalAmount keeps its meaning: whole cents, never whole currency units': 'totalAmount сохраняет свой смысл: целые центы, а не целые единицы валюты',
  'the message says it is version 2, or readers take a dollar order for a euro one': 'сообщение указывает версию 2, иначе читатели примут заказ в долларах за заказ в евро',
  'mistakes that cost points: the reader': 'ошибки, которые стоят баллов: читатель',
  'a field the reader does not know is no reason to refuse the message': 'незнакомое читателю поле — не причина отклонять сообщение',
  'a later version is read too: versions only add fields': 'более поздняя версия тоже читается: версии только добавляют поля',
  'a message without schemaVersion is version 1, not a broken message': 'сообщение без schemaVersion — это версия 1, а не испорченное сообщение',
  'only version 1 gets the euro default: a version-2 message without a currency is refused': 'евро по умолчанию получает только версия 1: сообщение версии 2 без валюты отклоняется',
  'an unknown unit count is null, not 0: version 1 never said how many units': 'неизвестное число единиц — это null, а не 0: версия 1 никогда не сообщала, сколько единиц',
  'a missing amount is refused, never read as 0': 'сообщение без суммы отклоняется, а не читается как 0',
  'the view holds only its own fields, whatever else the message carried': 'в представлении только его собственные поля, что бы ещё ни несло сообщение',
};
