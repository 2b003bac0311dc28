// The read model joins two kinds of stream: each product view carries its category's current title,
// copied from the category events whenever it changes, in whatever order the streams' events arrive;
// and the category menu counts what is on sale.
import { describe, expect, it } from 'vitest';
import { createCategory, newCatalog, PRODUCTS, renameCategory, sampleCatalog, titlesOf } from '../support/catalog';

describe('categories', () => {
  it("a product shows its category's title", () => {
    const catalog = newCatalog();
    createCategory(catalog.store, 'kitchen', 'Kitchen & dining');
    catalog.handler.handle({ type: 'AddProduct', ...PRODUCTS[0]! });
    catalog.readModel.catchUp();
    expect(catalog.readModel.getProduct('kettle-1')).toEqual({ ...PRODUCTS[0], available: true, categoryTitle: 'Kitchen & dining' });
  });

  it('renaming a category retitles every product in it, and no other', () => {
    const catalog = sampleCatalog();
    createCategory(catalog.store, 'kitchen', 'Kitchen');
    createCategory(catalog.store, 'lighting', 'Lighting');
    renameCategory(catalog.store, 'kitchen', 'Cook & serve');
    catalog.readModel.catchUp();
    expect(titlesOf(catalog, ['kettle-1', 'mug-2', 'teapot-7', 'lamp-3', 'chair-5'])).toEqual({
      'kettle-1': 'Cook & serve',
      'mug-2': 'Cook & serve',
      'teapot-7': 'Cook & serve',
      'lamp-3': 'Lighting',
      'chair-5': null,
    });
  });

  it('a product that arrives before its category has no title yet, and gets it when the category arrives', () => {
    const catalog = sampleCatalog();
    expect(catalog.readModel.getProduct('lamp-3')?.categoryTitle).toBeNull();
    createCategory(catalog.store, 'lighting', 'Lamps and bulbs');
    catalog.readModel.catchUp();
    expect(titlesOf(catalog, ['lamp-3', 'bulb-4'])).toEqual({ 'lamp-3': 'Lamps and bulbs', 'bulb-4': 'Lamps and bulbs' });
  });

  it('listCategories gives every created category with its number of available products, by title', () => {
    const catalog = sampleCatalog();
    createCategory(catalog.store, 'lighting', 'Lighting');
    createCategory(catalog.store, 'kitchen', 'Kitchen');
    catalog.readModel.catchUp();
    expect(catalog.readModel.listCategories()).toEqual([
      { categoryId: 'kitchen', title: 'Kitchen', products: 3 },
      { categoryId: 'lighting', title: 'Lighting', products: 2 },
    ]);
  });

  it('catchUp counts category events with product events, and nothing else', () => {
    const catalog = newCatalog();
    createCategory(catalog.store, 'kitchen', 'Kitchen');
    catalog.handler.handle({ type: 'AddProduct', ...PRODUCTS[0]! });
    catalog.store.appendToStream('order-9', [{ type: 'OrderPlaced', data: { orderId: 'order-9' } }]);
    renameCategory(catalog.store, 'kitchen', 'Cooking');
    expect(catalog.readModel.catchUp()).toBe(3);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'categories': 'категории',
  'a product shows its category\'s title': 'товар показывает название своей категории',
  'renaming a category retitles every product in it, and no other': 'переименование категории меняет название у всех её товаров и ни у каких других',
  'a product that arrives before its category has no title yet, and gets it when the category arrives': 'у товара, пришедшего раньше своей категории, названия ещё нет, и он получает его, когда придёт категория',
  'listCategories gives every created category with its number of available products, by title': 'listCategories выдаёт все созданные категории с числом доступных товаров, по названию',
  'catchUp counts category events with product events, and nothing else': 'catchUp считает события категорий вместе с событиями товаров и больше ничего',
};
