import { describe, expect, it } from 'vitest';
import { commands, history, NOW, ORDER_ID } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('ship', () => {
  it('records OrderShipped when a paid order is shipped', () => {
    given(...history.paid())
      .when(commands.ship())
      .then({ type: 'OrderShipped', aggregateId: ORDER_ID, version: 3, timestamp: NOW, trackingNumber: 'TRK-900', carrier: 'UPS' });
  });

  it('leaves the order shipped, with the tracking number, the carrier and the time', () => {
    const order = given(...history.paid())
      .when(commands.ship())
      .then({ type: 'OrderShipped', aggregateId: ORDER_ID, version: 3, timestamp: NOW, trackingNumber: 'TRK-900', carrier: 'UPS' });
    expect(order.status).toBe('shipped');
    expect(order.trackingNumber).toBe('TRK-900');
    expect(order.carrier).toBe('UPS');
    expect(order.shippedAt).toBe(NOW);
  });

  for (const status of ['pending', 'shipped', 'delivered', 'cancelled'] as const) {
    it(`refuses a ${status} order with INVALID_STATE`, () => {
      given(...history[status]()).when(commands.ship()).thenFails('INVALID_STATE');
    });
  }

  it('refuses an empty tracking number with VALIDATION', () => {
    given(...history.paid()).when(commands.ship({ trackingNumber: '' })).thenFails('VALIDATION');
  });

  it('refuses an empty carrier with VALIDATION', () => {
    given(...history.paid()).when(commands.ship({ carrier: '' })).thenFails('VALIDATION');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'ship': 'отправка (ship)',
  'records OrderShipped when a paid order is shipped': 'записывает OrderShipped, когда оплаченный заказ отправлен',
  'leaves the order shipped, with the tracking number, the carrier and the time': 'оставляет заказ отправленным, с трек-номером, перевозчиком и временем',
  'refuses a pending order with INVALID_STATE': 'отказывает неоплаченному заказу с INVALID_STATE',
  'refuses a shipped order with INVALID_STATE': 'отказывает отправленному заказу с INVALID_STATE',
  'refuses a delivered order with INVALID_STATE': 'отказывает доставленному заказу с INVALID_STATE',
  'refuses a cancelled order with INVALID_STATE': 'отказывает отменённому заказу с INVALID_STATE',
  'refuses an empty tracking number with VALIDATION': 'отказывает с VALIDATION, если трек-номер пуст',
  'refuses an empty carrier with VALIDATION': 'отказывает с VALIDATION, если перевозчик не указан',
};
