// Queries at their edges: bad paging and bounds refused, blank text ignored, pages past the end,
// answers that callers cannot change, and ties in the sort order.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '@engine/testing/givenWhenThen';
import { CatalogError } from '@workspace/errors';
import type { FindProducts } from '@workspace/queries';
import { codeOf, NAMES_IN_ORDER, namesOf, newCatalog, sampleCatalog } from '../support/catalog';

describe('query validation', () => {
  const bad: Array<[string, FindProducts]> = [
    ['page 0', { page: 0 }],
    ['a negative page', { page: -1 }],
    ['a fractional page', { page: 1.5 }],
    ['pageSize 0', { pageSize: 0 }],
    ['pageSize above 50', { pageSize: 51 }],
    ['a negative minPrice', { minPrice: -1 }],
    ['a fractional maxPrice', { maxPrice: 10.5 }],
    ['minPrice above maxPrice', { minPrice: 5000, maxPrice: 4999 }],
  ];
  for (const [label, query] of bad) {
    it(`refuses ${label} with VALIDATION`, () => {
      expect(codeOf(() => sampleCatalog().readModel.findProducts(query))).toBe('VALIDATION');
    });
  }

  it('refusals are CatalogErrors', () => {
    refusalOf(() => sampleCatalog().readModel.findProducts({ pageSize: 500 }), CatalogError, 'findProducts({ pageSize: 500 })');
  });

  it('accepts pageSize 50 and equal bounds', () => {
    const { readModel } = sampleCatalog();
    expect(readModel.findProducts({ pageSize: 50 }).items).toHaveLength(7);
    expect(namesOf(readModel.findProducts({ minPrice: 599, maxPrice: 599 }).items)).toEqual(['LED bulb']);
  });
});

describe('query details', () => {
  it('blank or padded text is trimmed; blank means no text filter', () => {
    const { readModel } = sampleCatalog();
    expect(readModel.findProducts({ text: '   ' }).total).toBe(7);
    expect(namesOf(readModel.findProducts({ text: '  oak ' }).items)).toEqual(['Oak chair', 'Oak table']);
  });

  it('a word found only in descriptions still matches', () => {
    expect(namesOf(sampleCatalog().readModel.findProducts({ text: 'GLAZE' }).items)).toEqual(['Stoneware mug']);
  });

  it('a category is matched exactly', () => {
    const { readModel } = sampleCatalog();
    expect(readModel.findProducts({ category: 'Kitchen' }).total).toBe(0);
    expect(readModel.findProducts({ category: 'kitch' }).total).toBe(0);
  });

  it('a page past the end is empty but keeps the total', () => {
    const page = sampleCatalog().readModel.findProducts({ page: 4, pageSize: 3 });
    expect(page).toEqual({ items: [], total: 7, page: 4, pageSize: 3 });
  });

  it('a last page that is partly filled', () => {
    const page = sampleCatalog().readModel.findProducts({ page: 2, pageSize: 4 });
    expect(namesOf(page.items)).toEqual(NAMES_IN_ORDER.slice(4));
  });

  it('products with the same name are ordered by id', () => {
    const { handler, readModel } = newCatalog();
    for (const id of ['cup-b', 'cup-c', 'cup-a']) {
      handler.handle({ type: 'AddProduct', productId: id, name: 'Cup', description: '', category: 'kitchen', price: 500 });
    }
    readModel.catchUp();
    expect(readModel.findProducts({}).items.map((item) => item.productId)).toEqual(['cup-a', 'cup-b', 'cup-c']);
  });

  it('changing an answer does not change the read model', () => {
    const { readModel } = sampleCatalog();
    const found = readModel.getProduct('kettle-1')!;
    found.price = 1;
    found.available = false;
    const listed = readModel.findProducts({ category: 'kitchen' }).items[0]!;
    listed.name = 'Changed';
    expect(readModel.getProduct('kettle-1')).toMatchObject({ price: 3990, available: true });
    expect(namesOf(readModel.findProducts({ category: 'kitchen' }).items)).toEqual(['Glass teapot', 'Steel kettle', 'Stoneware mug']);
  });

  it('an empty catalogue answers with an empty first page', () => {
    const { readModel } = newCatalog();
    readModel.catchUp();
    expect(readModel.findProducts({})).toEqual({ items: [], total: 0, page: 1, pageSize: 10 });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'query validation': 'проверка запросов',
  'refuses page 0 with VALIDATION': 'отклоняет страницу 0 с кодом VALIDATION',
  'refuses a negative page with VALIDATION': 'отклоняет отрицательный номер страницы с кодом VALIDATION',
  'refuses a fractional page with VALIDATION': 'отклоняет дробный номер страницы с кодом VALIDATION',
  'refuses pageSize 0 with VALIDATION': 'отклоняет pageSize 0 с кодом VALIDATION',
  'refuses pageSize above 50 with VALIDATION': 'отклоняет pageSize больше 50 с кодом VALIDATION',
  'refuses a negative minPrice with VALIDATION': 'отклоняет отрицательный minPrice с кодом VALIDATION',
  'refuses a fractional maxPrice with VALIDATION': 'отклоняет дробный maxPrice с кодом VALIDATION',
  'refuses minPrice above maxPrice with VALIDATION': 'отклоняет minPrice больше maxPrice с кодом VALIDATION',
  'refusals are CatalogErrors': 'отказы — это CatalogError',
  'accepts pageSize 50 and equal bounds': 'принимает pageSize 50 и равные границы',
  'query details': 'тонкости запросов',
  'blank or padded text is trimmed; blank means no text filter': 'пробелы по краям текста обрезаются; пустой текст означает, что фильтра по тексту нет',
  'a word found only in descriptions still matches': 'слово, которое есть только в описании, тоже даёт совпадение',
  'a category is matched exactly': 'категория сравнивается точно',
  'a page past the end is empty but keeps the total': 'страница за концом списка пуста, но total сохраняется',
  'a last page that is partly filled': 'последняя страница, заполненная частично',
  'products with the same name are ordered by id': 'товары с одинаковым названием упорядочены по идентификатору',
  'changing an answer does not change the read model': 'изменение ответа не меняет модель чтения',
  'an empty catalogue answers with an empty first page': 'пустой каталог отвечает пустой первой страницей',
};
