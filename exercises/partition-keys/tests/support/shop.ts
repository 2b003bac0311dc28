// A topic of the engine's broker for each test, the shop's events, and ways to consume them: one
// partition after another in a chosen order (as consumers that own different partitions may well
// do), or through a real consumer group. Checks name the order and the partitions when they fail.
import { createBroker, type Producer } from '@engine/broker';
import { ScenarioFailure, say } from '@engine/testing/givenWhenThen';
import type { CustomerEvent, OrderEvent, ShopEvent } from '@workspace/events';
import { OrderTracker } from '@workspace/OrderTracker';
import { PARTITIONS, SHOP_TOPIC, type OutgoingMessage, type Publisher, type ShopRecord } from '@workspace/topic';

export function placed(orderId: string, customerId: string, totalAmount = 2500): OrderEvent {
  return { type: 'OrderPlaced', orderId, customerId, version: 1, totalAmount };
}
export function paid(orderId: string, customerId: string, amount = 2500, version = 2): OrderEvent {
  return { type: 'OrderPaid', orderId, customerId, version, amount };
}
export function shipped(orderId: string, version = 3): OrderEvent {
  return { type: 'OrderShipped', orderId, version, carrier: 'DHL' };
}
export function cancelled(orderId: string, customerId: string, version: number): OrderEvent {
  return { type: 'OrderCancelled', orderId, customerId, version, reason: 'changed my mind' };
}
export function registered(customerId: string): CustomerEvent {
  return { type: 'CustomerRegistered', customerId, version: 1, name: customerId.toUpperCase() };
}
export function emailChanged(customerId: string, version: number): CustomerEvent {
  return { type: 'CustomerEmailChanged', customerId, version, email: `${customerId}+${version}@example.org` };
}

/**
 * The shop's day: `count` orders of a few customers (`acme`, a business, places every third one),
 * their events interleaved as they happen: every order is placed, then paid or cancelled, most paid
 * ones shipped; customers register and change their e-mail in between.
 */
export function shopDay(count = 12): ShopEvent[] {
  const customers = ['ann', 'bob', 'acme'];
  const perOrder: OrderEvent[][] = [];
  for (let i = 1; i <= count; i++) {
    const orderId = `o-${i}`;
    const customerId = customers[i % 3]!;
    const events: OrderEvent[] = [placed(orderId, customerId, 1000 + i)];
    if (i % 4 === 0) events.push(cancelled(orderId, customerId, 2));
    else {
      events.push(paid(orderId, customerId, 1000 + i));
      if (i % 5 !== 0) events.push(shipped(orderId));
    }
    perOrder.push(events);
  }
  const day: ShopEvent[] = customers.map(registered);
  for (let step = 0; step < 3; step++) {
    for (const events of perOrder) if (events[step]) day.push(events[step]);
    day.push(emailChanged(customers[step]!, 2));
  }
  return day;
}

/** The status each order of the day ends with when its events are applied in order. */
export function finalStatuses(events: readonly ShopEvent[]): Record<string, string> {
  const status: Record<string, string> = {};
  const after = { OrderPlaced: 'placed', OrderPaid: 'paid', OrderShipped: 'shipped', OrderCancelled: 'cancelled' } as const;
  for (const event of events) if (event.type in after) status[(event as OrderEvent).orderId] = after[event.type as keyof typeof after];
  return status;
}

export interface TestTopic {
  /** The student's code publishes through this (over the engine broker's producer). */
  publisher: Publisher;
  /** Another team's producer: keys what it sends, leaves the partition to the default partitioner. */
  warehouse: Producer;
  /** Every message `publisher.send` was given, as given. */
  sent: OutgoingMessage[];
  /** The records of one partition, oldest first. */
  partition(p: number): ShopRecord[];
  /** Every partition's records, partition 0 first. */
  all(): ShopRecord[][];
  /** The partitions that hold at least one event of this order (or customer), as sorted numbers. */
  partitionsOf(id: string): number[];
}

export function newTopic(partitions = PARTITIONS): TestTopic {
  const broker = createBroker({ seed: 11 });
  broker.createTopic(SHOP_TOPIC, { partitions });
  const producer = broker.producer({ clientId: 'shop' });
  const sent: OutgoingMessage[] = [];
  const publisher: Publisher = {
    send(topic, messages) {
      sent.push(...(JSON.parse(JSON.stringify(messages)) as OutgoingMessage[]));
      producer.send(
        topic,
        messages.map((message) => ({ key: message.key, value: message.value, headers: message.headers, ...(message.partition === undefined ? {} : { partition: message.partition }) })),
      );
    },
  };
  const partition = (p: number) => broker.read(SHOP_TOPIC, p, { maxRecords: 10_000 }) as unknown as ShopRecord[];
  const all = () => Array.from({ length: partitions }, (_, p) => partition(p));
  const idOf = (record: ShopRecord) => ('orderId' in record.value ? record.value.orderId : record.value.customerId);
  return {
    publisher,
    warehouse: broker.producer({ clientId: 'warehouse' }),
    sent,
    partition,
    all,
    partitionsOf: (id) => all().flatMap((records, p) => (records.some((record) => idOf(record) === id) ? [p] : [])),
  };
}

/**
 * Feeds the tracker partition by partition in the given order (each partition oldest first), as
 * consumers that own different partitions may do. Returns the tracker and the first error it threw.
 */
export function consumeInOrder(topic: TestTopic, partitionOrder: number[]): { tracker: OrderTracker; error: unknown } {
  const tracker = new OrderTracker();
  try {
    for (const p of partitionOrder) for (const record of topic.partition(p)) tracker.handle(record);
  } catch (error) {
    return { tracker, error };
  }
  return { tracker, error: undefined };
}

/** Every order's events sit in one partition, versions in order; else a failure naming the order. */
export function expectEachOrderInOnePartition(topic: TestTopic, orderIds: string[]): void {
  for (const orderId of orderIds) {
    const where = topic.partitionsOf(orderId);
    const versions = where.flatMap((p) => topic.partition(p).filter((r) => 'orderId' in r.value && r.value.orderId === orderId).map((r) => r.value.version));
    const inOrder = versions.every((version, i) => version === i + 1);
    if (where.length !== 1 || !inOrder) {
      const message = say(
        `order ${orderId}'s events should all be in one partition, in version order, but they are in partition(s) ${where.join(', ')} with versions ${versions.join(', ')}`,
        `все события заказа ${orderId} должны лежать в одной партиции по порядку версий, а они в партициях ${where.join(', ')} с версиями ${versions.join(', ')}`,
      );
      throw new ScenarioFailure(message, {
        given: topic.all().map((records, p) => ({ partition: p, records: records.map((r) => `${r.value.type} v${r.value.version} (key ${String(r.key)})`) })),
        command: `read the events of order ${orderId}`,
        expected_state: { orderId, partitions: 1, versions: versions.map((_, i) => i + 1) },
        actual_state: { orderId, partitions: where, versions },
      });
    }
  }
}

/** A record as a consumer gets it, for feeding the tracker by hand. */
export function recordOf(event: ShopEvent, offset = 0, partition = 0): ShopRecord {
  return { topic: SHOP_TOPIC, partition, offset, key: 'orderId' in event ? event.orderId : event.customerId, value: event, headers: {} };
}
