// The write side at its edges: untyped prices, which check wins, and what the handler answers.
import { describe, it } from 'vitest';
import type { CatalogCommand } from '@workspace/commands';
import { added, discontinued, given, priceChanged } from '../support/givenWhenThen';

function untyped<T>(value: unknown): T {
  return value as T;
}

describe('ChangeProductPrice edge cases', () => {
  const wrong: Array<[string, unknown]> = [
    ['a numeric string', '3490'],
    ['NaN', Number.NaN],
    ['a negative price', -3490],
    ['a missing price', undefined],
    ['a price beyond safe integers', 2 ** 53],
  ];
  for (const [label, price] of wrong) {
    it(`refuses ${label} with VALIDATION`, () => {
      given(added()).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: untyped(price) }).thenFails('VALIDATION');
    });
  }

  it('a discontinued product with a bad price fails with DISCONTINUED', () => {
    given(added(), discontinued()).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: -1 }).thenFails('DISCONTINUED');
  });

  it('an unknown product with a bad price fails with NOT_FOUND', () => {
    given().when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: untyped('x') }).thenFails('NOT_FOUND');
  });

  it('another product’s history does not count', () => {
    given(added('mug-2', 1250)).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 1250 }).thenFails('NOT_FOUND');
  });

  it('going back to an earlier price is a change', () => {
    given(added(), priceChanged(3490)).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3990 }).then(priceChanged(3990));
  });

  it('the same price as the original one records nothing', () => {
    given(added()).when({ type: 'ChangeProductPrice', productId: 'kettle-1', price: 3990 }).then();
  });
});

describe('DiscontinueProduct edge cases', () => {
  it('only the named product is discontinued', () => {
    const command: CatalogCommand = { type: 'DiscontinueProduct', productId: 'mug-2' };
    given(added(), added('mug-2', 1250), discontinued()).when(command).then(discontinued('mug-2'));
  });

  it('a discontinued product cannot be discontinued again even after other changes', () => {
    given(added(), priceChanged(100), discontinued()).when({ type: 'DiscontinueProduct', productId: 'kettle-1' }).thenFails('DISCONTINUED');
  });
});
