import { describe, expect, it } from 'vitest';
import { createBroker } from '../../../electron/engine/broker';

describe('describe()', () => {
  it('shows topics, partitions, groups, members, positions, committed offsets and lag', () => {
    const broker = createBroker({ seed: 1 });
    broker.createTopic('orders', { partitions: 2 });
    broker.producer().send('orders', Array.from({ length: 10 }, (_, i) => ({ value: i })));
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', clientId: 'billing' });
    c.subscribe(['orders']);
    c.poll({ maxRecords: 3 });
    c.commit();
    const d = broker.describe();
    expect(d.topics).toEqual([
      {
        name: 'orders',
        retentionMs: null,
        cleanupPolicy: 'delete',
        partitions: [
          { partition: 0, logStartOffset: 0, logEndOffset: 5, size: 5 },
          { partition: 1, logStartOffset: 0, logEndOffset: 5, size: 5 },
        ],
      },
    ]);
    expect(d.groups[0]).toMatchObject({
      groupId: 'g',
      state: 'stable',
      generation: 1,
      assignor: 'range',
      members: [{ memberId: c.memberId, clientId: 'billing', status: 'active', subscription: ['orders'], generation: 1 }],
      partitions: [
        { topic: 'orders', partition: 0, owner: c.memberId, position: 3, committed: 3, lag: 2 },
        { topic: 'orders', partition: 1, owner: c.memberId, position: 0, committed: 0, lag: 5 },
      ],
      totalLag: 7,
    });
    expect(d.journalSeq).toBe(broker.journal().at(-1)?.seq);
  });

  it('costs the same with 10 records as with 200,000', () => {
    const time = (records: number) => {
      const broker = createBroker();
      broker.createTopic('t', { partitions: 6 });
      const p = broker.producer();
      const batch = Array.from({ length: 1000 }, (_, i) => ({ key: `k${i}`, value: i }));
      for (let n = 0; n < records; n += 1000) p.send('t', batch.slice(0, Math.min(1000, records - n)));
      const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
      c.subscribe(['t']);
      c.poll();
      c.commit();
      for (let i = 0; i < 200; i++) broker.describe();
      const t0 = performance.now();
      for (let i = 0; i < 2000; i++) broker.describe();
      return (performance.now() - t0) / 2000;
    };
    const small = time(10);
    const large = time(200_000);
    expect(large).toBeLessThan(small * 3 + 0.05);
  });
});
