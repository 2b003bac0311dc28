// One test per mistake students really make on either side of the catalogue, each worth a visible
// share of the grade (see the manifest), however many other tests happen to touch the same rule.
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore, type EventStore } from '@engine/store/memory';
import { ProductCommandHandler } from '@workspace/ProductCommandHandler';
import { productStreamId } from '@workspace/storage';
import { codeOf, createCategory, namesOf, newCatalog, PRODUCTS, renameCategory, sampleCatalog, titlesOf } from '../support/catalog';
import { added, discontinued, given, priceChanged } from '../support/givenWhenThen';

/** A store where someone else changes the kettle's price right after the handler reads its stream. */
function storeWithARival(): EventStore {
  const store = createMemoryEventStore();
  store.appendToStream(productStreamId('kettle-1'), [{ type: 'ProductAdded', data: added() }]);
  const readStream = store.readStream.bind(store);
  let interfered = false;
  return Object.assign(Object.create(store) as EventStore, {
    readStream: (...args: Parameters<EventStore['readStream']>) => {
      const result = readStream(...args);
      if (!interfered) {
        interfered = true;
        store.appendToStream(productStreamId('kettle-1'), [{ type: 'ProductPriceChanged', data: priceChanged(1) }]);
      }
      return result;
    },
  });
}

describe('mistakes that cost points: the write side', () => {
  it('appends with the version it read: a price change made in between fails the command with CONCURRENCY', () => {
    const handler = new ProductCommandHandler(storeWithARival());
    expect(codeOf(() => handler.handle({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3000 }))).toBe('CONCURRENCY');
  });

  it('a discontinued product\'s price cannot change: DISCONTINUED', () => {
    given(added(), discontinued()).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3490 }).thenFails('DISCONTINUED');
  });

  it('the same price as now records nothing', () => {
    given(added('kettle-1', 3990)).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3990 }).then();
  });

  it('the product is looked up before the price is checked: an unknown product with a bad price is NOT_FOUND', () => {
    given().when({ type: 'ChangeProductPrice', productId: 'nothing-9', price: -5 }).thenFails('NOT_FOUND');
  });
});

describe('mistakes that cost points: the read side', () => {
  it('discontinued products are not listed', () => {
    const { handler, readModel } = sampleCatalog();
    handler.handle({ type: 'DiscontinueProduct', productId: 'mug-2' });
    readModel.catchUp();
    expect(namesOf(readModel.findProducts({ category: 'kitchen' }).items)).toEqual(['Glass teapot', 'Steel kettle']);
  });

  it('a price range includes both of its ends', () => {
    expect(namesOf(sampleCatalog().readModel.findProducts({ minPrice: 1250, maxPrice: 2790 }).items)).toEqual(['Glass teapot', 'Stoneware mug']);
  });

  it('text search ignores case', () => {
    expect(namesOf(sampleCatalog().readModel.findProducts({ text: 'OAK' }).items)).toEqual(['Oak chair', 'Oak table']);
  });

  it('text is searched in the description too', () => {
    expect(namesOf(sampleCatalog().readModel.findProducts({ text: 'glaze' }).items)).toEqual(['Stoneware mug']);
  });

  it('total counts the matches of every page', () => {
    const page = sampleCatalog().readModel.findProducts({ page: 2, pageSize: 3 });
    expect({ names: namesOf(page.items), total: page.total }).toEqual({ names: ['Oak chair', 'Oak table', 'Steel kettle'], total: 7 });
  });

  it('a page size over 50 is refused with VALIDATION', () => {
    expect(codeOf(() => sampleCatalog().readModel.findProducts({ pageSize: 51 }))).toBe('VALIDATION');
  });

  it('changing a product a query returned does not change the read model', () => {
    const { readModel } = sampleCatalog();
    readModel.getProduct('kettle-1')!.price = 1;
    expect(readModel.getProduct('kettle-1')?.price).toBe(3990);
  });

  it('catchUp counts only the product events it projected, not other streams\' events', () => {
    const { store, handler, readModel } = newCatalog();
    store.appendToStream('order-1', [{ type: 'OrderPlaced', data: { orderId: 'order-1' } }]);
    handler.handle({ type: 'AddProduct', ...PRODUCTS[1]! });
    expect(readModel.catchUp()).toBe(1);
  });
});

