import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../electron/engine/broker/random';
import { createBroker, murmur2, partitionForKey } from '../../../electron/engine/broker';

const require = createRequire(import.meta.url);
// kafkajs exposes its Java-compatible partitioner factory; each call of the factory gives a partitioner.
const { Partitioners } = require('kafkajs') as {
  Partitioners: { DefaultPartitioner: () => (args: { topic: string; partitionMetadata: { partitionId: number; leader: number }[]; message: { key?: string | Buffer | null; partition?: number } }) => number };
};

// One partitioner and one metadata list per partition count (a keyed record's partition depends on
// nothing else), so the 12,000-key comparison does not build a 1000-entry list per key.
const kafkajsByCount = new Map<number, (key: string | Buffer) => number>();
function kafkajsPartition(key: string | Buffer, partitions: number): number {
  let partitionOf = kafkajsByCount.get(partitions);
  if (!partitionOf) {
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 0 }));
    partitionOf = (k) => partitioner({ topic: 't', partitionMetadata, message: { key: k } });
    kafkajsByCount.set(partitions, partitionOf);
  }
  return partitionOf(key);
}

function randomKey(rnd: () => number): string {
  const kind = Math.floor(rnd() * 6);
  const len = kind === 5 ? 200 + Math.floor(rnd() * 2000) : Math.floor(rnd() * 24);
  let s = '';
  for (let i = 0; i < len; i++) {
    const r = rnd();
    if (kind === 0 || r < 0.4) s += String.fromCharCode(32 + Math.floor(rnd() * 95));
    else if (r < 0.6) s += String.fromCharCode(0x80 + Math.floor(rnd() * 0x780)); // 2-byte UTF-8
    else if (r < 0.8) s += String.fromCharCode(0x800 + Math.floor(rnd() * 0xd000)); // 3-byte (may hit a lone surrogate)
    else s += String.fromCodePoint(0x10000 + Math.floor(rnd() * 0xfffff)); // 4-byte
  }
  return s;
}

describe('partitionForKey', () => {
  it("matches Kafka's published murmur2 test vectors", () => {
    // From Kafka's UtilsTest.testMurmur2 (clients module).
    const vectors: [string | Uint8Array, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      [new Uint8Array([0x61, 0x62, 0x63]), 479470107],
    ];
    for (const [key, hash] of vectors) expect(murmur2(key)).toBe(hash);
  });

  it("equals kafkajs's DefaultPartitioner on 12,000 random keys including empty, unicode and long ones", () => {
    const rnd = createRandom(42);
    const keys = ['', ' ', 'é', '日本語', '😀', '\ud800', 'a\udc00b', 'x'.repeat(10_000)];
    while (keys.length < 12_000) keys.push(randomKey(rnd));
    const counts = [1, 2, 3, 6, 7, 12, 100, 1000];
    let mismatches = 0;
    keys.forEach((key, i) => {
      const n = counts[i % counts.length];
      if (partitionForKey(key, n) !== kafkajsPartition(key, n)) mismatches++;
    });
    expect(mismatches).toBe(0);
  });

  it('hashes byte keys the same as kafkajs does for Buffers', () => {
    const rnd = createRandom(7);
    for (let i = 0; i < 1000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256));
      expect(partitionForKey(bytes, 13)).toBe(kafkajsPartition(Buffer.from(bytes), 13));
    }
  });

  it('uses the sign-bit mask, not Math.abs, for negative hashes', () => {
    // murmur2('21') is negative: Math.abs would give a different partition for some counts.
    const h = murmur2('21');
    expect(h).toBeLessThan(0);
    expect(partitionForKey('21', 7)).toBe((h & 0x7fffffff) % 7);
    expect(partitionForKey('21', 7)).not.toBe(Math.abs(h) % 7);
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
    expect(() => partitionForKey('k', 1.5)).toThrow(RangeError);
  });

  it('is what the producer uses: keyed records land on partitionForKey, keyless ones go round robin, explicit partition wins', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 6 });
    const p = broker.producer();
    for (const key of ['a', 'order-17', 'ü']) expect(p.send('t', { key, value: 1 })[0].partition).toBe(partitionForKey(key, 6));
    expect(p.send('t', [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }, { value: 5 }, { value: 6 }, { value: 7 }]).map((m) => m.partition)).toEqual([0, 1, 2, 3, 4, 5, 0]);
    expect(p.send('t', { key: 'a', value: 1, partition: 5 })[0].partition).toBe(5);
  });
});
