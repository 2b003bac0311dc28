import { describe, expect, it } from 'vitest';
import { commands, history, NOW, ORDER_ID } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('cancel', () => {
  const cases = [
    ['pending', 2],
    ['paid', 3],
    ['shipped', 4],
  ] as const;
  for (const [status, version] of cases) {
    it(`records OrderCancelled for a ${status} order`, () => {
      given(...history[status]())
        .when(commands.cancel())
        .then({
          type: 'OrderCancelled',
          aggregateId: ORDER_ID,
          version,
          timestamp: NOW,
          reason: 'Found it cheaper elsewhere',
          cancelledAt: NOW,
        });
    });
  }

  it('leaves the order cancelled, with the reason and the time', () => {
    const order = given(...history.paid())
      .when(commands.cancel({ reason: 'Wrong size' }))
      .then({ type: 'OrderCancelled', aggregateId: ORDER_ID, version: 3, timestamp: NOW, reason: 'Wrong size', cancelledAt: NOW });
    expect(order.status).toBe('cancelled');
    expect(order.cancelReason).toBe('Wrong size');
    expect(order.cancelledAt).toBe(NOW);
  });

  it('refuses a delivered order with INVALID_STATE', () => {
    given(...history.delivered()).when(commands.cancel()).thenFails('INVALID_STATE');
  });

  it('refuses an order that is already cancelled with INVALID_STATE', () => {
    given(...history.cancelled()).when(commands.cancel()).thenFails('INVALID_STATE');
  });

  it('refuses an empty reason with VALIDATION', () => {
    given(...history.pending()).when(commands.cancel({ reason: '' })).thenFails('VALIDATION');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'cancel': 'отмена (cancel)',
  'records OrderCancelled for a pending order': 'записывает OrderCancelled для неоплаченного заказа',
  'records OrderCancelled for a paid order': 'записывает OrderCancelled для оплаченного заказа',
  'records OrderCancelled for a shipped order': 'записывает OrderCancelled для отправленного заказа',
  'leaves the order cancelled, with the reason and the time': 'оставляет заказ отменённым, с причиной и временем',
  'refuses a delivered order with INVALID_STATE': 'отказывает доставленному заказу с INVALID_STATE',
  'refuses an order that is already cancelled with INVALID_STATE': 'отказывает уже отменённому заказу с INVALID_STATE',
  'refuses an empty reason with VALIDATION': 'отказывает с VALIDATION, если причина не указана',
};
