// Command/query separation: queries answer from the read model only. The read model gets the
// event store through a spy that fails the test if a query reads it.
import { describe, expect, it } from 'vitest';
import { sampleCatalog } from '../support/catalog';

describe('queries never touch the write side', () => {
  it('findProducts with every kind of filter reads nothing from the event store', () => {
    const { watch, readModel } = sampleCatalog();
    watch.duringQueries(() => {
      readModel.findProducts({});
      readModel.findProducts({ category: 'lighting', minPrice: 100, maxPrice: 5000, text: 'warm', page: 1, pageSize: 5 });
      readModel.findProducts({ page: 2, pageSize: 2 });
    });
    expect(watch.touchedDuringQueries).toEqual([]);
  });

  it('getProduct reads nothing from the event store, found or not', () => {
    const { watch, readModel } = sampleCatalog();
    watch.duringQueries(() => {
      readModel.getProduct('kettle-1');
      readModel.getProduct('missing-0');
    });
    expect(watch.touchedDuringQueries).toEqual([]);
  });

  it('a new command is not visible to queries until the read model catches up', () => {
    const { handler, watch, readModel } = sampleCatalog();
    handler.handle({ type: 'ChangeProductPrice', productId: 'bulb-4', price: 450 });
    handler.handle({ type: 'AddProduct', productId: 'rug-8', name: 'Wool rug', description: '2 × 3 m', category: 'furniture', price: 19900 });
    const before = watch.duringQueries(() => ({ bulb: readModel.getProduct('bulb-4')?.price, rug: readModel.getProduct('rug-8') }));
    expect(before).toEqual({ bulb: 599, rug: undefined });

    expect(readModel.catchUp()).toBe(2);
    const after = watch.duringQueries(() => ({ bulb: readModel.getProduct('bulb-4')?.price, total: readModel.findProducts({}).total }));
    expect(after).toEqual({ bulb: 450, total: 8 });
    expect(watch.touchedDuringQueries).toEqual([]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'queries never touch the write side': 'запросы никогда не обращаются к стороне записи',
  'findProducts with every kind of filter reads nothing from the event store': 'findProducts с любыми фильтрами ничего не читает из хранилища событий',
  'getProduct reads nothing from the event store, found or not': 'getProduct ничего не читает из хранилища событий, найден товар или нет',
  'a new command is not visible to queries until the read model catches up': 'новая команда не видна запросам, пока модель чтения не догонит журнал',
};
