// Choose the message key so that one order's events stay in order: write `keyOf` and `publishEvents`.
// Выберите ключ сообщения так, чтобы события одного заказа не теряли порядок: `keyOf` и `publishEvents`.
//
// keyOf: order events → the order id; customer events → the customer id; a missing or blank id → throw
//   MissingKey. Not the event type, not a fresh id per message, not the customer for order events.
//   События заказа — id заказа; события покупателя — id покупателя; нет id — MissingKey.
// publishEvents: one message per event, in the given order, to SHOP_TOPIC: key = keyOf(event),
//   value = the event, headers `event-id` (eventIdOf) and `event-type`. Leave `partition` out: the
//   default partitioner must decide, as it does for every other producer. A bad event → send nothing.
//   Одно сообщение на событие, по порядку; `partition` не задавайте; плохое событие — не отправлять ничего.
import type { ShopEvent } from './events';
import type { Publisher } from './topic';

/** The message key of an event: the order id for order events, the customer id for customer events. */
export function keyOf(event: ShopEvent): string {
  void event;
  throw new Error('not implemented');
}

/** Publishes the events to SHOP_TOPIC in the given order, one message each; nothing if one has no key. */
export function publishEvents(publisher: Publisher, events: readonly ShopEvent[]): void {
  void publisher;
  void events;
  throw new Error('not implemented');
}
