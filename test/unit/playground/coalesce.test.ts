// Pushes are coalesced: a burst of change notices becomes one `playground.changed` push per
// interval carrying every part that changed, and nothing is sent while the session is idle.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaygroundPart } from '../../../electron/engine/common/playground';
import { createCoalescer } from '../../../electron/engine/playground/coalesce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('push coalescer', () => {
  it('turns 1,000 appends into one push naming the store and the broker once', () => {
    const sent: { parts: PlaygroundPart[] }[] = [];
    const c = createCoalescer((p) => sent.push(p), 150);
    for (let i = 1; i <= 1000; i++) c.add(['store', 'broker']);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(150);
    expect(sent).toEqual([{ parts: ['store', 'broker'] }]);
  });

  it('unions the parts of one interval, starts afresh after a flush, and sends nothing when idle', () => {
    const sent: { parts: PlaygroundPart[] }[] = [];
    const c = createCoalescer((p) => sent.push(p), 100);
    c.add(['store']);
    c.add(['sagas']);
    c.add(['store', 'readModel']);
    c.flush();
    expect(sent).toEqual([{ parts: ['store', 'sagas', 'readModel'] }]);
    c.add(['bank']);
    vi.advanceTimersByTime(100);
    expect(sent[1]).toEqual({ parts: ['bank'] });
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });
});