describe('mistakes that cost points: joining the category streams', () => {
  it('a rename reaches the products that copied the old title', () => {
    const catalog = sampleCatalog();
    createCategory(catalog.store, 'lighting', 'Lighting');
    catalog.readModel.catchUp();
    renameCategory(catalog.store, 'lighting', 'Lamps');
    catalog.readModel.catchUp();
    expect(catalog.readModel.getProduct('bulb-4')?.categoryTitle).toBe('Lamps');
  });

  it('a category that arrives after its products still reaches them', () => {
    const catalog = sampleCatalog();
    createCategory(catalog.store, 'furniture', 'Furniture');
    catalog.readModel.catchUp();
    expect(catalog.readModel.getProduct('table-6')?.categoryTitle).toBe('Furniture');
  });

  it('a product added after a rename shows the new title, not the first one', () => {
    const catalog = newCatalog();
    createCategory(catalog.store, 'lighting', 'Lighting');
    catalog.readModel.catchUp();
    renameCategory(catalog.store, 'lighting', 'Lamps');
    catalog.handler.handle({ type: 'AddProduct', ...PRODUCTS[2]! });
    catalog.readModel.catchUp();
    expect(titlesOf(catalog, ['lamp-3'])).toEqual({ 'lamp-3': 'Lamps' });
  });

  it('the category menu counts only products on sale', () => {
    const catalog = sampleCatalog();
    createCategory(catalog.store, 'kitchen', 'Kitchen');
    catalog.handler.handle({ type: 'DiscontinueProduct', productId: 'mug-2' });
    catalog.readModel.catchUp();
    expect(catalog.readModel.listCategories()).toEqual([{ categoryId: 'kitchen', title: 'Kitchen', products: 2 }]);
  });

  it('a category with nothing on sale is still in the menu', () => {
    const catalog = newCatalog();
    createCategory(catalog.store, 'garden', 'Garden');
    catalog.readModel.catchUp();
    expect(catalog.readModel.listCategories()).toEqual([{ categoryId: 'garden', title: 'Garden', products: 0 }]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'mistakes that cost points: the write side': 'ошибки, которые стоят баллов: сторона записи',
  'appends with the version it read: a price change made in between fails the command with CONCURRENCY': 'дописывает с прочитанной версией: изменение цены, сделанное в промежутке, приводит к отказу команды с кодом CONCURRENCY',
  'a discontinued product\'s price cannot change: DISCONTINUED': 'цену снятого с продажи товара менять нельзя: DISCONTINUED',
  'the same price as now records nothing': 'та же цена, что и сейчас, ничего не записывает',
  'the product is looked up before the price is checked: an unknown product with a bad price is NOT_FOUND': 'товар ищется до проверки цены: неизвестный товар с неверной ценой — это NOT_FOUND',
  'mistakes that cost points: the read side': 'ошибки, которые стоят баллов: сторона чтения',
  'discontinued products are not listed': 'снятые с продажи товары не попадают в список',
  'a price range includes both of its ends': 'диапазон цен включает оба конца',
  'text search ignores case': 'поиск текста не учитывает регистр',
  'text is searched in the description too': 'текст ищется и в описании',
  'total counts the matches of every page': 'total считает совпадения на всех страницах',
  'a page size over 50 is refused with VALIDATION': 'размер страницы больше 50 отклоняется с кодом VALIDATION',
  'changing a product a query returned does not change the read model': 'изменение товара, который вернул запрос, не меняет модель чтения',
  'catchUp counts only the product events it projected, not other streams\' events': 'catchUp считает только спроецированные события товаров, а не события чужих потоков',
  'mistakes that cost points: joining the category streams': 'ошибки, которые стоят баллов: объединение с потоками категорий',
  'a rename reaches the products that copied the old title': 'переименование доходит до товаров, которые скопировали старое название',
  'a category that arrives after its products still reaches them': 'категория, пришедшая после своих товаров, всё равно до них доходит',
  'a product added after a rename shows the new title, not the first one': 'товар, добавленный после переименования, показывает новое название, а не первое',
  'the category menu counts only products on sale': 'меню категорий считает только товары в продаже',
  'a category with nothing on sale is still in the menu': 'категория, в которой ничего нет в продаже, всё равно есть в меню',
};
