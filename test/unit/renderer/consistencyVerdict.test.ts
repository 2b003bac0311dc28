// The consistency strip's verdict: behind only while the read model can still catch up; "never" when
// a version it lacks was stored by a dual write that died before sending; "diverged" when the read
// model holds more (or other) than the store, as after a send whose store commit never happened.
import { describe, expect, it } from 'vitest';
import { stripVerdict } from '../../../renderer/src/features/playground/consistency';

const paid2 = { status: 'paid', version: 2 };
const pending1 = { status: 'pending', version: 1 };

describe('stripVerdict', () => {
  it('same state, same version: caught up', () => {
    expect(stripVerdict(paid2, paid2, [])).toEqual({ kind: 'same' });
  });

  it('the read model lags and every missing version is on its way: behind', () => {
    expect(stripVerdict(paid2, pending1, [])).toEqual({ kind: 'behind' });
    expect(stripVerdict(paid2, null, [])).toEqual({ kind: 'behind' });
  });

  it('a missing version was stored and never sent: it will never catch up', () => {
    expect(stripVerdict(paid2, pending1, [2])).toEqual({ kind: 'lost', version: 2 });
    // A never-sent version it already has (applied some other way) does not count.
    expect(stripVerdict(paid2, paid2, [2])).toEqual({ kind: 'same' });
  });

  it('the read model is ahead of the store, or disagrees at the same version: diverged', () => {
    expect(stripVerdict(pending1, paid2, [])).toEqual({ kind: 'diverged' });
    expect(stripVerdict({ status: 'cancelled', version: 2 }, paid2, [])).toEqual({ kind: 'diverged' });
  });
});
