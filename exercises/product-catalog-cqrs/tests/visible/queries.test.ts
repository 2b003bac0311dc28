// Query handlers: filters by category and price range, text search, paging.
import { describe, expect, it } from 'vitest';
import { NAMES_IN_ORDER, namesOf, sampleCatalog } from '../support/catalog';

describe('findProducts', () => {
  it('with no filters lists every product, sorted by name', () => {
    const page = sampleCatalog().readModel.findProducts({});
    expect(namesOf(page.items)).toEqual(NAMES_IN_ORDER);
    expect(page).toMatchObject({ total: 7, page: 1, pageSize: 10 });
  });

  it('filters by category', () => {
    const page = sampleCatalog().readModel.findProducts({ category: 'kitchen' });
    expect(namesOf(page.items)).toEqual(['Glass teapot', 'Steel kettle', 'Stoneware mug']);
    expect(page.total).toBe(3);
  });

  it('filters by a price range, both ends included', () => {
    const page = sampleCatalog().readModel.findProducts({ minPrice: 2790, maxPrice: 4500 });
    expect(namesOf(page.items)).toEqual(['Desk lamp', 'Glass teapot', 'Steel kettle']);
  });

  it('filters by a lower bound alone and by an upper bound alone', () => {
    const { readModel } = sampleCatalog();
    expect(namesOf(readModel.findProducts({ minPrice: 12900 }).items)).toEqual(['Oak chair', 'Oak table']);
    expect(namesOf(readModel.findProducts({ maxPrice: 1250 }).items)).toEqual(['LED bulb', 'Stoneware mug']);
  });

  it('finds text in the name or the description, ignoring case', () => {
    const page = sampleCatalog().readModel.findProducts({ text: 'steel' });
    expect(namesOf(page.items)).toEqual(['Desk lamp', 'Glass teapot', 'Steel kettle']);
  });

  it('combines filters: every one must match', () => {
    const page = sampleCatalog().readModel.findProducts({ category: 'kitchen', text: 'STEEL', maxPrice: 3000 });
    expect(namesOf(page.items)).toEqual(['Glass teapot']);
    expect(page.total).toBe(1);
  });

  it('pages through the results, with the total of all pages', () => {
    const { readModel } = sampleCatalog();
    const first = readModel.findProducts({ pageSize: 3 });
    const second = readModel.findProducts({ page: 2, pageSize: 3 });
    const third = readModel.findProducts({ page: 3, pageSize: 3 });
    expect(namesOf(first.items)).toEqual(NAMES_IN_ORDER.slice(0, 3));
    expect(namesOf(second.items)).toEqual(NAMES_IN_ORDER.slice(3, 6));
    expect(namesOf(third.items)).toEqual(NAMES_IN_ORDER.slice(6));
    expect([first.total, second.total, third.total]).toEqual([7, 7, 7]);
    expect(second).toMatchObject({ page: 2, pageSize: 3 });
  });

  it('leaves discontinued products out of the list', () => {
    const { handler, readModel } = sampleCatalog();
    handler.handle({ type: 'DiscontinueProduct', productId: 'chair-5' });
    readModel.catchUp();
    const page = readModel.findProducts({ category: 'furniture' });
    expect(namesOf(page.items)).toEqual(['Oak table']);
    expect(page.total).toBe(1);
  });

  it('uses the new price for the price filter after a change', () => {
    const { handler, readModel } = sampleCatalog();
    handler.handle({ type: 'ChangeProductPrice', productId: 'table-6', price: 9900 });
    readModel.catchUp();
    expect(namesOf(readModel.findProducts({ category: 'furniture', maxPrice: 10000 }).items)).toEqual(['Oak table']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'findProducts': 'поиск товаров (findProducts)',
  'with no filters lists every product, sorted by name': 'без фильтров выдаёт все товары по названию',
  'filters by category': 'фильтрует по категории',
  'filters by a price range, both ends included': 'фильтрует по диапазону цен включая оба конца',
  'filters by a lower bound alone and by an upper bound alone': 'фильтрует только по нижней и только по верхней границе',
  'finds text in the name or the description, ignoring case': 'находит текст в названии или описании без учёта регистра',
  'combines filters: every one must match': 'сочетает фильтры: должен совпасть каждый',
  'pages through the results, with the total of all pages': 'разбивает результаты на страницы с общим числом по всем страницам',
  'leaves discontinued products out of the list': 'не включает в список снятые с продажи товары',
  'uses the new price for the price filter after a change': 'после изменения цены фильтр по цене использует новую цену',
};
