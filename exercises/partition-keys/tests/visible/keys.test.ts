// Choosing the key: the order id for an order's events (whoever publishes them), the customer id for
// a customer's, never the event type; and publishing leaves the partition to the default partitioner.
import { describe, expect, it } from 'vitest';
import { MissingKey } from '@workspace/errors';
import { keyOf, publishEvents } from '@workspace/publisher';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SHOP_TOPIC } from '@workspace/topic';
import { emailChanged, expectEachOrderInOnePartition, newTopic, paid, placed, registered, shipped } from '../support/shop';

describe('keyOf and publishEvents', () => {
  it('keys every order event by its order id, whatever its type', () => {
    expect([placed('o-1', 'ann'), paid('o-1', 'ann'), shipped('o-1')].map(keyOf)).toEqual(['o-1', 'o-1', 'o-1']);
  });

  it('keys customer events by the customer id', () => {
    expect([registered('ann'), emailChanged('ann', 2)].map(keyOf)).toEqual(['ann', 'ann']);
  });

  it('refuses an event without an id with MissingKey', () => {
    expect(() => keyOf({ type: 'OrderShipped', orderId: '', version: 3, carrier: 'DHL' })).toThrow(MissingKey);
  });

  it('sends one message per event, in order, with the key, the event as value and the id and type headers', () => {
    const topic = newTopic();
    publishEvents(topic.publisher, [placed('o-1', 'ann'), registered('bob')]);
    expect(topic.sent).toEqual([
      { key: 'o-1', value: placed('o-1', 'ann'), headers: { [EVENT_ID_HEADER]: 'order-o-1-v1', [EVENT_TYPE_HEADER]: 'OrderPlaced' } },
      { key: 'bob', value: registered('bob'), headers: { [EVENT_ID_HEADER]: 'customer-bob-v1', [EVENT_TYPE_HEADER]: 'CustomerRegistered' } },
    ]);
    expect(topic.all().flat().map((record) => [record.topic, record.key])).toEqual(expect.arrayContaining([[SHOP_TOPIC, 'o-1'], [SHOP_TOPIC, 'bob']]));
  });

  it('puts all of one order\'s events in one partition, in the order they happened', () => {
    const topic = newTopic();
    publishEvents(topic.publisher, [placed('o-1', 'ann'), placed('o-2', 'bob'), paid('o-1', 'ann'), paid('o-2', 'bob'), shipped('o-1')]);
    expectEachOrderInOnePartition(topic, ['o-1', 'o-2']);
  });

  it('sends nothing when one event of the batch has no key', () => {
    const topic = newTopic();
    expect(() => publishEvents(topic.publisher, [placed('o-1', 'ann'), { type: 'CustomerRegistered', customerId: ' ', version: 1, name: 'X' }])).toThrow(MissingKey);
    expect(topic.sent).toEqual([]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'keyOf and publishEvents': 'keyOf и publishEvents',
  'keys every order event by its order id, whatever its type': 'даёт каждому событию заказа ключ — идентификатор заказа, какого бы типа ни было событие',
  'keys customer events by the customer id': 'даёт событиям покупателя ключ — идентификатор покупателя',
  'refuses an event without an id with MissingKey': 'отклоняет событие без идентификатора с MissingKey',
  'sends one message per event, in order, with the key, the event as value and the id and type headers': 'отправляет по одному сообщению на событие, по порядку, с ключом, событием в значении и заголовками идентификатора и типа',
  'puts all of one order\'s events in one partition, in the order they happened': 'кладёт все события одного заказа в одну партицию в том порядке, в каком они произошли',
  'sends nothing when one event of the batch has no key': 'ничего не отправляет, если у одного из событий пакета нет ключа',
};
