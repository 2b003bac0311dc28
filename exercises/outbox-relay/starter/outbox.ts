// The transactional outbox: write `placeOrder` and `relayOnce`.
// Транзакционный outbox: напишите `placeOrder` и `relayOnce`.
//
// placeOrder: save the order row AND its OrderPlaced event (an outbox row) in ONE `shop.db.transaction`.
//   Do not publish to `shop.broker` here: a save followed by a publish (a "dual write") loses the event
//   when the process dies in between, or sends an event for an order that was never saved.
//   Сохраните строку заказа И событие OrderPlaced (строку outbox) в ОДНОЙ `db.transaction`. Не
//   публикуйте здесь в брокер: «двойная запись» теряет событие при сбое между двумя шагами.
// relayOnce: publish `db.unsent()` rows oldest first to ORDER_TOPIC, key = the order id, value = the
//   payload, headers `event-id` (eventIdOf(row)) and `event-type`; mark a row sent only AFTER the
//   broker took it; stop at the first failed publish; return how many rows were sent.
//   Публикуйте неотправленные строки по порядку; отмечайте строку отправленной только ПОСЛЕ того,
//   как брокер её принял; на первой ошибке публикации остановитесь; верните число отправленных.
import type { OrderPlaced, PlaceOrder, Shop } from './shop';

export class OrderService {
  constructor(private readonly shop: Shop) {}

  /** Saves the order and its OrderPlaced event in one transaction; returns the event. */
  placeOrder(command: PlaceOrder): OrderPlaced {
    void this.shop;
    void command;
    throw new Error('not implemented');
  }
}

export class OutboxRelay {
  constructor(private readonly shop: Shop) {}

  /** Publishes unsent outbox rows in order, marks each sent after the publish, stops at a failure. */
  relayOnce(): number {
    void this.shop;
    throw new Error('not implemented');
  }
}
