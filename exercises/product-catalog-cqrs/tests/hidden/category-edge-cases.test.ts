// Categories at their edges: products added after a rename, empty categories in the menu, category
// events that make no product, a rebuild that ends where the live model did, queries that stay off the store.
import { describe, expect, it } from 'vitest';
import { ProductCatalogReadModel } from '@workspace/ProductCatalogReadModel';
import { createCategory, newCatalog, PRODUCTS, renameCategory, sampleCatalog, titlesOf } from '../support/catalog';

describe('category edge cases', () => {
  it('a product added after a rename gets the new title', () => {
    const catalog = newCatalog();
    createCategory(catalog.store, 'kitchen', 'Kitchen');
    renameCategory(catalog.store, 'kitchen', 'Cookware');
    catalog.handler.handle({ type: 'AddProduct', ...PRODUCTS[1]! });
    catalog.readModel.catchUp();
    expect(catalog.readModel.getProduct('mug-2')?.categoryTitle).toBe('Cookware');
  });

  it('a category with no product on sale is listed with 0; discontinued products are not counted', () => {
    const catalog = sampleCatalog();
    createCategory(catalog.store, 'garden', 'Garden');
    createCategory(catalog.store, 'furniture', 'Furniture');
    catalog.handler.handle({ type: 'DiscontinueProduct', productId: 'chair-5' });
    catalog.readModel.catchUp();
    expect(catalog.readModel.listCategories()).toEqual([
      { categoryId: 'furniture', title: 'Furniture', products: 1 },
      { categoryId: 'garden', title: 'Garden', products: 0 },
    ]);
  });

  it('category events make no product and change no search', () => {
    const catalog = sampleCatalog();
    const before = catalog.readModel.findProducts({ pageSize: 50 }).total;
    createCategory(catalog.store, 'garden', 'Garden');
    catalog.readModel.catchUp();
    expect({ total: catalog.readModel.findProducts({ pageSize: 50 }).total, garden: catalog.readModel.getProduct('garden') }).toEqual({ total: before, garden: undefined });
  });

  it('a brand-new read model over the same log shows the same titles', () => {
    const catalog = sampleCatalog();
    createCategory(catalog.store, 'furniture', 'Furniture');
    renameCategory(catalog.store, 'furniture', 'Home');
    catalog.handler.handle({ type: 'AddProduct', productId: 'sofa-9', name: 'Sofa', description: 'Three seats', category: 'furniture', price: 59900 });
    catalog.readModel.catchUp();
    const rebuilt = new ProductCatalogReadModel(catalog.store);
    rebuilt.catchUp();
    expect({ categories: rebuilt.listCategories(), sofa: rebuilt.getProduct('sofa-9') }).toEqual({ categories: catalog.readModel.listCategories(), sofa: catalog.readModel.getProduct('sofa-9') });
    expect(titlesOf(catalog, ['chair-5', 'sofa-9'])).toEqual({ 'chair-5': 'Home', 'sofa-9': 'Home' });
  });

  it('listCategories answers from the read model alone, with copies', () => {
    const catalog = sampleCatalog();
    createCategory(catalog.store, 'kitchen', 'Kitchen');
    catalog.readModel.catchUp();
    const first = catalog.watch.duringQueries(() => catalog.readModel.listCategories());
    first[0]!.title = 'changed';
    expect({ touched: catalog.watch.touchedDuringQueries, again: catalog.readModel.listCategories()[0]?.title }).toEqual({ touched: [], again: 'Kitchen' });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'category edge cases': 'граничные случаи категорий',
  'a product added after a rename gets the new title': 'товар, добавленный после переименования, получает новое название',
  'a category with no product on sale is listed with 0; discontinued products are not counted': 'категория без товаров в продаже выводится с числом 0; снятые с продажи товары не считаются',
  'category events make no product and change no search': 'события категорий не создают товаров и не меняют результаты поиска',
  'a brand-new read model over the same log shows the same titles': 'совершенно новая модель чтения по тому же журналу показывает те же названия',
  'listCategories answers from the read model alone, with copies': 'listCategories отвечает только по модели чтения и отдаёт копии',
};
