// The transactional outbox. Placing an order writes the order row and its OrderPlaced event (an
// outbox row) in one transaction, and never talks to the broker: there is no moment at which one is
// saved and the other is not. A separate relay publishes the outbox rows in order and marks each one
// sent only after the broker took it, so a crash or a broker outage delays events but never loses them.
// Транзакционный outbox: заказ и его событие OrderPlaced (строка outbox) пишутся в одной транзакции,
// к брокеру сервис не обращается. Ретранслятор публикует строки по порядку и отмечает строку
// отправленной только после того, как брокер её принял: сбой задерживает события, но не теряет их.
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, eventIdOf, ORDER_TOPIC } from './broker';
import type { OrderPlaced, PlaceOrder, Shop } from './shop';

export class OrderService {
  constructor(private readonly shop: Shop) {}

  /** Saves the order and its OrderPlaced event in one transaction; returns the event. */
  placeOrder(command: PlaceOrder): OrderPlaced {
    const placedAt = this.shop.clock();
    const event: OrderPlaced = {
      type: 'OrderPlaced',
      orderId: command.orderId,
      customerId: command.customerId,
      totalAmount: command.totalAmount,
      placedAt,
    };
    this.shop.db.transaction((tx) => {
      tx.insertOrder({ orderId: command.orderId, customerId: command.customerId, totalAmount: command.totalAmount, placedAt });
      tx.insertOutbox({ aggregateId: command.orderId, type: event.type, payload: JSON.stringify(event) }, placedAt);
    });
    return event;
  }
}

export class OutboxRelay {
  constructor(private readonly shop: Shop) {}

  /**
   * Publishes the unsent outbox rows, oldest first, each keyed by its order; marks a row sent only
   * after the broker took it. Stops at the first failed publish (the rest wait, so one order's events
   * never overtake each other). Returns how many rows it sent.
   */
  relayOnce(): number {
    let sent = 0;
    for (const row of this.shop.db.unsent()) {
      try {
        this.shop.broker.publish({
          topic: ORDER_TOPIC,
          key: row.aggregateId,
          value: row.payload,
          headers: { [EVENT_ID_HEADER]: eventIdOf(row), [EVENT_TYPE_HEADER]: row.type },
        });
      } catch {
        // The broker is not taking messages: this row and every later one stay for the next run.
        break;
      }
      this.shop.db.markSent(row.id, this.shop.clock());
      sent++;
    }
    return sent;
  }
}
