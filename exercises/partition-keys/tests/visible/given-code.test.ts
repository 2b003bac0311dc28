// The code you are given, working as described: these tests pass before you write anything.
import { partitionForKey } from '@engine/broker';
import { describe, expect, it } from 'vitest';
import { eventIdOf, isCustomerEvent, isOrderEvent } from '@workspace/events';
import { PARTITIONS, SHOP_TOPIC } from '@workspace/topic';
import { newTopic, placed, registered, shipped } from '../support/shop';

describe('the given code', () => {
  it('one key, one partition: the default partitioner (murmur2) decides, for every producer', () => {
    const topic = newTopic();
    topic.publisher.send(SHOP_TOPIC, [{ key: 'o-7', value: placed('o-7', 'ann'), headers: {} }]);
    topic.warehouse.send(SHOP_TOPIC, [{ key: 'o-7', value: shipped('o-7', 2) }]);
    expect(topic.partitionsOf('o-7')).toEqual([partitionForKey('o-7', PARTITIONS)]);
  });

  it('messages without a key go round robin, so one order\'s events end up in different partitions', () => {
    const topic = newTopic();
    topic.publisher.send(SHOP_TOPIC, [
      { key: null, value: placed('o-1', 'ann'), headers: {} },
      { key: null, value: shipped('o-1', 2), headers: {} },
    ]);
    expect(topic.partitionsOf('o-1')).toHaveLength(2);
  });

  it('an explicit partition overrides the key', () => {
    const topic = newTopic();
    const other = (partitionForKey('o-7', PARTITIONS) + 1) % PARTITIONS;
    topic.publisher.send(SHOP_TOPIC, [{ key: 'o-7', value: placed('o-7', 'ann'), headers: {}, partition: other }]);
    expect(topic.partitionsOf('o-7')).toEqual([other]);
  });

  it('events know their kind and their id', () => {
    expect([isOrderEvent(shipped('o-2')), isCustomerEvent(registered('ann'))]).toEqual([true, true]);
    expect([eventIdOf(shipped('o-2')), eventIdOf(registered('ann'))]).toEqual(['order-o-2-v3', 'customer-ann-v1']);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given code': 'готовый код',
  'one key, one partition: the default partitioner (murmur2) decides, for every producer': 'один ключ — одна партиция: решает партиционер по умолчанию (murmur2), одинаково для всех производителей',
  'messages without a key go round robin, so one order\'s events end up in different partitions': 'сообщения без ключа распределяются по кругу, поэтому события одного заказа оказываются в разных партициях',
  'an explicit partition overrides the key': 'явно заданная партиция важнее ключа',
  'events know their kind and their id': 'по событию можно узнать его вид и идентификатор',
};
