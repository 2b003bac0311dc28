// A shop for each test: a fresh database and in-memory broker, a clock, and the student's order
// service and relay over them; plus the messages the relay must send, and checks whose failures say
// what the broker or the database should hold and what it holds.
import { sameOrFail, say } from '@engine/testing/givenWhenThen';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, MemoryBroker, ORDER_TOPIC, type Message } from '@workspace/broker';
import { ShopDatabase } from '@workspace/database';
import { OrderService, OutboxRelay } from '@workspace/outbox';
import { fixedClock, type Clock, type OrderPlaced, type PlaceOrder, type Shop } from '@workspace/shop';

export const NOW = '2031-02-03T10:00:00.000Z';

export const ANN: PlaceOrder = { orderId: 'o-1', customerId: 'ann', totalAmount: 2599 };
export const BOB: PlaceOrder = { orderId: 'o-2', customerId: 'bob', totalAmount: 1250 };

export interface TestShop extends Shop {
  db: ShopDatabase;
  broker: MemoryBroker;
  service: OrderService;
  relay: OutboxRelay;
}

export function newShop(clock: Clock = fixedClock(NOW)): TestShop {
  const shop = { db: new ShopDatabase(), broker: new MemoryBroker(), clock };
  return { ...shop, service: new OrderService(shop), relay: new OutboxRelay(shop) };
}

/** A clock that moves one second on every reading. */
export function tickingClock(start = NOW): Clock {
  let at = Date.parse(start);
  return () => {
    const now = new Date(at).toISOString();
    at += 1000;
    return now;
  };
}

export function placedEvent(command: PlaceOrder, placedAt = NOW): OrderPlaced {
  return { type: 'OrderPlaced', orderId: command.orderId, customerId: command.customerId, totalAmount: command.totalAmount, placedAt };
}

/** The message the relay must send for outbox row `id` holding `event`. */
export function messageOf(event: OrderPlaced, id: number): Message {
  return {
    topic: ORDER_TOPIC,
    key: event.orderId,
    value: JSON.stringify(event),
    headers: { [EVENT_ID_HEADER]: `order-outbox-${id}`, [EVENT_TYPE_HEADER]: event.type },
  };
}

/** The broker holds exactly these messages, in this order. */
export function expectPublished(shop: TestShop, expected: Message[], after: string): void {
  const message = say(
    `after ${after} the broker should hold ${expected.length} message(s), but it holds ${shop.broker.messages.length} (differences below)`,
    `после шага «${after}» в брокере должно быть сообщений: ${expected.length}, а их ${shop.broker.messages.length} (различия ниже)`,
  );
  sameOrFail(shop.broker.messages, expected, message, {
    given: shop.db.outbox(),
    command: after,
    expected_events: expected,
    actual_events: shop.broker.messages,
  });
}

/** Which outbox rows are still waiting to be sent, by id. */
export function unsentIds(shop: TestShop): number[] {
  return shop.db.unsent().map((row) => row.id);
}
