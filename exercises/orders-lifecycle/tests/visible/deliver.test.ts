import { describe, expect, it } from 'vitest';
import { commands, history, NOW, ORDER_ID } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('deliver', () => {
  it('records OrderDelivered, delivered at the moment of the event', () => {
    given(...history.shipped())
      .when(commands.deliver())
      .then({ type: 'OrderDelivered', aggregateId: ORDER_ID, version: 4, timestamp: NOW, deliveredAt: NOW });
  });

  it('leaves the order delivered, with the delivery time', () => {
    const order = given(...history.shipped())
      .when(commands.deliver())
      .then({ type: 'OrderDelivered', aggregateId: ORDER_ID, version: 4, timestamp: NOW, deliveredAt: NOW });
    expect(order.status).toBe('delivered');
    expect(order.deliveredAt).toBe(NOW);
  });

  for (const status of ['pending', 'paid', 'delivered', 'cancelled'] as const) {
    it(`refuses a ${status} order with INVALID_STATE`, () => {
      given(...history[status]()).when(commands.deliver()).thenFails('INVALID_STATE');
    });
  }
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'deliver': 'доставка (deliver)',
  'records OrderDelivered, delivered at the moment of the event': 'записывает OrderDelivered, доставлен в момент события',
  'leaves the order delivered, with the delivery time': 'оставляет заказ доставленным, со временем доставки',
  'refuses a pending order with INVALID_STATE': 'отказывает неоплаченному заказу с INVALID_STATE',
  'refuses a paid order with INVALID_STATE': 'отказывает оплаченному (ещё не отправленному) заказу с INVALID_STATE',
  'refuses a delivered order with INVALID_STATE': 'отказывает доставленному заказу с INVALID_STATE',
  'refuses a cancelled order with INVALID_STATE': 'отказывает отменённому заказу с INVALID_STATE',
};
