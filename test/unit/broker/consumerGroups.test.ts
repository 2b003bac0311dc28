import { describe, expect, it } from 'vitest';
import { createBroker, type ConsumerRecord } from '../../../electron/engine/broker';

function setup(partitions = 4, records = 40) {
  const broker = createBroker({ seed: 3 });
  broker.createTopic('orders', { partitions });
  const p = broker.producer();
  p.send(
    'orders',
    Array.from({ length: records }, (_, i) => ({ key: `order-${i % 10}`, value: { n: i } })),
  );
  return { broker, p };
}

const ids = (rs: ConsumerRecord[]) => rs.map((r) => `${r.partition}@${r.offset}`).sort();

describe('consumer groups', () => {
  it('gives each partition to at most one member; members beyond the partition count sit idle', () => {
    const { broker } = setup(2);
    const cs = [1, 2, 3].map(() => broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' }));
    cs.forEach((c) => c.subscribe(['orders']));
    const owned = cs.map((c) => c.assignment().map((tp) => tp.partition));
    expect(owned.flat().sort()).toEqual([0, 1]);
    expect(owned.filter((o) => o.length === 0)).toHaveLength(1);
    const g = broker.describe().groups[0];
    expect(g.generation).toBe(3);
    expect(g.members).toHaveLength(3);
  });

  it('bumps the generation on every join, leave and crash', () => {
    const { broker } = setup();
    const a = broker.consumer({ groupId: 'g' });
    const b = broker.consumer({ groupId: 'g' });
    a.subscribe(['orders']);
    b.subscribe(['orders']);
    b.close();
    const c = broker.consumer({ groupId: 'g' });
    c.subscribe(['orders']);
    c.crash();
    expect(broker.journal().filter((e) => e.type === 'rebalance').map((e) => (e as { generation: number }).generation)).toEqual([1, 2, 3, 4, 5]);
    expect(a.assignment()).toHaveLength(4);
  });

  it('after a crash, the next owner gets exactly the polled-but-uncommitted records again, and no committed one', () => {
    const { broker } = setup(4, 40);
    const a = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', clientId: 'a' });
    const b = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', clientId: 'b' });
    a.subscribe(['orders']);
    b.subscribe(['orders']);
    const aParts = a.assignment().map((tp) => tp.partition);
    expect(aParts).toHaveLength(2);

    // a reads everything it owns in small polls, committing after the first poll only
    const first = a.poll({ maxRecords: 5 });
    a.commit();
    const uncommitted: ConsumerRecord[] = [];
    for (let batch = a.poll({ maxRecords: 5 }); batch.length > 0; batch = a.poll({ maxRecords: 5 })) uncommitted.push(...batch);
    // b reads and commits all of its partitions
    for (let batch = b.poll(); batch.length > 0; batch = b.poll()) b.commit();

    a.crash();
    expect(b.assignment()).toHaveLength(4);
    const redelivered: ConsumerRecord[] = [];
    for (let batch = b.poll(); batch.length > 0; batch = b.poll()) redelivered.push(...batch);
    expect(ids(redelivered)).toEqual(ids(uncommitted));
    expect(redelivered.some((r) => first.some((f) => f.partition === r.partition && f.offset === r.offset))).toBe(false);
    const crashed = broker.journal().find((e) => e.type === 'member.crashed');
    expect(crashed).toMatchObject({ type: 'member.crashed', memberId: a.memberId });
  });

  it('with a session timeout, a crashed member keeps its partitions (and lag grows) until the timeout passes', () => {
    const { broker } = setup(2, 10);
    const a = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', sessionTimeoutMs: 10_000 });
    const b = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', sessionTimeoutMs: 10_000 });
    a.subscribe(['orders']);
    b.subscribe(['orders']);
    a.crash();
    b.poll();
    expect(b.assignment()).toHaveLength(1);
    broker.clock.advance(10_000);
    b.poll();
    expect(b.assignment()).toHaveLength(2);
    expect(broker.journal().some((e) => e.type === 'member.left' && e.reason === 'session-timeout')).toBe(true);
  });

  it('fails a commit from a member that has not polled since the group rebalanced', () => {
    const { broker } = setup();
    const a = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    a.subscribe(['orders']);
    a.poll();
    broker.consumer({ groupId: 'g' }).subscribe(['orders']);
    expect(() => a.commit([{ topic: 'orders', partition: 0, offset: 1 }])).toThrow(expect.objectContaining({ code: 'COMMIT_FAILED' }));
    expect(broker.describe().groups[0].partitions.every((p) => p.committed === null)).toBe(true);
  });

  it('lets a rebalance listener commit before partitions are revoked', () => {
    const { broker } = setup(2, 10);
    const a = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    a.subscribe(['orders'], { onPartitionsRevoked: () => a.commit() });
    const got = a.poll();
    broker.consumer({ groupId: 'g' }).subscribe(['orders']);
    const committed = broker.describe().groups[0].partitions.map((p) => p.committed);
    expect(committed.reduce<number>((s, c) => s + (c ?? 0), 0)).toBe(got.length);
  });

  it('keeps position and committed offset apart, and reports lag = log end − committed', () => {
    const { broker, p } = setup(1, 10);
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    c.subscribe(['orders']);
    expect(c.poll({ maxRecords: 4 })).toHaveLength(4);
    let part = broker.describe().groups[0].partitions[0];
    expect(part).toMatchObject({ position: 4, committed: null, lag: null, logEndOffset: 10 });
    c.commit();
    c.poll({ maxRecords: 3 });
    part = broker.describe().groups[0].partitions[0];
    expect(part).toMatchObject({ position: 7, committed: 4, lag: 6 });
    p.send('orders', [{ key: 'x', value: 1 }, { key: 'y', value: 2 }]);
    expect(broker.describe().groups[0].partitions[0].lag).toBe(8);
    expect(broker.describe().groups[0].totalLag).toBe(8);
  });

  it('applies autoOffsetReset earliest / latest when nothing is committed, and none fails clearly', () => {
    const { broker, p } = setup(1, 5);
    const early = broker.consumer({ groupId: 'early', autoOffsetReset: 'earliest' });
    early.subscribe(['orders']);
    expect(early.poll()).toHaveLength(5);
    const late = broker.consumer({ groupId: 'late', autoOffsetReset: 'latest' });
    late.subscribe(['orders']);
    expect(late.poll()).toHaveLength(0);
    p.send('orders', { key: 'k', value: 'new' });
    expect(late.poll().map((r) => r.value)).toEqual(['new']);
    const none = broker.consumer({ groupId: 'none', autoOffsetReset: 'none' });
    none.subscribe(['orders']);
    expect(() => none.poll()).toThrow(expect.objectContaining({ code: 'NO_OFFSET_FOR_PARTITION' }));
    const resets = broker.journal().filter((e) => e.type === 'offset.reset');
    expect(resets.map((e) => (e as { policy: string }).policy)).toEqual(['earliest', 'latest']);
  });

  it('resets a committed offset that retention deleted (out of range) using the policy', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 1, retentionMs: 1000 });
    const p = broker.producer();
    p.send('t', [{ value: 1 }, { value: 2 }]);
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    c.subscribe(['t']);
    c.poll({ maxRecords: 1 });
    c.commit();
    broker.clock.advance(500);
    p.send('t', [{ value: 3 }]);
    broker.clock.advance(600);
    broker.tick(); // offsets 0 and 1 expire
    c.close();
    const d = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    d.subscribe(['t']);
    expect(d.poll().map((r) => r.value)).toEqual([3]);
    expect(broker.journal().some((e) => e.type === 'offset.reset' && e.from === 1 && e.to === 2)).toBe(true);
  });

  it('auto-commits on the simulated clock: at the first poll after the interval, covering what earlier polls returned', () => {
    const { broker } = setup(1, 10);
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', autoCommit: true, autoCommitIntervalMs: 5000 });
    c.subscribe(['orders']);
    c.poll({ maxRecords: 3 });
    c.poll({ maxRecords: 3 });
    expect(c.committed({ topic: 'orders', partition: 0 })).toBe(null);
    broker.clock.advance(5000);
    c.poll({ maxRecords: 3 });
    expect(c.committed({ topic: 'orders', partition: 0 })).toBe(6);
    c.close(); // and once more on close
    expect(broker.describe().groups[0].partitions[0].committed).toBe(9);
  });

  it('seeks within an assigned partition and rejects bad seeks', () => {
    const { broker } = setup(1, 10);
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    c.subscribe(['orders']);
    c.poll();
    c.seek({ topic: 'orders', partition: 0, offset: 7 });
    expect(c.poll().map((r) => r.offset)).toEqual([7, 8, 9]);
    expect(() => c.seek({ topic: 'orders', partition: 0, offset: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_OFFSET' }));
    expect(() => c.seek({ topic: 'orders', partition: 3, offset: 1 })).toThrow(expect.objectContaining({ code: 'PARTITION_OUT_OF_RANGE' }));
    c.seekToBeginning();
    expect(c.poll({ maxRecords: 1 })[0].offset).toBe(0);
  });

  it('removes a member that stops polling longer than maxPollIntervalMs; its next poll rejoins', () => {
    const { broker } = setup(2, 10);
    const slow = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', maxPollIntervalMs: 1000 });
    const fast = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', maxPollIntervalMs: 1000 });
    slow.subscribe(['orders']);
    fast.subscribe(['orders']);
    slow.poll();
    fast.poll();
    broker.clock.advance(1001);
    fast.poll();
    expect(fast.assignment()).toHaveLength(2);
    expect(() => slow.commit()).toThrow(expect.objectContaining({ code: 'COMMIT_FAILED' }));
    slow.poll();
    expect(slow.assignment()).toHaveLength(1);
  });

  it('refuses a member with a different assignor', () => {
    const { broker } = setup();
    broker.consumer({ groupId: 'g', assignor: 'range' }).subscribe(['orders']);
    expect(() => broker.consumer({ groupId: 'g', assignor: 'sticky' }).subscribe(['orders'])).toThrow(expect.objectContaining({ code: 'INCONSISTENT_GROUP_PROTOCOL' }));
  });

  it('injects duplicate delivery: some records come twice, never out of order within a partition', () => {
    const { broker } = setup(2, 50);
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest', duplicateDeliveryRate: 0.5 });
    c.subscribe(['orders']);
    const seen: ConsumerRecord[] = [];
    for (let batch = c.poll({ maxRecords: 4 }); batch.length > 0; batch = c.poll({ maxRecords: 4 })) seen.push(...batch);
    expect(seen.length).toBeGreaterThan(50);
    expect(new Set(seen.map((r) => `${r.partition}@${r.offset}`)).size).toBe(50);
  });
});

describe('rebalance listeners', () => {
  it('may commit but may not change membership while partitions are being revoked', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 2 });
    const a = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    let error: unknown;
    a.subscribe(['t'], {
      onPartitionsRevoked: () => {
        try {
          a.close();
        } catch (e) {
          error = e;
        }
      },
    });
    a.poll();
    broker.consumer({ groupId: 'g' }).subscribe(['t']);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(a.status).toBe('active');
    expect(broker.describe().groups[0].members).toHaveLength(2);
    a.close(); // outside the listener it works, and the listener's own close() does not recurse
    expect(a.status).toBe('closed');
    expect(broker.describe().groups[0].members).toHaveLength(1);
  });
});
