// A whole day of the shop through the broker: each order's events in one partition and in order,
// whoever published them; consumers that read the partitions in any order, or as a group, end with
// every order right; and one big customer's orders still spread over the partitions.
import { createBroker } from '@engine/broker';
import { describe, expect, it } from 'vitest';
import { OrderTracker } from '@workspace/OrderTracker';
import { publishEvents } from '@workspace/publisher';
import { PARTITIONS, SHOP_TOPIC, type ShopRecord } from '@workspace/topic';
import type { OrderEvent } from '@workspace/events';
import { consumeInOrder, expectEachOrderInOnePartition, finalStatuses, newTopic, paid, placed, shopDay, shipped } from '../support/shop';

const ORDER_IDS = Array.from({ length: 12 }, (_, i) => `o-${i + 1}`);
const ascending = Array.from({ length: PARTITIONS }, (_, p) => p);

function statusesOf(tracker: OrderTracker): Record<string, string | undefined> {
  return Object.fromEntries(ORDER_IDS.map((id) => [id, tracker.statusOf(id)]));
}

describe('ordering across partitions', () => {
  it('after a whole day, every order\'s events are in one partition, in version order', () => {
    const topic = newTopic();
    publishEvents(topic.publisher, shopDay());
    expectEachOrderInOnePartition(topic, ORDER_IDS);
  });

  it('a customer\'s own events stay together too: one partition per customer', () => {
    const topic = newTopic();
    publishEvents(topic.publisher, shopDay());
    expect(['ann', 'bob', 'acme'].map((customer) => topic.partitionsOf(customer).length)).toEqual([1, 1, 1]);
  });

  it('consumers that read the partitions in any order end with every order right, with no OutOfOrder', () => {
    const topic = newTopic();
    const day = shopDay();
    publishEvents(topic.publisher, day);
    for (const order of [ascending, [...ascending].reverse(), [3, 0, 5, 1, 4, 2]]) {
      const { tracker, error } = consumeInOrder(topic, order);
      expect({ partitionsRead: order, error: error === undefined ? 'none' : String(error), statuses: statusesOf(tracker) }).toEqual({ partitionsRead: order, error: 'none', statuses: finalStatuses(day) });
    }
  });

  it('the warehouse\'s OrderShipped, keyed by order id with the default partitioner, joins the order\'s partition', () => {
    const topic = newTopic();
    const orders: OrderEvent[] = ORDER_IDS.slice(0, 8).flatMap((id) => [placed(id, 'ann'), paid(id, 'ann')]);
    publishEvents(topic.publisher, orders);
    topic.warehouse.send(SHOP_TOPIC, ORDER_IDS.slice(0, 8).map((id) => ({ key: id, value: shipped(id) })));
    expectEachOrderInOnePartition(topic, ORDER_IDS.slice(0, 8));
  });

  it('one big customer\'s orders spread over several partitions (the key is the order, not the customer)', () => {
    const topic = newTopic();
    publishEvents(topic.publisher, ORDER_IDS.map((id) => placed(id, 'acme')));
    const used = new Set(ORDER_IDS.flatMap((id) => topic.partitionsOf(id)));
    expect({ partitionsUsedByAcme: used.size > 1 }).toEqual({ partitionsUsedByAcme: true });
  });

  it('a consumer group of three, polling in turns, ends with every order right', () => {
    const broker = createBroker({ seed: 5 });
    broker.createTopic(SHOP_TOPIC, { partitions: PARTITIONS });
    const producer = broker.producer();
    const day = shopDay();
    publishEvents({ send: (topicName, messages) => void producer.send(topicName, messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers, ...(m.partition === undefined ? {} : { partition: m.partition }) }))) }, day);
    const members = ['a', 'b', 'c'].map((clientId) => {
      const consumer = broker.consumer({ groupId: 'order-tracker', clientId, autoOffsetReset: 'earliest' });
      consumer.subscribe([SHOP_TOPIC]);
      return consumer;
    });
    const tracker = new OrderTracker();
    for (let round = 0; round < 60; round++) {
      for (const member of [...members].reverse()) {
        for (const record of member.poll({ maxRecords: 1 })) tracker.handle(record as unknown as ShopRecord);
        member.commit();
      }
    }
    expect(statusesOf(tracker)).toEqual(finalStatuses(day));
  });

  it('a member that dies before committing: the next owner gets the same records again, and they count as repeats', () => {
    const broker = createBroker({ seed: 9 });
    broker.createTopic(SHOP_TOPIC, { partitions: PARTITIONS });
    const producer = broker.producer();
    const day = shopDay();
    publishEvents({ send: (topicName, messages) => void producer.send(topicName, messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers, ...(m.partition === undefined ? {} : { partition: m.partition }) }))) }, day);
    const join = (clientId: string) => {
      const consumer = broker.consumer({ groupId: 'order-tracker', clientId, autoOffsetReset: 'earliest', sessionTimeoutMs: 0 });
      consumer.subscribe([SHOP_TOPIC]);
      return consumer;
    };
    const tracker = new OrderTracker();
    const doomed = join('doomed');
    for (const record of doomed.poll({ maxRecords: 500 })) tracker.handle(record as unknown as ShopRecord);
    doomed.crash();
    const heir = join('heir');
    const results: string[] = [];
    for (let round = 0; round < 20; round++) {
      for (const record of heir.poll({ maxRecords: 50 })) results.push(tracker.handle(record as unknown as ShopRecord));
      heir.commit();
    }
    const orderRecords = day.filter((event) => 'orderId' in event).length;
    expect({ repeats: results.filter((r) => r === 'duplicate').length, statuses: statusesOf(tracker) }).toEqual({ repeats: orderRecords, statuses: finalStatuses(day) });
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'ordering across partitions': 'порядок при нескольких партициях',
  'after a whole day, every order\'s events are in one partition, in version order': 'после целого дня работы события каждого заказа лежат в одной партиции в порядке версий',
  'a customer\'s own events stay together too: one partition per customer': 'события одного покупателя тоже держатся вместе: одна партиция на покупателя',
  'consumers that read the partitions in any order end with every order right, with no OutOfOrder': 'потребители, читающие партиции в любом порядке, получают все заказы верными и без OutOfOrder',
  'the warehouse\'s OrderShipped, keyed by order id with the default partitioner, joins the order\'s partition': 'OrderShipped от склада, отправленный с идентификатором заказа в качестве ключа и партиционером по умолчанию, попадает в партицию заказа',
  'one big customer\'s orders spread over several partitions (the key is the order, not the customer)': 'заказы одного крупного покупателя распределяются по нескольким партициям (ключ — заказ, а не покупатель)',
  'a consumer group of three, polling in turns, ends with every order right': 'группа потребителей из трёх участников, опрашивающих по очереди, получает все заказы верными',
  'a member that dies before committing: the next owner gets the same records again, and they count as repeats': 'участник падает до фиксации: следующий владелец снова получает те же записи, и они считаются повторами',
};
