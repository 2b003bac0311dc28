import { describe, expect, it } from 'vitest';
import { createBroker } from '../../../electron/engine/broker';
import { PartitionLog, SEGMENT_CAPACITY } from '../../../electron/engine/broker/log';
import { EMPTY_HEADERS } from '../../../electron/engine/broker/values';

describe('retention', () => {
  it('deletes whole records older than retentionMs from the log start; offsets are never reused', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 1, retentionMs: 1000 });
    const p = broker.producer();
    p.send('t', [{ value: 'a' }, { value: 'b' }]);
    broker.clock.advance(600);
    p.send('t', [{ value: 'c' }]);
    broker.clock.advance(500); // a, b are 1100 ms old; c is 500 ms old
    broker.tick();
    expect(broker.describe().topics[0].partitions[0]).toEqual({ partition: 0, logStartOffset: 2, logEndOffset: 3, size: 1 });
    expect(broker.read('t', 0).map((r) => [r.offset, r.value])).toEqual([[2, 'c']]);
    expect(p.send('t', { value: 'd' })[0].offset).toBe(3);
    broker.clock.advance(5000);
    broker.tick();
    expect(broker.describe().topics[0].partitions[0]).toEqual({ partition: 0, logStartOffset: 4, logEndOffset: 4, size: 0 });
    expect(broker.journal().filter((e) => e.type === 'retention').map((e) => (e as { deleted: number }).deleted)).toEqual([2, 2]);
  });

  it('keeps appending and reading after retention emptied the whole log', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 1, retentionMs: 1000 });
    const p = broker.producer();
    p.send('t', [{ value: 'a' }, { value: 'b' }]);
    broker.clock.advance(5000);
    broker.tick();
    expect(p.send('t', [{ value: 'c' }, { value: 'd' }]).map((m) => m.offset)).toEqual([2, 3]);
    expect(broker.read('t', 0).map((r) => [r.offset, r.value, r.timestamp])).toEqual([
      [2, 'c', 5000],
      [3, 'd', 5000],
    ]);
    expect(broker.describe().topics[0].partitions[0]).toEqual({ partition: 0, logStartOffset: 2, logEndOffset: 4, size: 2 });
  });

  it('works across segment boundaries', () => {
    const log = new PartitionLog();
    const n = SEGMENT_CAPACITY * 3 + 10;
    for (let i = 0; i < n; i++) log.append(null, i, EMPTY_HEADERS, i);
    expect(log.deleteOlderThan(SEGMENT_CAPACITY * 2 + 5)).toBe(SEGMENT_CAPACITY * 2 + 5);
    expect(log.logStartOffset).toBe(SEGMENT_CAPACITY * 2 + 5);
    const seen: number[] = [];
    log.read(0, 3, (seg, i) => seen.push(seg.offsetAt(i)));
    expect(seen).toEqual([SEGMENT_CAPACITY * 2 + 5, SEGMENT_CAPACITY * 2 + 6, SEGMENT_CAPACITY * 2 + 7]);
    expect(log.size).toBe(n - (SEGMENT_CAPACITY * 2 + 5));
  });
});

describe('compaction', () => {
  it('keeps the newest record per key, leaves offset gaps, and keeps a fresh tombstone', () => {
    const broker = createBroker();
    broker.createTopic('accounts', { partitions: 1, cleanupPolicy: 'compact', deleteRetentionMs: 1000 });
    const p = broker.producer();
    p.send('accounts', [
      { key: 'a', value: 1 }, // 0
      { key: 'b', value: 1 }, // 1
      { key: 'a', value: 2 }, // 2
      { key: 'c', value: 1 }, // 3
      { key: 'b', value: null }, // 4 tombstone
      { key: 'a', value: 3 }, // 5
    ]);
    expect(broker.compact('accounts')).toEqual({ removed: 3 });
    expect(broker.read('accounts', 0).map((r) => [r.offset, r.key, r.value])).toEqual([
      [3, 'c', 1],
      [4, 'b', null],
      [5, 'a', 3],
    ]);
    expect(broker.describe().topics[0].partitions[0]).toEqual({ partition: 0, logStartOffset: 0, logEndOffset: 6, size: 3 });
    // once the tombstone is older than deleteRetentionMs it goes too
    broker.clock.advance(1001);
    broker.compact('accounts');
    expect(broker.read('accounts', 0).map((r) => r.offset)).toEqual([3, 5]);
    // new records continue after the highest offset; readers skip the gaps
    expect(p.send('accounts', { key: 'd', value: 1 })[0].offset).toBe(6);
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    c.subscribe(['accounts']);
    expect(c.poll().map((r) => r.offset)).toEqual([3, 5, 6]);
    c.seek({ topic: 'accounts', partition: 0, offset: 4 });
    expect(c.poll().map((r) => r.offset)).toEqual([5, 6]);
  });

  it('refuses records without a key on a compacted topic, and compaction on a delete topic', () => {
    const broker = createBroker();
    broker.createTopic('k', { partitions: 1, cleanupPolicy: 'compact' });
    broker.createTopic('d', { partitions: 1 });
    expect(() => broker.producer().send('k', { value: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_RECORD' }));
    expect(() => broker.compact('d')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('compacts a large log across segments', () => {
    const log = new PartitionLog();
    const n = SEGMENT_CAPACITY * 2 + 100;
    for (let i = 0; i < n; i++) log.append(`k${i % 50}`, i, EMPTY_HEADERS, 0);
    expect(log.compact(-1)).toBe(n - 50);
    const offsets: number[] = [];
    log.read(0, 1000, (seg, i) => offsets.push(seg.offsetAt(i)));
    expect(offsets).toEqual(Array.from({ length: 50 }, (_, i) => n - 50 + i));
    expect(log.logEndOffset).toBe(n);
  });
});
