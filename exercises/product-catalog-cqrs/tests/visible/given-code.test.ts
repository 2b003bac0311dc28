// AddProduct comes already written. These tests are examples to read: they pass before you
// change anything and earn no points.
import { describe, expect, it } from 'vitest';
import { added, given } from '../support/givenWhenThen';

const kettle = { productId: 'kettle-1', name: 'Steel kettle', description: '1.7 litres', category: 'kitchen', price: 3990 };

describe('adding a product (given code)', () => {
  it('AddProduct stores ProductAdded in the product stream and answers version 1', () => {
    const result = given().when({ type: 'AddProduct', ...kettle }).then(added());
    expect(result).toEqual({ productId: 'kettle-1', version: 1 });
  });

  it('AddProduct refuses an id that is already in the catalogue with ALREADY_EXISTS', () => {
    given(added()).when({ type: 'AddProduct', ...kettle }).thenFails('ALREADY_EXISTS');
  });

  it('AddProduct refuses a price that is not whole cents with VALIDATION', () => {
    given().when({ type: 'AddProduct', ...kettle, price: 39.9 }).thenFails('VALIDATION');
  });

  it('AddProduct refuses a blank category with VALIDATION', () => {
    given().when({ type: 'AddProduct', ...kettle, category: ' ' }).thenFails('VALIDATION');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'adding a product (given code)': 'добавление товара (готовый код)',
  'AddProduct stores ProductAdded in the product stream and answers version 1': 'AddProduct сохраняет ProductAdded в потоке товара и возвращает версию 1',
  'AddProduct refuses an id that is already in the catalogue with ALREADY_EXISTS': 'AddProduct отклоняет идентификатор, который уже есть в каталоге, с кодом ALREADY_EXISTS',
  'AddProduct refuses a price that is not whole cents with VALIDATION': 'AddProduct отклоняет цену не в целых центах с кодом VALIDATION',
  'AddProduct refuses a blank category with VALIDATION': 'AddProduct отклоняет пустую категорию с кодом VALIDATION',
};
