// Event ids the SQLite store generates: RFC 9562 version 7 UUIDs that sort in creation order (so the
// event_id index grows at its right edge), unique, also when many are made in one millisecond.
import { describe, expect, it } from 'vitest';
import { newEventId, newTimeOrderedEventId } from '../../../electron/engine/store/ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('time-ordered ids are version 7 UUIDs carrying the current Unix milliseconds', () => {
    const before = Date.now();
    const id = newTimeOrderedEventId();
    const after = Date.now();
    expect(id).toMatch(V7);
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after + 1); // at most one borrowed millisecond
  });

  it('sort in the order they were made and never repeat, even thousands within a millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newTimeOrderedEventId());
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) if (!(ids[i - 1] < ids[i])) expect.fail(`${ids[i - 1]} then ${ids[i]} at ${i}`);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(V7);
  });

  it('random ids stay version 4 UUIDs', () => {
    expect(newEventId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
