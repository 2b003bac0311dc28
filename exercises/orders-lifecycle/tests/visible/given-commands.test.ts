// The commands that come already written. These tests are examples to read: they pass
// before you write anything and they earn no points.
import { describe, expect, it } from 'vitest';
import { CUSTOMER_ID, history, ITEMS, NOW, ORDER_ID, TOTAL } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('the commands already written', () => {
  it('CreateOrder records OrderCreated with the items and their total in cents', () => {
    given()
      .when({ type: 'CreateOrder', orderId: ORDER_ID, customerId: CUSTOMER_ID, items: ITEMS, shippingAddress: '1 Elm St' })
      .then({
        type: 'OrderCreated',
        aggregateId: ORDER_ID,
        version: 1,
        timestamp: NOW,
        customerId: CUSTOMER_ID,
        items: ITEMS,
        totalAmount: TOTAL,
        shippingAddress: '1 Elm St',
      });
  });

  it('CreateOrder refuses a blank customer with VALIDATION', () => {
    given()
      .when({ type: 'CreateOrder', orderId: ORDER_ID, customerId: ' ', items: ITEMS, shippingAddress: '1 Elm St' })
      .thenFails('VALIDATION');
  });

  it('AddOrderItem adds a line and raises the total', () => {
    const order = given(...history.pending())
      .when({ type: 'AddOrderItem', orderId: ORDER_ID, productId: 'tea', productName: 'Green tea', quantity: 3, unitPrice: 450 })
      .then({
        type: 'OrderItemAdded',
        aggregateId: ORDER_ID,
        version: 2,
        timestamp: NOW,
        productId: 'tea',
        productName: 'Green tea',
        quantity: 3,
        unitPrice: 450,
      });
    expect(order.totalAmount).toBe(TOTAL + 1350);
    expect(order.items).toHaveLength(3);
  });

  it('AddOrderItem refuses a paid order with INVALID_STATE', () => {
    given(...history.paid())
      .when({ type: 'AddOrderItem', orderId: ORDER_ID, productId: 'tea', productName: 'Green tea', quantity: 1, unitPrice: 450 })
      .thenFails('INVALID_STATE');
  });

  it('AddOrderItem refuses a price that is not whole cents with VALIDATION', () => {
    given(...history.pending())
      .when({ type: 'AddOrderItem', orderId: ORDER_ID, productId: 'tea', productName: 'Green tea', quantity: 1, unitPrice: 4.5 })
      .thenFails('VALIDATION');
  });

  it('RemoveOrderItem takes units away and lowers the total', () => {
    const order = given(...history.pending())
      .when({ type: 'RemoveOrderItem', orderId: ORDER_ID, productId: 'mug', quantity: 1 })
      .then({ type: 'OrderItemRemoved', aggregateId: ORDER_ID, version: 2, timestamp: NOW, productId: 'mug', quantity: 1 });
    expect(order.totalAmount).toBe(TOTAL - 650);
  });

  it('RemoveOrderItem refuses more units than the order holds with VALIDATION', () => {
    given(...history.pending())
      .when({ type: 'RemoveOrderItem', orderId: ORDER_ID, productId: 'mug', quantity: 3 })
      .thenFails('VALIDATION');
  });

  it('RemoveOrderItem refuses a product that is not in the order with VALIDATION', () => {
    given(...history.pending())
      .when({ type: 'RemoveOrderItem', orderId: ORDER_ID, productId: 'teapot', quantity: 1 })
      .thenFails('VALIDATION');
  });

  it('ChangeOrderAddress records the new address', () => {
    given(...history.paid())
      .when({ type: 'ChangeOrderAddress', orderId: ORDER_ID, newAddress: '9 Birch Ave' })
      .then({ type: 'OrderAddressChanged', aggregateId: ORDER_ID, version: 3, timestamp: NOW, newAddress: '9 Birch Ave' });
  });

  it('ChangeOrderAddress refuses a shipped order with INVALID_STATE', () => {
    given(...history.shipped())
      .when({ type: 'ChangeOrderAddress', orderId: ORDER_ID, newAddress: '9 Birch Ave' })
      .thenFails('INVALID_STATE');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the commands already written': 'команды, которые уже написаны',
  'CreateOrder records OrderCreated with the items and their total in cents': 'CreateOrder записывает OrderCreated с позициями и их суммой в центах',
  'CreateOrder refuses a blank customer with VALIDATION': 'CreateOrder отказывает с VALIDATION, если покупатель не указан',
  'AddOrderItem adds a line and raises the total': 'AddOrderItem добавляет строку и увеличивает сумму',
  'AddOrderItem refuses a paid order with INVALID_STATE': 'AddOrderItem отказывает оплаченному заказу с INVALID_STATE',
  'AddOrderItem refuses a price that is not whole cents with VALIDATION': 'AddOrderItem отказывает с VALIDATION, если цена не в целых центах',
  'RemoveOrderItem takes units away and lowers the total': 'RemoveOrderItem убирает единицы товара и уменьшает сумму',
  'RemoveOrderItem refuses more units than the order holds with VALIDATION': 'RemoveOrderItem отказывает с VALIDATION, если единиц больше, чем в заказе',
  'RemoveOrderItem refuses a product that is not in the order with VALIDATION': 'RemoveOrderItem отказывает с VALIDATION, если товара нет в заказе',
  'ChangeOrderAddress records the new address': 'ChangeOrderAddress записывает новый адрес',
  'ChangeOrderAddress refuses a shipped order with INVALID_STATE': 'ChangeOrderAddress отказывает отправленному заказу с INVALID_STATE',
};
