// The pure rules of an attempt in progress: unanswered questions, what a mode switch keeps, and the
// draft round trip (including a quiz that changed since the draft was saved).
import { describe, expect, it } from 'vitest';
import { fromDraft, switchMode, toDraft, unansweredIndexes, type AttemptState } from '../../../renderer/src/features/quiz/attemptRules';

const ids = ['a', 'b', 'c', 'd'];
const state: AttemptState = {
  seed: 7,
  startedAt: '2026-12-03T04:00:00.000Z',
  mode: 'one',
  index: 3,
  answers: { a: [1], b: [], d: [0, 2] },
  checked: ['a'],
};

describe('attempt rules', () => {
  it('count a question with no pick (or an emptied pick) as unanswered, in quiz order', () => {
    expect(unansweredIndexes(ids, state.answers)).toEqual([1, 2]);
    expect(unansweredIndexes(ids, { a: [0], b: [1], c: [2], d: [3] })).toEqual([]);
  });

  it('keep picks and checked questions when switching mode; one-at-a-time opens on the first unanswered', () => {
    const all = switchMode(state, 'all', ids);
    expect(all).toMatchObject({ mode: 'all', answers: state.answers, checked: ['a'], seed: 7 });
    const one = switchMode({ ...all, index: 0 }, 'one', ids);
    expect(one).toMatchObject({ mode: 'one', index: 1, answers: state.answers, checked: ['a'] });
    const allAnswered = { ...state, mode: 'all' as const, answers: { a: [0], b: [0], c: [0], d: [0] } };
    expect(switchMode(allAnswered, 'one', ids).index).toBe(0);
    expect(switchMode(state, 'one', ids)).toBe(state);
  });

  it('store only questions with picks, in quiz order, and read them back', () => {
    const draft = toDraft(state, 'ru', ids);
    expect(draft).toEqual({
      lang: 'ru', seed: 7, startedAt: state.startedAt, mode: 'one', index: 3,
      answers: [{ questionId: 'a', selected: [1] }, { questionId: 'd', selected: [0, 2] }],
      checked: ['a'],
    });
    expect(fromDraft(draft, ids)).toEqual({ ...state, answers: { a: [1], d: [0, 2] } });
  });

  it('drop what a changed quiz no longer has and keep the question shown in range', () => {
    const draft = toDraft(state, 'en', ids);
    const restored = fromDraft(draft, ['a', 'b']);
    expect(restored.answers).toEqual({ a: [1] });
    expect(restored.checked).toEqual(['a']);
    expect(restored.index).toBe(1);
  });
});
