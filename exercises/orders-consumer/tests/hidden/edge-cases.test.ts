// Records a careless consumer mishandles.
import { describe, expect, it } from 'vitest';
import { EVENT_ID_HEADER } from '@workspace/records';
import { StatsDatabase } from '@workspace/statsDb';
import { OrderStatsConsumer } from '@workspace/OrderStatsConsumer';
import { recordOf } from '../support/givenWhenThen';
import { newShop, orderEvents, thrownBy } from '../support/shop';

const noBroker = { poll: () => [], commit: () => undefined };
const [created, paid] = orderEvents(1);

describe('consumer edge cases', () => {
  it('an empty event-id header falls back to the value; no id at all is an error', () => {
    const worker = new OrderStatsConsumer(noBroker, new StatsDatabase());
    const record = recordOf(created, 0, 0, { [EVENT_ID_HEADER]: '' });
    expect(worker.eventIdOf(record)).toBe('evt-o-0-1');
    const anonymous = { ...record, headers: {}, value: { type: 'OrderCreated', data: created } };
    expect(thrownBy(() => worker.eventIdOf(anonymous))).toBeInstanceOf(Error);
    expect(thrownBy(() => worker.eventIdOf({ ...anonymous, value: { eventId: '', type: 'OrderCreated' } }))).toBeInstanceOf(Error);
  });

  it('a record that is not an order event is remembered but changes no statistics', () => {
    const db = new StatsDatabase();
    const worker = new OrderStatsConsumer(noBroker, db);
    const stock = { ...recordOf(created, 4), headers: { [EVENT_ID_HEADER]: 'stock-1' }, value: { eventId: 'stock-1', type: 'StockReserved', data: {} } };
    expect({ ['handle() says the event is new']: worker.handle(stock) }).toEqual({ ['handle() says the event is new']: true });
    expect({ ['handle() says the event is new']: worker.handle(stock) }).toEqual({ ['handle() says the event is new']: false });
    expect(db.allStats()).toEqual([]);
    expect({ ['the inbox holds the event id']: db.hasProcessed('stock-1') }).toEqual({ ['the inbox holds the event id']: true });
  });

  it('a payment for an order this consumer never saw created changes nothing but is remembered', () => {
    const db = new StatsDatabase();
    const worker = new OrderStatsConsumer(noBroker, db);
    expect({ ['handle() says the event is new']: worker.handle(recordOf(paid, 0)) }).toEqual({ ['handle() says the event is new']: true });
    expect(db.allStats()).toEqual([]);
    expect({ ['the inbox holds the event id']: db.hasProcessed('evt-o-0-2') }).toEqual({ ['the inbox holds the event id']: true });
  });

  it('a poll with no records commits and returns 0', () => {
    let commits = 0;
    const worker = new OrderStatsConsumer({ poll: () => [], commit: () => void commits++ }, new StatsDatabase());
    expect(worker.pollOnce()).toBe(0);
    expect(commits).toBe(1);
  });

  it('a crash in the middle of a batch keeps what was done before it and commits nothing', () => {
    const shop = newShop(1);
    const events = orderEvents(4);
    shop.publish(events);
    const member = shop.member();
    shop.db.crashOnWrite(7); // o-0 and o-1 created (3 writes each), then the third record dies
    expect(thrownBy(() => new OrderStatsConsumer(member, shop.db).pollOnce())).toBeDefined();
    expect(shop.db.processedCount()).toBe(2);
    expect(member.committed({ topic: 'order-events', partition: 0 })).toBeNull();
  });

  it('passes maxRecords on to poll', () => {
    const asked: unknown[] = [];
    const worker = new OrderStatsConsumer({ poll: (options) => (asked.push(options?.maxRecords), []), commit: () => undefined }, new StatsDatabase());
    worker.pollOnce(3);
    worker.pollOnce();
    expect(asked).toEqual([3, 100]);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'consumer edge cases': 'граничные случаи потребителя',
  'an empty event-id header falls back to the value; no id at all is an error': 'при пустом заголовке event-id идентификатор берётся из значения; если идентификатора нет нигде — это ошибка',
  'a record that is not an order event is remembered but changes no statistics': 'запись, которая не является событием заказа, запоминается, но статистику не меняет',
  'a payment for an order this consumer never saw created changes nothing but is remembered': 'оплата заказа, создания которого этот потребитель не видел, ничего не меняет, но запоминается',
  'a poll with no records commits and returns 0': 'опрос без записей фиксирует смещения и возвращает 0',
  'a crash in the middle of a batch keeps what was done before it and commits nothing': 'сбой посреди пакета сохраняет сделанное до него и ничего не фиксирует',
  'passes maxRecords on to poll': 'передаёт maxRecords в poll',
};
