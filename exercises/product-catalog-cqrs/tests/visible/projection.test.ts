// The read side learns from the event log: catchUp projects what is new, getProduct answers
// from the projection.
import { describe, expect, it } from 'vitest';
import { newCatalog, PRODUCTS, sampleCatalog } from '../support/catalog';

describe('the projection', () => {
  it('a product added on the write side appears after catchUp', () => {
    const { handler, readModel } = newCatalog();
    handler.handle({ type: 'AddProduct', ...PRODUCTS[0]! });
    expect(readModel.catchUp()).toBe(1);
    expect(readModel.getProduct('kettle-1')).toEqual({ ...PRODUCTS[0], available: true, categoryTitle: null });
  });

  it('a price change shows the new price', () => {
    const { handler, readModel } = sampleCatalog();
    handler.handle({ type: 'ChangeProductPrice', productId: 'mug-2', price: 990 });
    readModel.catchUp();
    expect(readModel.getProduct('mug-2')?.price).toBe(990);
  });

  it('a discontinued product is still found by id, marked unavailable', () => {
    const { handler, readModel } = sampleCatalog();
    handler.handle({ type: 'DiscontinueProduct', productId: 'lamp-3' });
    readModel.catchUp();
    expect(readModel.getProduct('lamp-3')).toMatchObject({ productId: 'lamp-3', name: 'Desk lamp', available: false });
  });

  it('an unknown id gives undefined', () => {
    const { readModel } = sampleCatalog();
    expect(readModel.getProduct('nothing-here')).toBeUndefined();
  });

  it('catchUp projects each event once: a second call with nothing new returns 0', () => {
    const { handler, readModel } = newCatalog();
    for (const product of PRODUCTS.slice(0, 3)) handler.handle({ type: 'AddProduct', ...product });
    expect(readModel.catchUp()).toBe(3);
    expect(readModel.catchUp()).toBe(0);
    handler.handle({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 4200 });
    expect(readModel.catchUp()).toBe(1);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the projection': 'проекция',
  'a product added on the write side appears after catchUp': 'товар, добавленный на стороне записи, появляется после catchUp',
  'a price change shows the new price': 'после изменения цены видна новая цена',
  'a discontinued product is still found by id, marked unavailable': 'снятый с продажи товар по-прежнему находится по идентификатору и помечен недоступным',
  'an unknown id gives undefined': 'неизвестный идентификатор даёт undefined',
  'catchUp projects each event once: a second call with nothing new returns 0': 'catchUp проецирует каждое событие один раз: второй вызов без новых событий возвращает 0',
};
