// Placing an order: the order row and its OrderPlaced event are saved in one transaction, and the
// service never talks to the broker itself (no dual write).
import { describe, expect, it } from 'vitest';
import { sameOrFail } from '@engine/testing/givenWhenThen';
import { ANN, BOB, newShop, NOW, placedEvent } from '../support/shop';

describe('placeOrder', () => {
  it('saves the order and returns its OrderPlaced event, stamped by the clock', () => {
    const shop = newShop();
    const event = shop.service.placeOrder(ANN);
    expect(event).toEqual(placedEvent(ANN));
    expect(shop.db.orders()).toEqual([{ ...ANN, placedAt: NOW }]);
  });

  it('writes the event to the outbox, as JSON, not sent yet', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    sameOrFail(shop.db.outbox(), [{ id: 1, aggregateId: 'o-1', type: 'OrderPlaced', payload: JSON.stringify(placedEvent(ANN)), createdAt: NOW, sentAt: null }], 'placeOrder should leave one unsent OrderPlaced row in the outbox', {
      given: [],
      command: { placeOrder: ANN },
      expected_events: [placedEvent(ANN)],
      actual_events: shop.db.outbox(),
    });
  });

  it('saves the order and its outbox row in one transaction', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.service.placeOrder(BOB);
    expect({ transactions: shop.db.commits, outboxRows: shop.db.outbox().length }).toEqual({ transactions: 2, outboxRows: 2 });
  });

  it('publishes nothing itself: the broker hears of the order only through the relay', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    expect({ messagesAfterPlaceOrder: shop.broker.messages.length }).toEqual({ messagesAfterPlaceOrder: 0 });
  });

  it('works while the broker is down: placing an order does not depend on it', () => {
    const shop = newShop();
    shop.broker.down = true;
    expect(shop.service.placeOrder(ANN)).toEqual(placedEvent(ANN));
    expect(shop.db.outbox().map((row) => row.sentAt)).toEqual([null]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'placeOrder': 'оформление заказа (placeOrder)',
  'saves the order and returns its OrderPlaced event, stamped by the clock': 'сохраняет заказ и возвращает его событие OrderPlaced с временем по часам',
  'writes the event to the outbox, as JSON, not sent yet': 'записывает событие в outbox в виде JSON, ещё не отправленным',
  'saves the order and its outbox row in one transaction': 'сохраняет заказ и его строку outbox в одной транзакции',
  'publishes nothing itself: the broker hears of the order only through the relay': 'сам ничего не публикует: брокер узнаёт о заказе только через ретранслятор',
  'works while the broker is down: placing an order does not depend on it': 'работает, пока брокер недоступен: оформление заказа от него не зависит',
};
