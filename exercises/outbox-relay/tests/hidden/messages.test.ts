// What the relay sends: the key keeps one order's events together, the headers let consumers drop
// duplicates and route by type, and the value is the event exactly as it was saved.
import { describe, expect, it } from 'vitest';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER } from '@workspace/broker';
import { ANN, BOB, newShop, tickingClock } from '../support/shop';

describe('messages', () => {
  it('the key is the order id, never the event type, so one order\'s events share a partition', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.service.placeOrder(BOB);
    shop.relay.relayOnce();
    expect(shop.broker.messages.map((message) => message.key)).toEqual(['o-1', 'o-2']);
  });

  it('every message carries its event id and type; the id depends on the row alone', () => {
    const shop = newShop(tickingClock());
    shop.service.placeOrder(ANN);
    shop.service.placeOrder(BOB);
    shop.relay.relayOnce();
    expect(shop.broker.messages.map((message) => message.headers)).toEqual([
      { [EVENT_ID_HEADER]: 'order-outbox-1', [EVENT_TYPE_HEADER]: 'OrderPlaced' },
      { [EVENT_ID_HEADER]: 'order-outbox-2', [EVENT_TYPE_HEADER]: 'OrderPlaced' },
    ]);
  });

  it('the value is the saved payload, byte for byte', () => {
    const shop = newShop(tickingClock());
    shop.service.placeOrder(ANN);
    shop.relay.relayOnce();
    expect(shop.broker.messages[0]?.value).toBe(shop.db.outbox()[0]?.payload);
  });

  it('sentAt is the time of the publish, not of the order', () => {
    const shop = newShop(tickingClock('2031-02-03T10:00:00.000Z'));
    shop.service.placeOrder(ANN);
    shop.relay.relayOnce();
    expect(shop.db.outbox().map(({ createdAt, sentAt }) => ({ createdAt, sentAt }))).toEqual([{ createdAt: '2031-02-03T10:00:00.000Z', sentAt: '2031-02-03T10:00:01.000Z' }]);
  });

  it('each run sends only what is new: rows sent earlier stay sent', () => {
    const shop = newShop();
    shop.service.placeOrder(ANN);
    shop.service.placeOrder(BOB);
    shop.relay.relayOnce();
    shop.service.placeOrder({ ...ANN, orderId: 'o-3' });
    expect({ sentByTheNextRun: shop.relay.relayOnce(), keys: shop.broker.messages.map((message) => message.key) }).toEqual({
      sentByTheNextRun: 1,
      keys: ['o-1', 'o-2', 'o-3'],
    });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'messages': 'сообщения',
  'the key is the order id, never the event type, so one order\'s events share a partition': 'ключ — идентификатор заказа, а не тип события, поэтому события одного заказа попадают в одну партицию',
  'every message carries its event id and type; the id depends on the row alone': 'каждое сообщение несёт идентификатор и тип своего события; идентификатор зависит только от строки',
  'the value is the saved payload, byte for byte': 'значение — сохранённый payload, байт в байт',
  'sentAt is the time of the publish, not of the order': 'sentAt — время публикации, а не заказа',
  'each run sends only what is new: rows sent earlier stay sent': 'каждый запуск отправляет только новое: отправленные раньше строки остаются отправленными',
};
