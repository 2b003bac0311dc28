// The code you are given, working as described: these tests pass before you write anything.
import { describe, expect, it } from 'vitest';
import { isCommitFailed, orderEventOf, ORDER_TOPIC } from '@workspace/records';
import { applyToStats } from '@workspace/stats';
import { StatsDatabase } from '@workspace/statsDb';
import { recordOf } from '../support/givenWhenThen';
import { newShop, orderEvents, thrownBy } from '../support/shop';

describe('the given code', () => {
  it('applyToStats counts an event every time it is applied (it is not idempotent)', () => {
    const [created] = orderEvents(1);
    const db = new StatsDatabase();
    applyToStats(db, created);
    applyToStats(db, created);
    expect(db.getStats('cust-0').ordersPlaced).toBe(2);
  });

  it('a transaction undoes every write when it throws, and crashOnWrite makes a write throw', () => {
    const db = new StatsDatabase();
    db.crashOnWrite(1);
    const error = thrownBy(() =>
      db.transaction(() => {
        db.rememberOrder('o-1', 'ann');
        db.markProcessed('e-1');
      }),
    );
    expect((error as { code?: string }).code).toBe('SIMULATED_CRASH');
    expect(db.customerOf('o-1')).toBeUndefined();
    expect(db.hasProcessed('e-1')).toBe(false);
    db.markProcessed('e-1');
    expect(db.hasProcessed('e-1')).toBe(true);
  });

  it('orderEventOf reads the event out of a record', () => {
    const [created] = orderEvents(1);
    expect(orderEventOf(recordOf(created, 0))).toEqual(created);
    expect(orderEventOf({ ...recordOf(created, 0), value: { type: 'StockReserved' } })).toBeNull();
  });

  it('a member whose group rebalanced after its poll gets COMMIT_FAILED from commit', () => {
    const shop = newShop();
    shop.publish(orderEvents(3));
    const first = shop.member();
    expect(first.poll().length).toBe(8);
    shop.member();
    const error = thrownBy(() => first.commit());
    expect(isCommitFailed(error)).toBe(true);
    expect(isCommitFailed(new Error('other'))).toBe(false);
    expect(ORDER_TOPIC).toBe('order-events');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'the given code': 'готовый код',
  'applyToStats counts an event every time it is applied (it is not idempotent)': 'applyToStats учитывает событие при каждом применении (она не идемпотентна)',
  'a transaction undoes every write when it throws, and crashOnWrite makes a write throw': 'транзакция при исключении отменяет все записи, а crashOnWrite заставляет запись выбросить исключение',
  'orderEventOf reads the event out of a record': 'orderEventOf достаёт событие из записи',
  'a member whose group rebalanced after its poll gets COMMIT_FAILED from commit': 'участник, группа которого перебалансировалась после его опроса, получает от commit ошибку COMMIT_FAILED',
};
