// Crashes at every step: nothing is lost, and what is sent twice carries the same event id.
import { describe, expect, it } from 'vitest';
import { DatabaseCrash } from '@workspace/database';
import { ANN, BOB, expectPublished, messageOf, newShop, placedEvent, unsentIds } from '../support/shop';

describe('crashes', () => {
  it('a crash while writing the outbox row keeps neither the order nor the event', () => {
    const shop = newShop();
    shop.db.crashOn('insertOutbox');
    expect(() => shop.service.placeOrder(ANN)).toThrow(DatabaseCrash);
    expect({ orders: shop.db.orders().length, outbox: shop.db.outbox().length }).toEqual({ orders: 0, outbox: 0 });
  });

  it('a crash while writing the order keeps nothing either', () => {
    const shop = newShop();
    shop.db.crashOn('insertOrder');
    expect(() => shop.service.placeOrder(ANN)).toThrow(DatabaseCrash);
    expect({ orders: shop.db.orders().length, outbox: shop.db.outbox().length, published: shop.broker.messages.length }).toEqual({ orders: 0, outbox: 0, published: 0 });
  });

  it('a crash after the publish but before marking it sent sends the event again, with the same event id', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.db.crashOn('markSent');
    expect(() => shop.relay.relayOnce()).toThrow(DatabaseCrash);
    shop.relay.relayOnce();
    expectPublished(shop, [messageOf(placedEvent(ANN), 1), messageOf(placedEvent(ANN), 1)], 'a crash before markSent and a second run');
    expect(unsentIds(shop)).toEqual([]);
  });

  it('a failed publish loses nothing and reorders nothing: every event arrives, in the order it was written', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.service.placeOrder(BOB);
    shop.broker.failNext(1);
    shop.relay.relayOnce();
    shop.service.placeOrder({ ...ANN, orderId: 'o-3' });
    shop.relay.relayOnce();
    expect(shop.broker.messages.map((message) => message.key)).toEqual(['o-1', 'o-2', 'o-3']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'crashes': 'сбои',
  'a crash while writing the outbox row keeps neither the order nor the event': 'сбой при записи строки outbox не оставляет ни заказа, ни события',
  'a crash while writing the order keeps nothing either': 'сбой при записи заказа тоже ничего не оставляет',
  'a crash after the publish but before marking it sent sends the event again, with the same event id': 'после сбоя между публикацией и отметкой об отправке событие уходит ещё раз с тем же идентификатором',
  'a failed publish loses nothing and reorders nothing: every event arrives, in the order it was written': 'неудачная публикация ничего не теряет и не меняет порядок: все события приходят в том порядке, в каком записаны',
};
