// Version-1 address events read as version 2; current events read as they are.
import { describe, expect, it } from 'vitest';
import { parseAddressLine, upcast } from '@workspace/upcasting';
import { CUSTOMER_ID, RIGA, STREAM, TARTU, v1, v2, points, type Raw } from '../support/fixtures';

function stored(raw: Raw, streamVersion = 1) {
  return { streamId: STREAM, streamVersion, type: raw.type, schemaVersion: raw.schemaVersion, data: raw.data };
}

describe('parseAddressLine', () => {
  it('reads street, city, postal code and country', () => {
    expect(parseAddressLine('12 Harbour Road, Riga, LV-1010, Latvia')).toEqual(RIGA);
  });

  it('keeps commas inside the street', () => {
    expect(parseAddressLine('Flat 3, 7 Mill Lane, Tartu, 50090, Estonia')).toEqual(TARTU);
  });

  it('trims the spaces around every part', () => {
    expect(parseAddressLine('  12 Harbour Road ,Riga,   LV-1010 , Latvia  ')).toEqual(RIGA);
  });
});

describe('upcast', () => {
  it('CustomerRegistered v1 gets a structured address', () => {
    expect(upcast(stored(v1.registered()))).toEqual({ type: 'CustomerRegistered', customerId: CUSTOMER_ID, name: 'Ilze Berzina', address: RIGA });
  });

  it('CustomerMoved v1 gets a structured address', () => {
    expect(upcast(stored(v1.moved('Flat 3, 7 Mill Lane, Tartu, 50090, Estonia'), 2))).toEqual({
      type: 'CustomerMoved',
      customerId: CUSTOMER_ID,
      address: TARTU,
    });
  });

  it('a v2 event is read as it is', () => {
    expect(upcast(stored(v2.moved(TARTU), 2))).toEqual({ type: 'CustomerMoved', customerId: CUSTOMER_ID, address: TARTU });
  });

  it('an event that never changed shape is read as it is', () => {
    expect(upcast(stored(points(15), 3))).toEqual({ type: 'LoyaltyPointsEarned', customerId: CUSTOMER_ID, points: 15 });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'parseAddressLine': 'разбор строки адреса (parseAddressLine)',
  'reads street, city, postal code and country': 'выделяет улицу, город, индекс и страну',
  'keeps commas inside the street': 'сохраняет запятые внутри улицы',
  'trims the spaces around every part': 'обрезает пробелы вокруг каждой части',
  'upcast': 'апкастинг (upcast)',
  'CustomerRegistered v1 gets a structured address': 'CustomerRegistered v1 получает структурированный адрес',
  'CustomerMoved v1 gets a structured address': 'CustomerMoved v1 получает структурированный адрес',
  'a v2 event is read as it is': 'событие v2 читается как есть',
  'an event that never changed shape is read as it is': 'событие, форма которого никогда не менялась, читается как есть',
};
