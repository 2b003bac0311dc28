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

  it('never reads the stored records: its cost does not grow with them (no timing: the logs are sealed)', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 6 });
    const p = broker.producer();
    const batch = Array.from({ length: 1000 }, (_, i) => ({ key: `k${i}`, value: i }));
    for (let n = 0; n < 200_000; n += 1000) p.send('t', batch);
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    c.subscribe(['t']);
    c.poll();
    c.commit();
    const before = broker.describe();
    // Seal every partition's segments: any read of them (a walk over records or segments) throws.
    const sealed = new Proxy([], { get: () => { throw new Error('describe() read a segment'); } });
    for (const log of broker.topics.get('t')?.logs ?? []) Object.defineProperty(log, 'segments', { get: () => sealed });
    expect(broker.describe()).toEqual(before);
    expect(before.topics[0].partitions.reduce((a, x) => a + x.size, 0)).toBe(200_000);
  });
});
