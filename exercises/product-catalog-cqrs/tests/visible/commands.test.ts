// The write side: changing a price and discontinuing a product, with the version read as the
// guard against lost updates.
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore, type EventStore } from '@engine/store/memory';
import { ProductCommandHandler } from '@workspace/ProductCommandHandler';
import { productStreamId } from '@workspace/storage';
import { codeOf } from '../support/catalog';
import { added, discontinued, given, priceChanged } from '../support/givenWhenThen';

describe('ChangeProductPrice', () => {
  it('stores ProductPriceChanged and answers the new version', () => {
    const result = given(added()).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3490 }).then(priceChanged(3490));
    expect(result).toEqual({ productId: 'kettle-1', version: 2 });
  });

  it('works after earlier price changes', () => {
    const result = given(added(), priceChanged(3490), priceChanged(2990))
      .when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 4100 })
      .then(priceChanged(4100));
    expect(result.version).toBe(4);
  });

  it('refuses an unknown product with NOT_FOUND', () => {
    given(added()).when({ type: 'ChangeProductPrice', productId: 'toaster-9', price: 2000 }).thenFails('NOT_FOUND');
  });

  it('refuses a discontinued product with DISCONTINUED', () => {
    given(added(), discontinued()).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 2000 }).thenFails('DISCONTINUED');
  });

  it('refuses a zero price with VALIDATION', () => {
    given(added()).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 0 }).thenFails('VALIDATION');
  });

  it('refuses a price that is not whole cents with VALIDATION', () => {
    given(added()).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 34.9 }).thenFails('VALIDATION');
  });

  it('records nothing when the price is the same as now', () => {
    const result = given(added(), priceChanged(3490)).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3490 }).then();
    expect(result).toEqual({ productId: 'kettle-1', version: 2 });
  });
});

describe('DiscontinueProduct', () => {
  it('stores ProductDiscontinued', () => {
    const result = given(added(), priceChanged(3490)).when({ type: 'DiscontinueProduct', productId: 'kettle-1' }).then(discontinued());
    expect(result).toEqual({ productId: 'kettle-1', version: 3 });
  });

  it('refuses an unknown product with NOT_FOUND', () => {
    given().when({ type: 'DiscontinueProduct', productId: 'kettle-1' }).thenFails('NOT_FOUND');
  });

  it('refuses a product that is already discontinued with DISCONTINUED', () => {
    given(added(), discontinued()).when({ type: 'DiscontinueProduct', productId: 'kettle-1' }).thenFails('DISCONTINUED');
  });
});

describe('a change made in between is not overwritten', () => {
  /** A store where someone else changes the price right after the handler reads the stream. */
  function storeWithARival(): EventStore {
    const store = createMemoryEventStore();
    store.appendToStream(productStreamId('kettle-1'), [{ type: 'ProductAdded', data: added() }]);
    let interfered = false;
    return new Proxy(store, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (property === 'readStream' && !interfered) {
            interfered = true;
            target.appendToStream(productStreamId('kettle-1'), [{ type: 'ProductPriceChanged', data: priceChanged(1) }]);
          }
          return result;
        };
      },
    });
  }

  it('ChangeProductPrice fails with CONCURRENCY and stores nothing of its own', () => {
    const store = storeWithARival();
    const handler = new ProductCommandHandler(store);
    expect(codeOf(() => handler.handle({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3000 }))).toBe('CONCURRENCY');
    expect(store.readStream(productStreamId('kettle-1')).events.map((event) => event.data)).toEqual([added(), priceChanged(1)]);
  });

  it('DiscontinueProduct fails with CONCURRENCY and stores nothing of its own', () => {
    const store = storeWithARival();
    const handler = new ProductCommandHandler(store);
    expect(codeOf(() => handler.handle({ type: 'DiscontinueProduct', productId: 'kettle-1' }))).toBe('CONCURRENCY');
    expect(store.readStream(productStreamId('kettle-1')).currentVersion).toBe(2);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'ChangeProductPrice': 'смена цены (ChangeProductPrice)',
  'stores ProductPriceChanged and answers the new version': 'сохраняет ProductPriceChanged и возвращает новую версию',
  'works after earlier price changes': 'работает после прежних изменений цены',
  'refuses an unknown product with NOT_FOUND': 'отклоняет неизвестный товар с кодом NOT_FOUND',
  'refuses a discontinued product with DISCONTINUED': 'отклоняет снятый с продажи товар с кодом DISCONTINUED',
  'refuses a zero price with VALIDATION': 'отклоняет нулевую цену с кодом VALIDATION',
  'refuses a price that is not whole cents with VALIDATION': 'отклоняет цену не в целых центах с кодом VALIDATION',
  'records nothing when the price is the same as now': 'ничего не записывает, если цена та же, что сейчас',
  'DiscontinueProduct': 'снятие с продажи (DiscontinueProduct)',
  'stores ProductDiscontinued': 'сохраняет ProductDiscontinued',
  'refuses a product that is already discontinued with DISCONTINUED': 'отклоняет уже снятый с продажи товар с кодом DISCONTINUED',
  'a change made in between is not overwritten': 'изменение, сделанное в промежутке, не затирается',
  'ChangeProductPrice fails with CONCURRENCY and stores nothing of its own': 'ChangeProductPrice отклоняется с кодом CONCURRENCY и ничего своего не сохраняет',
  'DiscontinueProduct fails with CONCURRENCY and stores nothing of its own': 'DiscontinueProduct отклоняется с кодом CONCURRENCY и ничего своего не сохраняет',
};
