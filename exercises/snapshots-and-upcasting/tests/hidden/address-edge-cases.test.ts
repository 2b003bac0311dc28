// Address lines as people really typed them in the first release.
import { describe, expect, it } from 'vitest';
import { parseAddressLine } from '@workspace/upcasting';

describe('parseAddressLine edge cases', () => {
  const cases: Array<[string, string, { street: string; city: string; postalCode: string; country: string }]> = [
    ['an empty line', '', { street: '', city: '', postalCode: '', country: '' }],
    ['only spaces and commas', ' , ,  ', { street: '', city: '', postalCode: '', country: '' }],
    ['a street alone', ' 5 Old Pier ', { street: '5 Old Pier', city: '', postalCode: '', country: '' }],
    ['street and city', '5 Old Pier, Parnu', { street: '5 Old Pier', city: 'Parnu', postalCode: '', country: '' }],
    ['street, city and country', '5 Old Pier, Parnu, Estonia', { street: '5 Old Pier', city: 'Parnu', postalCode: '', country: 'Estonia' }],
    ['empty parts between commas', '5 Old Pier,, Parnu, , 80010, Estonia', { street: '5 Old Pier', city: 'Parnu', postalCode: '80010', country: 'Estonia' }],
    ['a street with two commas', 'c/o Smith, Flat 3, 7 Mill Lane, Tartu, 50090, Estonia', { street: 'c/o Smith, Flat 3, 7 Mill Lane', city: 'Tartu', postalCode: '50090', country: 'Estonia' }],
    ['a trailing comma', '12 Harbour Road, Riga, LV-1010, Latvia,', { street: '12 Harbour Road', city: 'Riga', postalCode: 'LV-1010', country: 'Latvia' }],
    ['tabs and newlines around parts', '\t12 Harbour Road,\nRiga , LV-1010,\tLatvia\n', { street: '12 Harbour Road', city: 'Riga', postalCode: 'LV-1010', country: 'Latvia' }],
  ];
  for (const [label, line, expected] of cases) {
    it(`reads ${label}`, () => {
      expect(parseAddressLine(line)).toEqual(expected);
    });
  }
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'parseAddressLine edge cases': 'граничные случаи parseAddressLine',
  'reads an empty line': 'разбирает пустую строку',
  'reads only spaces and commas': 'разбирает строку только из пробелов и запятых',
  'reads a street alone': 'разбирает строку из одной улицы',
  'reads street and city': 'разбирает улицу и город',
  'reads street, city and country': 'разбирает улицу, город и страну',
  'reads empty parts between commas': 'разбирает пустые части между запятыми',
  'reads a street with two commas': 'разбирает улицу с двумя запятыми',
  'reads a trailing comma': 'разбирает строку с запятой в конце',
  'reads tabs and newlines around parts': 'разбирает части, окружённые табуляциями и переводами строк',
};
