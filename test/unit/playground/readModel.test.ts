// The playground's read model: with the inbox a redelivered record changes nothing; without it the
// duplicate shows (handled twice, revenue counted twice); records that are not events are counted, not applied.
import { describe, expect, it } from 'vitest';
import type { ConsumerRecord } from '../../../electron/engine/broker';
import { PlaygroundReadModel } from '../../../electron/engine/playground/readModel';

let offset = 0;
function record(streamVersion: number, type: string, data: Record<string, unknown>, eventId = `e${streamVersion}`): ConsumerRecord {
  return {
    topic: 'orders',
    partition: 0,
    offset: offset++,
    key: 'order-o1',
    timestamp: 0,
    headers: { 'event-id': eventId },
    value: { eventId, streamId: 'order-o1', streamVersion, globalPosition: streamVersion, type, schemaVersion: 1, data: { aggregateId: 'o1', version: streamVersion, timestamp: '2026-01-01T00:00:00.000Z', ...data }, metadata: {}, recordedAt: '' },
  };
}
const created = record(1, 'OrderCreated', { customerId: 'c', items: [{ productId: 'p', productName: 'P', quantity: 1, unitPrice: 500 }], totalAmount: 500, shippingAddress: 'a' });
const paid = record(2, 'OrderPaid', { paymentId: 'x', paymentMethod: 'paypal', amount: 500 });

describe('playground read model', () => {
  it('skips a redelivered record when the inbox is on', () => {
    const m = new PlaygroundReadModel();
    for (const r of [created, paid, paid]) m.handleRecord(r);
    expect(m.summary()).toMatchObject({ handled: 2, duplicatesSkipped: 1, revenue: 500, orders: 1 });
    expect(m.rows.get('o1')).toMatchObject({ applied: 2, state: { status: 'paid', version: 2 } });
  });

  it('applies a redelivered record twice when the inbox is off', () => {
    const m = new PlaygroundReadModel();
    m.inboxEnabled = false;
    for (const r of [created, paid, paid]) m.handleRecord(r);
    expect(m.summary()).toMatchObject({ handled: 3, duplicatesSkipped: 0, revenue: 1000 });
    expect(m.rows.get('o1')!.applied).toBe(3);
  });

  it('counts a record that is not an event without applying it', () => {
    const m = new PlaygroundReadModel();
    expect(m.handleRecord({ ...created, value: { garbage: true } })).toBe('invalid');
    expect(m.summary()).toMatchObject({ handled: 0, invalidSkipped: 1, orders: 0 });
  });

  it('remembers replayed events, so their later delivery is a duplicate', () => {
    const m = new PlaygroundReadModel();
    m.replayEvent(created.value as Parameters<PlaygroundReadModel["replayEvent"]>[0]);
    expect(m.handleRecord(created)).toBe('duplicate-skipped');
    expect(m.rows.get('o1')!.applied).toBe(1);
  });
});
