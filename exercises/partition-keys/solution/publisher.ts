// Keys that keep one order's events in order. Every event of an order is keyed by the order id, so
// the default partitioner sends them all to one partition, where they stay in the order they were
// published; different orders (even of one customer) spread over the partitions and are processed
// in parallel. Customer events are keyed by the customer id. The partition is never picked by hand:
// every producer of the topic (the warehouse's too) must land one order on the same partition.
// Ключи, которые сохраняют порядок событий заказа: все события заказа — с ключом id заказа, поэтому
// они попадают в одну партицию и идут в порядке публикации; разные заказы (даже одного покупателя)
// расходятся по партициям. События покупателя — с ключом id покупателя. Партицию вручную не выбираем.
import { MissingKey } from './errors';
import { eventIdOf, isOrderEvent, type ShopEvent } from './events';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SHOP_TOPIC, type OutgoingMessage, type Publisher } from './topic';

function present(id: unknown): id is string {
  return typeof id === 'string' && id.trim() !== '';
}

/** The message key of an event: the order id for order events, the customer id for customer events. */
export function keyOf(event: ShopEvent): string {
  const id: unknown = isOrderEvent(event) ? event.orderId : event.customerId;
  if (!present(id)) throw new MissingKey(event.type);
  return id;
}

/** Publishes the events to SHOP_TOPIC in the given order, one message each; nothing if one has no key. */
export function publishEvents(publisher: Publisher, events: readonly ShopEvent[]): void {
  // Every key first: a batch with a bad event sends nothing at all.
  const messages: OutgoingMessage[] = events.map((event) => ({
    key: keyOf(event),
    value: event,
    headers: { [EVENT_ID_HEADER]: eventIdOf(event), [EVENT_TYPE_HEADER]: event.type },
  }));
  if (messages.length > 0) publisher.send(SHOP_TOPIC, messages);
}
