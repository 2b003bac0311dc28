// The projection at its edges: other kinds of events in the log, rebuilding from scratch,
// many small catch-ups against one big one, and the store stays untouched by queries.
import { describe, expect, it } from 'vitest';
import { ProductCatalogReadModel } from '@workspace/ProductCatalogReadModel';
import { newCatalog, PRODUCTS, sampleCatalog } from '../support/catalog';

describe('projection edge cases', () => {
  it('events of other kinds in the log are skipped, and not counted', () => {
    const { store, handler, readModel } = newCatalog();
    store.appendToStream('order-1', [{ type: 'OrderPlaced', data: { orderId: 'order-1', productId: 'kettle-1' } }]);
    handler.handle({ type: 'AddProduct', ...PRODUCTS[0]! });
    store.appendToStream('order-1', [{ type: 'OrderPaid', data: { orderId: 'order-1' } }]);
    expect(readModel.catchUp()).toBe(1);
    expect(readModel.catchUp()).toBe(0);
    expect(readModel.findProducts({}).total).toBe(1);
  });

  it('a brand-new read model over the same log gives the same answers', () => {
    const { store, handler, readModel } = sampleCatalog();
    handler.handle({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3590 });
    handler.handle({ type: 'DiscontinueProduct', productId: 'mug-2' });
    handler.handle({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3290 });
    readModel.catchUp();

    const rebuilt = new ProductCatalogReadModel(store);
    expect(rebuilt.catchUp()).toBe(PRODUCTS.length + 3);
    expect(rebuilt.findProducts({ pageSize: 50 })).toEqual(readModel.findProducts({ pageSize: 50 }));
    for (const product of PRODUCTS) expect(rebuilt.getProduct(product.productId)).toEqual(readModel.getProduct(product.productId));
  });

  it('catching up after every command ends where one catch-up at the end does', () => {
    const stepwise = newCatalog();
    const atOnce = newCatalog();
    const commands = [
      ...PRODUCTS.map((product) => ({ type: 'AddProduct' as const, ...product })),
      { type: 'ChangeProductPrice' as const, productId: 'bulb-4', price: 499 },
      { type: 'DiscontinueProduct' as const, productId: 'table-6' },
      { type: 'ChangeProductPrice' as const, productId: 'bulb-4', price: 549 },
    ];
    let counted = 0;
    for (const command of commands) {
      stepwise.handler.handle(command);
      counted += stepwise.readModel.catchUp();
      atOnce.handler.handle(command);
    }
    expect(counted).toBe(commands.length);
    expect(atOnce.readModel.catchUp()).toBe(commands.length);
    expect(stepwise.readModel.findProducts({ pageSize: 50 })).toEqual(atOnce.readModel.findProducts({ pageSize: 50 }));
    expect(stepwise.readModel.getProduct('bulb-4')?.price).toBe(549);
  });

  it('a refused query still leaves the store untouched', () => {
    const { watch, readModel } = sampleCatalog();
    watch.duringQueries(() => {
      try {
        readModel.findProducts({ page: 0 });
      } catch {
        // The refusal is expected; only the store's use matters here.
      }
    });
    expect(watch.touchedDuringQueries).toEqual([]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'projection edge cases': 'граничные случаи проекции',
  'events of other kinds in the log are skipped, and not counted': 'события других видов в журнале пропускаются и не считаются',
  'a brand-new read model over the same log gives the same answers': 'совершенно новая модель чтения по тому же журналу даёт те же ответы',
  'catching up after every command ends where one catch-up at the end does': 'catchUp после каждой команды приходит к тому же, что и один catchUp в конце',
  'a refused query still leaves the store untouched': 'отклонённый запрос тоже не трогает хранилище',
};
