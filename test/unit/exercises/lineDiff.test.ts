// The side-by-side diff shown for expected vs actual events.
import { describe, expect, it } from 'vitest';
import { pretty, sideBySide } from '../../../renderer/src/features/exercises/results/lineDiff';

describe('sideBySide', () => {
  it('pairs equal lines and marks a changed line on both sides', () => {
    const rows = sideBySide(pretty({ type: 'OrderPaid', amount: 100 }), pretty({ type: 'OrderPaid', amount: 99 }));
    expect(rows.filter((r) => r.left?.kind === 'same').length).toBe(3);
    const changed = rows.find((r) => r.left?.kind === 'changed');
    expect(changed?.left?.text).toContain('100');
    expect(changed?.right?.text).toContain('99');
  });

  it('shows missing actual events as removed lines with empty right cells', () => {
    const rows = sideBySide(pretty([{ type: 'OrderPaid' }]), pretty([]));
    expect(rows.some((r) => r.left?.kind === 'removed' && r.right === null) || rows.some((r) => r.left?.kind === 'changed')).toBe(true);
  });

  it('keeps identical inputs identical', () => {
    const text = pretty([{ a: 1 }, { b: 2 }]);
    expect(sideBySide(text, text).every((r) => r.left?.kind === 'same' && r.right?.kind === 'same')).toBe(true);
  });

  it('pretty prints undefined and strings readably', () => {
    expect(pretty(undefined)).toBe('undefined');
    expect(pretty('INVALID_STATE')).toBe('INVALID_STATE');
  });
});
