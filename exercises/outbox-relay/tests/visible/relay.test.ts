// The relay: publishes the outbox rows oldest first, keyed by order, with the event's id in a header;
// marks a row sent only after the broker took it, and stops at the first failed publish.
import { describe, expect, it } from 'vitest';
import { ANN, BOB, expectPublished, messageOf, newShop, NOW, placedEvent, unsentIds } from '../support/shop';

describe('relayOnce', () => {
  it('publishes each new event to order-events, keyed by its order, and marks it sent', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    const sent = shop.relay.relayOnce();
    expectPublished(shop, [messageOf(placedEvent(ANN), 1)], 'one relayOnce');
    expect({ sent, unsent: unsentIds(shop), sentAt: shop.db.outbox()[0]?.sentAt }).toEqual({ sent: 1, unsent: [], sentAt: NOW });
  });

  it('sends the rows oldest first', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.service.placeOrder(BOB);
    shop.relay.relayOnce();
    expectPublished(shop, [messageOf(placedEvent(ANN), 1), messageOf(placedEvent(BOB), 2)], 'relayOnce over two orders');
  });

  it('does not send a row twice: a second run with nothing new sends nothing', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.relay.relayOnce();
    expect({ sentByTheSecondRun: shop.relay.relayOnce() }).toEqual({ sentByTheSecondRun: 0 });
    expectPublished(shop, [messageOf(placedEvent(ANN), 1)], 'two relayOnce runs');
  });

  it('while the broker is down, marks nothing sent; the next run sends everything', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.service.placeOrder(BOB);
    shop.broker.down = true;
    expect({ sentWhileDown: shop.relay.relayOnce(), unsent: unsentIds(shop) }).toEqual({ sentWhileDown: 0, unsent: [1, 2] });
    shop.broker.down = false;
    expect({ sentAfterwards: shop.relay.relayOnce() }).toEqual({ sentAfterwards: 2 });
    expectPublished(shop, [messageOf(placedEvent(ANN), 1), messageOf(placedEvent(BOB), 2)], 'a run while the broker was down and one after');
  });

  it('stops at the first failed publish: later rows wait, so no event overtakes an earlier one', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.service.placeOrder(BOB);
    shop.broker.failNext(1);
    expect({ sent: shop.relay.relayOnce(), unsent: unsentIds(shop), published: shop.broker.messages.length }).toEqual({ sent: 0, unsent: [1, 2], published: 0 });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'relayOnce': 'один проход ретранслятора (relayOnce)',
  'publishes each new event to order-events, keyed by its order, and marks it sent': 'публикует каждое новое событие в order-events с ключом его заказа и отмечает его отправленным',
  'sends the rows oldest first': 'отправляет строки начиная с самых старых',
  'does not send a row twice: a second run with nothing new sends nothing': 'не отправляет строку дважды: второй запуск без новых строк ничего не отправляет',
  'while the broker is down, marks nothing sent; the next run sends everything': 'пока брокер недоступен, ничего не отмечает отправленным; следующий запуск отправляет всё',
  'stops at the first failed publish: later rows wait, so no event overtakes an earlier one': 'останавливается на первой неудачной публикации: следующие строки ждут, и ни одно событие не обгоняет более раннее',
};
