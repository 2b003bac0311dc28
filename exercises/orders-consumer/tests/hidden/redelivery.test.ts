// Every way the broker delivers an event again, and a few in a row.
import { describe, expect, it } from 'vitest';
import { OrderStatsConsumer } from '@workspace/OrderStatsConsumer';
import { expectedStats, newShop, orderEvents, thrownBy } from '../support/shop';

const EVENTS = orderEvents(10);

describe('redelivery', () => {
  it('duplicate deliveries from the broker are skipped', () => {
    const shop = newShop(3, 11);
    shop.publish(EVENTS);
    const worker = new OrderStatsConsumer(shop.member({ duplicateDeliveryRate: 0.7 }), shop.db);
    let applied = 0;
    for (let i = 0; i < 40; i++) applied += worker.pollOnce(4);
    expect(applied).toBe(EVENTS.length);
    expect(shop.db.allStats()).toEqual(expectedStats(EVENTS));
  });

  it('events a producer wrote twice (lost acknowledgement) count once', () => {
    const shop = newShop();
    shop.publish(EVENTS, { lostAck: true });
    const worker = new OrderStatsConsumer(shop.member(), shop.db);
    shop.drain([worker]);
    expect(shop.db.allStats()).toEqual(expectedStats(EVENTS));
    expect(shop.db.processedCount()).toBe(EVENTS.length);
  });

  it('records that carry the id only in their value are deduplicated too', () => {
    const shop = newShop();
    shop.publish(EVENTS, { noHeader: true, lostAck: true });
    shop.drain([new OrderStatsConsumer(shop.member(), shop.db)]);
    expect(shop.db.allStats()).toEqual(expectedStats(EVENTS));
  });

  it('a zombie member past its session timeout: its partitions move and nothing counts twice', () => {
    const shop = newShop();
    shop.publish(EVENTS);
    const zombie = shop.member({ sessionTimeoutMs: 10_000 });
    const dying = {
      poll: (options?: { maxRecords?: number }) => zombie.poll(options),
      commit: () => {
        zombie.crash();
        throw new Error('power cut');
      },
    };
    expect(thrownBy(() => new OrderStatsConsumer(dying, shop.db).pollOnce(7))).toBeInstanceOf(Error);
    const heir = new OrderStatsConsumer(shop.member(), shop.db);
    shop.broker.clock.advance(10_001);
    shop.broker.tick();
    shop.drain([heir]);
    expect(shop.db.allStats()).toEqual(expectedStats(EVENTS));
    expect(shop.lag()).toBe(0);
  });

  it('several crashes one after another, with members joining and leaving', () => {
    const shop = newShop(5);
    shop.publish(EVENTS.slice(0, 15));
    let live = [shop.member(), shop.member()];
    for (const crashAt of [3, 8, 1, 12]) {
      shop.db.crashOnWrite(crashAt);
      const [doomed, other] = live;
      const error = thrownBy(() => {
        for (let i = 0; i < 10; i++) {
          new OrderStatsConsumer(other, shop.db).pollOnce(2);
          new OrderStatsConsumer(doomed, shop.db).pollOnce(3);
        }
      });
      shop.db.crashOnWrite(Number.POSITIVE_INFINITY);
      if (error !== undefined) {
        doomed.crash();
        other.crash();
      } else {
        doomed.close();
        other.close();
      }
      live = [shop.member(), shop.member()];
      if (crashAt === 8) shop.publish(EVENTS.slice(15));
    }
    shop.drain(live.map((member) => new OrderStatsConsumer(member, shop.db)));
    expect(shop.db.allStats()).toEqual(expectedStats(EVENTS));
    expect(shop.db.processedCount()).toBe(EVENTS.length);
  });

  it('a commit that fails for another reason than a rebalance is reported', () => {
    const shop = newShop();
    shop.publish(EVENTS);
    const member = shop.member();
    const brokenCommit = {
      poll: (options?: { maxRecords?: number }) => member.poll(options),
      commit: () => {
        throw Object.assign(new Error('broker unreachable'), { code: 'NETWORK' });
      },
    };
    expect(() => new OrderStatsConsumer(brokenCommit, shop.db).pollOnce()).toThrow('broker unreachable');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'redelivery': 'повторная доставка',
  'duplicate deliveries from the broker are skipped': 'повторные доставки от брокера пропускаются',
  'events a producer wrote twice (lost acknowledgement) count once': 'события, которые производитель записал дважды (потерялось подтверждение), учитываются один раз',
  'records that carry the id only in their value are deduplicated too': 'записи, у которых идентификатор есть только в значении, тоже не учитываются повторно',
  'a zombie member past its session timeout: its partitions move and nothing counts twice': 'участник-зомби с истёкшим тайм-аутом сессии: его партиции переходят к другим, и ничего не учитывается дважды',
  'several crashes one after another, with members joining and leaving': 'несколько сбоев подряд, пока участники входят в группу и выходят из неё',
  'a commit that fails for another reason than a rebalance is reported': 'об ошибке фиксации по другой причине, чем перебалансировка, сообщается',
};
