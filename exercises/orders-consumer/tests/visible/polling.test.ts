// A consumer in a group: poll, handle, commit.
import { describe, expect, it } from 'vitest';
import { ORDER_TOPIC } from '@workspace/records';
import { OrderStatsConsumer } from '@workspace/OrderStatsConsumer';
import { expectedStats, newShop, orderEvents } from '../support/shop';

describe('polling', () => {
  it('one poll handles the batch and returns how many events were new', () => {
    const shop = newShop();
    const events = orderEvents(5);
    shop.publish(events);
    const worker = new OrderStatsConsumer(shop.member(), shop.db);
    expect(worker.pollOnce()).toBe(events.length);
    expect(shop.db.allStats()).toEqual(expectedStats(events));
    expect(worker.pollOnce()).toBe(0);
  });

  it('commits after handling, so the group has nothing left to read', () => {
    const shop = newShop();
    shop.publish(orderEvents(5));
    const consumer = shop.member();
    new OrderStatsConsumer(consumer, shop.db).pollOnce();
    expect(shop.lag()).toBe(0);
    for (const tp of consumer.assignment()) expect(consumer.committed(tp)).toBe(consumer.position(tp));
  });

  it('reads a topic in several polls of at most maxRecords', () => {
    const shop = newShop();
    const events = orderEvents(12);
    shop.publish(events);
    const worker = new OrderStatsConsumer(shop.member(), shop.db);
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const applied = worker.pollOnce(4);
      expect(applied).toBeLessThanOrEqual(4);
      total += applied;
    }
    expect(total).toBe(events.length);
    expect(shop.db.allStats()).toEqual(expectedStats(events));
  });

  it('records read again from the start (a replay) change nothing', () => {
    const shop = newShop();
    const events = orderEvents(6);
    shop.publish(events);
    const consumer = shop.member();
    const worker = new OrderStatsConsumer(consumer, shop.db);
    worker.pollOnce();
    consumer.seekToBeginning();
    expect(worker.pollOnce()).toBe(0);
    expect(shop.db.allStats()).toEqual(expectedStats(events));
    expect(shop.db.processedCount()).toBe(events.length);
  });

  it('a rebalance between poll and commit is not an error: the next owner skips what was done', () => {
    const shop = newShop();
    const events = orderEvents(8);
    shop.publish(events);
    const first = shop.member();
    let second: ReturnType<typeof shop.member> | undefined;
    // A second member joins while the first one is still handling its batch.
    const joiningMidBatch = {
      poll: (options?: { maxRecords?: number }) => {
        const records = first.poll(options);
        second = shop.member();
        return records;
      },
      commit: () => first.commit(),
    };
    expect(new OrderStatsConsumer(joiningMidBatch, shop.db).pollOnce()).toBe(events.length);
    expect(shop.lag()).toBeGreaterThan(0);
    shop.drain([new OrderStatsConsumer(first, shop.db), new OrderStatsConsumer(second!, shop.db)]);
    expect(shop.lag()).toBe(0);
    expect(shop.db.allStats()).toEqual(expectedStats(events));
    expect(shop.broker.describe().topics.find((t) => t.name === ORDER_TOPIC)?.partitions.length).toBe(3);
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'polling': 'опрос',
  'one poll handles the batch and returns how many events were new': 'один опрос обрабатывает пакет и возвращает, сколько событий было новыми',
  'commits after handling, so the group has nothing left to read': 'фиксирует смещения после обработки, и группе больше нечего читать',
  'reads a topic in several polls of at most maxRecords': 'читает топик за несколько опросов не больше чем по maxRecords',
  'records read again from the start (a replay) change nothing': 'записи, прочитанные заново с начала (повторное чтение), ничего не меняют',
  'a rebalance between poll and commit is not an error: the next owner skips what was done': 'перебалансировка между poll и commit — не ошибка: следующий владелец пропускает уже сделанное',
};
