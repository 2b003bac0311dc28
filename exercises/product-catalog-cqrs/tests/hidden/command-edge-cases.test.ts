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

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'ChangeProductPrice edge cases': 'граничные случаи ChangeProductPrice',
  'refuses a numeric string with VALIDATION': 'отклоняет число, записанное строкой, с кодом VALIDATION',
  'refuses NaN with VALIDATION': 'отклоняет NaN с кодом VALIDATION',
  'refuses a negative price with VALIDATION': 'отклоняет отрицательную цену с кодом VALIDATION',
  'refuses a missing price with VALIDATION': 'отклоняет команду без цены с кодом VALIDATION',
  'refuses a price beyond safe integers with VALIDATION': 'отклоняет цену больше безопасного целого с кодом VALIDATION',
  'a discontinued product with a bad price fails with DISCONTINUED': 'для снятого с продажи товара с неверной ценой — отказ с кодом DISCONTINUED',
  'an unknown product with a bad price fails with NOT_FOUND': 'для неизвестного товара с неверной ценой — отказ с кодом NOT_FOUND',
  'another product’s history does not count': 'история другого товара не учитывается',
  'going back to an earlier price is a change': 'возврат к прежней цене — это изменение',
  'the same price as the original one records nothing': 'та же цена, что и исходная, ничего не записывает',
  'DiscontinueProduct edge cases': 'граничные случаи DiscontinueProduct',
  'only the named product is discontinued': 'снимается с продажи только указанный товар',
  'a discontinued product cannot be discontinued again even after other changes': 'снятый с продажи товар нельзя снять ещё раз даже после других изменений',
};
