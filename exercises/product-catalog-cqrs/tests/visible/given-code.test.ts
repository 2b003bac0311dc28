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
