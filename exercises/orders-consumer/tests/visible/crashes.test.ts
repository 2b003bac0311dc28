// Consumers that die in the middle of a batch. Whatever the moment, the replacement member reads
// again from the last commit, and every event ends up counted exactly once.
import { describe, expect, it } from 'vitest';
import { say } from '@engine/common/phrase';
import { OrderStatsConsumer } from '@workspace/OrderStatsConsumer';
import { expectedStats, newShop, orderEvents, thrownBy } from '../support/shop';

const EVENTS = orderEvents(6);

/** Runs a member until its database write number `crashAt` kills it; true if it died. */
function runUntilCrash(shop: ReturnType<typeof newShop>, worker: OrderStatsConsumer, crashAt: number): boolean {
  shop.db.crashOnWrite(crashAt);
  const error = thrownBy(() => {
    for (let i = 0; i < 30; i++) worker.pollOnce(5);
  });
  shop.db.crashOnWrite(Number.POSITIVE_INFINITY);
  if (error === undefined) return false;
  expect((error as { code?: string }).code, say(`the crash at write ${crashAt} must reach the caller`, `падение на записи ${crashAt} должно дойти до вызывающего кода`)).toBe('SIMULATED_CRASH');
  return true;
}

describe('crashing consumers', () => {
  it('a member that dies at any write of any batch is replaced and nothing is lost or counted twice', () => {
    let crashes = 0;
    for (let crashAt = 0; crashAt < 45; crashAt++) {
      const shop = newShop();
      shop.publish(EVENTS);
      const doomed = shop.member();
      if (runUntilCrash(shop, new OrderStatsConsumer(doomed, shop.db), crashAt)) {
        crashes++;
        doomed.crash();
      }
      shop.drain([new OrderStatsConsumer(shop.member(), shop.db)]);
      expect(shop.db.allStats(), say(`crash at write ${crashAt}`, `падение на записи ${crashAt}`)).toEqual(expectedStats(EVENTS));
      expect(shop.db.processedCount(), say(`crash at write ${crashAt}`, `падение на записи ${crashAt}`)).toBe(EVENTS.length);
    }
    expect(crashes).toBeGreaterThan(30);
  });

  it('when one of two members dies mid-batch, the other takes over its partitions', () => {
    for (const crashAt of [0, 4, 9, 13, 16]) {
      const shop = newShop(4);
      shop.publish(EVENTS);
      const doomed = shop.member();
      const survivor = new OrderStatsConsumer(shop.member(), shop.db);
      survivor.pollOnce(3);
      expect({ ['the injected crash happened']: runUntilCrash(shop, new OrderStatsConsumer(doomed, shop.db), crashAt) }).toEqual({ ['the injected crash happened']: true });
      doomed.crash();
      shop.drain([survivor]);
      expect(shop.db.allStats(), say(`crash at write ${crashAt}`, `падение на записи ${crashAt}`)).toEqual(expectedStats(EVENTS));
      expect(shop.lag()).toBe(0);
    }
  });

  it('a member that handled a batch but died before committing: the batch comes again and changes nothing', () => {
    const shop = newShop();
    shop.publish(EVENTS);
    const doomed = shop.member();
    const diesBeforeCommit = {
      poll: (options?: { maxRecords?: number }) => doomed.poll(options),
      commit: () => {
        doomed.crash();
        throw new Error('process killed');
      },
    };
    expect(() => new OrderStatsConsumer(diesBeforeCommit, shop.db).pollOnce()).toThrow('process killed');
    expect(shop.db.allStats()).toEqual(expectedStats(EVENTS));
    const replacement = new OrderStatsConsumer(shop.member(), shop.db);
    expect(replacement.pollOnce()).toBe(0);
    expect(shop.lag()).toBe(0);
    expect(shop.db.allStats()).toEqual(expectedStats(EVENTS));
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'crashing consumers': 'падающие потребители',
  'a member that dies at any write of any batch is replaced and nothing is lost or counted twice': 'участника, упавшего на любой записи любого пакета, заменяют, и ничего не теряется и не учитывается дважды',
  'when one of two members dies mid-batch, the other takes over its partitions': 'когда один из двух участников падает посреди пакета, второй забирает его партиции',
  'a member that handled a batch but died before committing: the batch comes again and changes nothing': 'участник обработал пакет, но упал до фиксации: пакет приходит снова и ничего не меняет',
};
