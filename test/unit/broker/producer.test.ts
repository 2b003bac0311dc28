import { describe, expect, it } from 'vitest';
import { createBroker } from '../../../electron/engine/broker';

describe('producer', () => {
  it('without idempotence, a lost acknowledgement makes the retry write duplicates', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 1 });
    const meta = broker.producer().send('t', [{ key: 'a', value: 1 }, { key: 'a', value: 2 }], { fault: 'lost-ack' });
    expect(broker.read('t', 0).map((r) => r.value)).toEqual([1, 2, 1, 2]);
    expect(meta.map((m) => m.offset)).toEqual([2, 3]);
  });

  it('an idempotent producer drops its own retried batch and gets the original offsets back', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 3 });
    const p = broker.producer({ idempotent: true });
    expect(p.producerId).not.toBeNull();
    const records = Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, value: i }));
    const meta = p.send('t', records, { fault: 'lost-ack' });
    const stored = [0, 1, 2].flatMap((part) => broker.read('t', part)).map((r) => r.value);
    expect(stored.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const dups = broker.journal().filter((e) => e.type === 'produce.duplicate');
    expect(dups.length).toBeGreaterThan(0);
    for (let i = 0; i < 9; i++) expect(broker.read('t', meta[i].partition, { fromOffset: meta[i].offset, maxRecords: 1 })[0].value).toBe(i);
    // later sends continue normally
    p.send('t', { key: 'k0', value: 'later' });
    expect(broker.read('t', meta[0].partition).map((r) => r.value)).toContain('later');
  });

  it('stores a frozen copy: changing the object after sending changes nothing', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 1 });
    const value = { items: [{ sku: 'a', qty: 1 }] };
    broker.producer().send('t', { value });
    value.items[0].qty = 99;
    const stored = broker.read('t', 0)[0].value as typeof value;
    expect(stored.items[0].qty).toBe(1);
    expect(Object.isFrozen(stored.items[0])).toBe(true);
  });
});

describe('values handed over by the relay', () => {
  it('are validated and frozen in place, also when parts are already frozen', async () => {
    const { freezeOwnedValue } = await import('../../../electron/engine/broker/values');
    const inner = Object.freeze({ a: 1 });
    const v = { inner, list: [1, { b: 2 }] };
    expect(freezeOwnedValue(v)).toBe(v);
    expect(Object.isFrozen(v.list[1])).toBe(true);
    expect(() => freezeOwnedValue({ x: { y: 10n } })).toThrow(/value\.x\.y cannot be serialised: BigInt/);
    expect(() => freezeOwnedValue({ x: [0, undefined] })).toThrow(/value\.x\[1\]/);
  });

  it('headers too: checked and frozen in place, a bad one refused before anything is written', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 1 });
    const p = broker.producer();
    const headers = { 'event-id': 'e-1', 'event-type': 'Paid' };
    p.sendOwned('t', [{ key: 'k', value: 1, headers }]);
    const [stored] = broker.read('t', 0);
    expect(stored.headers).toBe(headers);
    expect(Object.isFrozen(headers)).toBe(true);
    expect(() => p.sendOwned('t', [{ key: 'k', value: 2 }, { key: 'k', value: 3, headers: { n: 1 as unknown as string } }])).toThrow(/header "n" must be a string/);
    expect(broker.read('t', 0)).toHaveLength(1);
    // a caller's own headers are still copied
    const mine = { a: 'b' };
    p.send('t', { value: 4, headers: mine });
    expect(broker.read('t', 0)[1].headers).not.toBe(mine);
    expect(Object.isFrozen(mine)).toBe(false);
  });
});
