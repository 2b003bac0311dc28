import { describe, expect, it } from 'vitest';
import { createBroker } from '../../../electron/engine/broker';

function fresh() {
  const broker = createBroker();
  broker.createTopic('t', { partitions: 2 });
  const p = broker.producer();
  p.send('t', { key: 'a', value: 1 });
  return { broker, p };
}

describe('bad input gets a clear error and leaves the broker unchanged', () => {
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  const badValues: [string, unknown][] = [
    ['BigInt', { n: 10n }],
    ['cycle', cycle],
    ['function', { f: () => 1 }],
    ['undefined', undefined],
    ['NaN', { x: Number.NaN }],
    ['Date', new Date(0)],
    ['Map', new Map()],
  ];
  for (const [name, value] of badValues) {
    it(`refuses a value with ${name}, writing nothing from the batch`, () => {
      const { broker, p } = fresh();
      const before = broker.describe();
      const seq = broker.journal().length;
      expect(() => p.send('t', [{ key: 'ok', value: 1 }, { key: 'bad', value }])).toThrow(expect.objectContaining({ code: 'NOT_SERIALIZABLE' }));
      expect(broker.describe()).toEqual(before);
      expect(broker.journal()).toHaveLength(seq);
    });
  }

  it('refuses unknown topics, partitions out of range, bad keys and headers', () => {
    const { broker, p } = fresh();
    const before = broker.describe();
    expect(() => p.send('nope', { value: 1 })).toThrow(expect.objectContaining({ code: 'UNKNOWN_TOPIC' }));
    expect(() => p.send('t', { value: 1, partition: 2 })).toThrow(expect.objectContaining({ code: 'PARTITION_OUT_OF_RANGE' }));
    expect(() => p.send('t', { value: 1, partition: -1 })).toThrow(expect.objectContaining({ code: 'PARTITION_OUT_OF_RANGE' }));
    expect(() => p.send('t', { value: 1, key: 5 as unknown as string })).toThrow(expect.objectContaining({ code: 'INVALID_RECORD' }));
    expect(() => p.send('t', { value: 1, headers: { a: 1 as unknown as string } })).toThrow(expect.objectContaining({ code: 'INVALID_RECORD' }));
    expect(() => broker.read('t', 5)).toThrow(expect.objectContaining({ code: 'PARTITION_OUT_OF_RANGE' }));
    expect(() => broker.read('t', 0, { fromOffset: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_OFFSET' }));
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    expect(() => c.subscribe(['nope'])).toThrow(expect.objectContaining({ code: 'UNKNOWN_TOPIC' }));
    expect(broker.describe()).toEqual(before);
  });

  it('refuses non-integer and negative commit offsets without committing any of the batch', () => {
    const { broker } = fresh();
    const c = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    c.subscribe(['t']);
    c.poll();
    for (const offset of [1.5, -1, Number.NaN, '3' as unknown as number]) {
      expect(() => c.commit([{ topic: 't', partition: 0, offset: 1 }, { topic: 't', partition: 1, offset }])).toThrow(expect.objectContaining({ code: 'INVALID_OFFSET' }));
    }
    expect(() => c.commit([{ topic: 'x', partition: 0, offset: 1 }])).toThrow(expect.objectContaining({ code: 'UNKNOWN_TOPIC' }));
    expect(broker.describe().groups[0].partitions.every((p) => p.committed === null)).toBe(true);
  });

  it('refuses bad topic definitions', () => {
    const broker = createBroker();
    expect(() => broker.createTopic('bad name', { partitions: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => broker.createTopic('t', { partitions: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => broker.createTopic('t', { partitions: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    broker.createTopic('t', { partitions: 1 });
    expect(() => broker.createTopic('t', { partitions: 1 })).toThrow(expect.objectContaining({ code: 'TOPIC_EXISTS' }));
  });

  it('refuses to use a crashed or closed consumer', () => {
    const { broker } = fresh();
    const c = broker.consumer({ groupId: 'g' });
    c.subscribe(['t']);
    c.crash();
    expect(() => c.poll()).toThrow(expect.objectContaining({ code: 'CONSUMER_CLOSED' }));
  });
});
