// The broker's public face must run inside the exercise sandbox ('@engine/broker'): no Node modules,
// nothing that frozen intrinsics or the vm context would break.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunner } from '../../../electron/engine/runner';

const root = path.resolve(__dirname, '../../..');
const fixture = path.join(root, 'test/fixtures/exercises/counter');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-sandbox-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const suite = `
import { describe, it, expect } from 'vitest';
import { createBroker, partitionForKey, createRelay, createMemoryCheckpointStore } from '@engine/broker';

describe('broker in the sandbox', () => {
  it('produces, rebalances, redelivers after a crash', () => {
    const broker = createBroker({ seed: 9 });
    broker.createTopic('orders', { partitions: 2 });
    broker.producer().send('orders', [{ key: 'a', value: { n: 1 } }, { key: 'b', value: { n: 2 } }, { key: 'c', value: 3 }]);
    const a = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    const b = broker.consumer({ groupId: 'g', autoOffsetReset: 'earliest' });
    a.subscribe(['orders']);
    b.subscribe(['orders']);
    const got = a.poll().length;
    a.crash();
    let again = 0;
    for (let batch = b.poll(); batch.length > 0; batch = b.poll()) again += batch.length;
    expect(again).toBe(3);
    expect(got).toBeGreaterThan(0);
    expect(partitionForKey('21', 7)).toBe((-973932308 & 0x7fffffff) % 7);
  });
  it('relays from an in-memory source', () => {
    const broker = createBroker();
    broker.createTopic('events', { partitions: 1 });
    const events = [1, 2, 3].map((i) => ({ globalPosition: i, streamId: 's', streamVersion: i, eventId: 'e' + i, type: 'T', data: { i } }));
    const source = { readAll: (o: { after?: number; maxCount?: number } = {}) => events.filter((e) => e.globalPosition > (o.after ?? 0)).slice(0, o.maxCount ?? 100) };
    expect(createRelay(broker, { source, topic: 'events', checkpoints: createMemoryCheckpointStore() }).runUntilCaughtUp()).toBe(3);
  });
});
`;

describe('broker inside the exercise sandbox', () => {
  it("runs '@engine/broker' in the runner's sandbox", async () => {
    const ex = path.join(dir, 'counter');
    fs.cpSync(fixture, ex, { recursive: true });
    fs.writeFileSync(path.join(ex, 'tests/visible/counter.test.ts'), suite);
    const manifest = JSON.parse(fs.readFileSync(path.join(ex, 'exercise.json'), 'utf8'));
    manifest.limits.timeoutMs = 20_000;
    manifest.limits.memoryMb = 256;
    fs.writeFileSync(path.join(ex, 'exercise.json'), JSON.stringify(manifest));
    const runner = createRunner({ exercisesDir: dir, engineDir: path.join(root, 'electron/engine') });
    try {
      const files = { 'Counter.ts': fs.readFileSync(path.join(ex, 'solution/Counter.ts'), 'utf8') };
      const result = await runner.run({ exerciseId: 'counter', files });
      const summary = JSON.stringify(result).slice(0, 2000);
      expect(result.status, summary).toBe('pass');
      expect(result.tests.map((t) => t.status)).toEqual(['pass', 'pass']);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
