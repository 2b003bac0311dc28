// Pushes are coalesced: a burst of notices becomes one push per topic carrying the union.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer, type CoalescedPush } from '../../../electron/engine/playground/coalesce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('push coalescer', () => {
  it('turns 1,000 appends into one events.appended push spanning them', () => {
    const sent: CoalescedPush[] = [];
    const c = createCoalescer((b) => sent.push(b), 150);
    for (let i = 1; i <= 1000; i++) {
      c.add({ kind: 'store', streamId: `order-${i % 7}`, fromPosition: i, toPosition: i });
      c.add({ kind: 'broker' });
    }
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(150);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({ 'events.appended': { streamId: '*', fromPosition: 1, toPosition: 1000 }, 'broker.changed': { reason: 'playground' } });
  });

  it('keeps the stream id when one stream changed, and sends nothing when idle', () => {
    const sent: CoalescedPush[] = [];
    const c = createCoalescer((b) => sent.push(b), 100);
    c.add({ kind: 'store', streamId: 'order-a', fromPosition: 3, toPosition: 3 });
    c.add({ kind: 'store', streamId: 'order-a', fromPosition: 4, toPosition: 5 });
    c.add({ kind: 'playground', reason: 'saga' });
    c.flush();
    expect(sent[0]!['events.appended']).toEqual({ streamId: 'order-a', fromPosition: 3, toPosition: 5 });
    expect(sent[0]!['playground.changed']).toEqual({ reason: 'saga' });
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(1);
  });
});
