// One record at a time: new events change the statistics, duplicates change nothing.
import { describe, expect, it } from 'vitest';
import { say } from '@engine/common/phrase';
import { EVENT_ID_HEADER } from '@workspace/records';
import { StatsDatabase } from '@workspace/statsDb';
import { OrderStatsConsumer } from '@workspace/OrderStatsConsumer';
import { given, recordOf } from '../support/givenWhenThen';
import { expectedStats, orderEvents, thrownBy } from '../support/shop';

const noBroker = { poll: () => [], commit: () => undefined };
const events = orderEvents(2); // o-0 (cust-0): created, paid, shipped, delivered; o-1 (cust-1): created, paid

describe('handling one record', () => {
  it('a new event changes the statistics and counts as new', () => {
    const { newOnes } = given(...events).whenDelivered(0, 2).thenStats([
      { customerId: 'cust-0', ordersPlaced: 1, ordersPaid: 1, amountPaid: 1000, ordersCancelled: 0 },
    ]);
    expect(newOnes).toEqual([true, true]);
  });

  it('every event of the history, once each', () => {
    given(...events).whenDelivered(...events.map((_, i) => i)).thenStats(expectedStats(events));
  });

  it('the same record delivered again changes nothing and is not new', () => {
    const { newOnes } = given(...events).whenDelivered(0, 2, 2, 0).thenStats([
      { customerId: 'cust-0', ordersPlaced: 1, ordersPaid: 1, amountPaid: 1000, ordersCancelled: 0 },
    ]);
    expect(newOnes).toEqual([true, true, false, false]);
  });

  it('the same event at another offset (a producer retry) is still a duplicate', () => {
    const { newOnes } = given(...events).whenDelivered(0, recordOf(events[0], 57, 0), recordOf(events[0], 3, 2)).thenStats([
      { customerId: 'cust-0', ordersPlaced: 1, ordersPaid: 0, amountPaid: 0, ordersCancelled: 0 },
    ]);
    expect(newOnes).toEqual([true, false, false]);
  });

  it('the event id comes from the event-id header, else from the value', () => {
    const worker = new OrderStatsConsumer(noBroker, new StatsDatabase());
    const record = recordOf(events[0], 0);
    expect(worker.eventIdOf(record)).toBe('evt-o-0-1');
    expect(worker.eventIdOf({ ...record, headers: { [EVENT_ID_HEADER]: 'from-header' } })).toBe('from-header');
    expect(worker.eventIdOf({ ...record, headers: {} })).toBe('evt-o-0-1');
  });

  it('the event id is recorded in the inbox together with the statistics', () => {
    const db = new StatsDatabase();
    const worker = new OrderStatsConsumer(noBroker, db);
    worker.handle(recordOf(events[0], 0));
    expect({ ['the inbox holds the event id']: db.hasProcessed('evt-o-0-1') }).toEqual({ ['the inbox holds the event id']: true });
    expect(db.processedCount()).toBe(1);
  });

  it('when the process dies while handling, neither the statistics nor the inbox keep anything', () => {
    const db = new StatsDatabase();
    const worker = new OrderStatsConsumer(noBroker, db);
    for (let crashAt = 0; crashAt < 3; crashAt++) {
      db.crashOnWrite(crashAt);
      const error = thrownBy(() => worker.handle(recordOf(events[0], 0)));
      expect((error as { code?: string } | undefined)?.code, say(`crash at write ${crashAt}`, `падение на записи ${crashAt}`)).toBe('SIMULATED_CRASH');
      expect(db.allStats()).toEqual([]);
      expect({ ['the inbox holds the event id']: db.hasProcessed('evt-o-0-1') }).toEqual({ ['the inbox holds the event id']: false });
    }
    expect({ ['handle() says the event is new']: worker.handle(recordOf(events[0], 0)) }).toEqual({ ['handle() says the event is new']: true });
    expect(db.getStats('cust-0').ordersPlaced).toBe(1);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'handling one record': 'обработка одной записи',
  'a new event changes the statistics and counts as new': 'новое событие меняет статистику и считается новым',
  'every event of the history, once each': 'все события истории, каждое по одному разу',
  'the same record delivered again changes nothing and is not new': 'та же запись, доставленная снова, ничего не меняет и не считается новой',
  'the same event at another offset (a producer retry) is still a duplicate': 'то же событие по другому смещению (повтор производителя) всё равно считается дубликатом',
  'the event id comes from the event-id header, else from the value': 'идентификатор события берётся из заголовка event-id, а если его нет — из значения',
  'the event id is recorded in the inbox together with the statistics': 'идентификатор события записывается во входящий ящик вместе со статистикой',
  'when the process dies while handling, neither the statistics nor the inbox keep anything': 'если процесс падает во время обработки, ни статистика, ни входящий ящик ничего не сохраняют',
};
