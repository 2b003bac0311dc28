import { describe, expect, it } from 'vitest';
import { createBroker, createRetryingConsumer, type ConsumerRecord } from '../../../electron/engine/broker';

describe('retry topics and the dead-letter topic', () => {
  it('moves a failing record through the retry topics after their delays, then to the DLT with error and attempts', () => {
    const broker = createBroker();
    broker.createTopic('payments', { partitions: 1 });
    const attempts: string[] = [];
    const handled: string[] = [];
    const runner = createRetryingConsumer(broker, {
      topic: 'payments',
      groupId: 'billing',
      retryDelaysMs: [1000, 5000],
      handler: (r: ConsumerRecord, { attempt }) => {
        const v = r.value as { id: string; fail: boolean };
        attempts.push(`${v.id}#${attempt}`);
        if (v.fail) throw new Error(`card declined for ${v.id}`);
        handled.push(v.id);
      },
    });
    expect(runner.topics).toEqual({ main: 'payments', retries: ['payments-retry-1', 'payments-retry-2'], dlt: 'payments-dlt' });
    broker.producer().send('payments', [
      { key: 'acct', value: { id: 'p1', fail: true } },
      { key: 'acct', value: { id: 'p2', fail: false } },
    ]);
    // p1 lands in retry-1 and is seen there in the same step, but is not due for another second
    expect(runner.step()).toEqual({ succeeded: 1, retried: 1, deadLettered: 0, waiting: 1 });
    // p2 was handled before p1's retry: retries give up ordering for the key
    expect(handled).toEqual(['p2']);
    expect(runner.step()).toMatchObject({ succeeded: 0, retried: 0, waiting: 1 }); // not due yet
    broker.clock.advance(1000);
    expect(runner.step()).toMatchObject({ retried: 1 });
    broker.clock.advance(4999);
    expect(runner.step()).toMatchObject({ deadLettered: 0, waiting: 1 });
    broker.clock.advance(1);
    expect(runner.step()).toMatchObject({ deadLettered: 1 });
    expect(attempts).toEqual(['p1#1', 'p2#1', 'p1#2', 'p1#3']);
    const [dead] = broker.read('payments-dlt', 0);
    expect(dead.value).toEqual({ id: 'p1', fail: true });
    expect(dead.key).toBe('acct');
    expect(dead.headers).toMatchObject({
      'dlt-attempts': '3',
      'dlt-error': 'Error: card declined for p1',
      'original-topic': 'payments',
      'original-partition': '0',
      'original-offset': '0',
    });
    const kinds = broker.journal().filter((e) => e.type === 'retry.scheduled' || e.type === 'dead-letter').map((e) => e.type);
    expect(kinds).toEqual(['retry.scheduled', 'retry.scheduled', 'dead-letter']);
    expect(runner.step()).toEqual({ succeeded: 0, retried: 0, deadLettered: 0, waiting: 0 });
  });

  it('lets a record that recovers on a retry succeed without reaching the DLT', () => {
    const broker = createBroker();
    broker.createTopic('t', { partitions: 2 });
    let failures = 1;
    const runner = createRetryingConsumer(broker, {
      topic: 't',
      groupId: 'g',
      retryDelaysMs: [0],
      handler: () => {
        if (failures-- > 0) throw new Error('flaky');
      },
    });
    broker.producer().send('t', { key: 'x', value: 1 });
    // fails on the main topic, is due at once in retry-1, and succeeds there in the same step
    expect(runner.step()).toEqual({ succeeded: 1, retried: 1, deadLettered: 0, waiting: 0 });
    expect(broker.describe().topics.find((t) => t.name === 't-dlt')?.partitions.every((p) => p.size === 0)).toBe(true);
  });
});
