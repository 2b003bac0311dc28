// The shared given/when/then helper: each kind of wrong behaviour fails with a message in the
// domain's terms (what was expected, what happened) and the details the runner shows beside it.
import { describe, expect, it } from 'vitest';
import { givenWhenThen, ScenarioFailure, SCENARIO_DETAIL_KEYS } from '../../../electron/engine/testing/givenWhenThen';

interface Tick { type: 'Ticked'; version: number; by: number }
interface Add { type: 'Add'; by: number }
class CounterError extends Error {
  constructor(readonly code: 'TOO_BIG' | 'NEGATIVE', message: string) {
    super(message);
    this.name = 'CounterError';
  }
}

/** A counter whose behaviour each test bends into one kind of mistake. */
function counter(behaviour: 'right' | 'no-check' | 'wrong-code' | 'records-then-throws' | 'changes-then-throws' | 'wrong-version') {
  return givenWhenThen<Tick, Add, { total: number }, 'TOO_BIG' | 'NEGATIVE'>({
    nameOf: (command) => command.type,
    stateBefore: (history) => ({ total: history.reduce((sum, e) => sum + e.by, 0) }),
    execute(history, command) {
      const state = { total: history.reduce((sum, e) => sum + e.by, 0) };
      const events: Tick[] = [];
      try {
        if (command.by > 10 && behaviour !== 'no-check') {
          if (behaviour === 'records-then-throws') events.push({ type: 'Ticked', version: history.length + 1, by: command.by });
          if (behaviour === 'changes-then-throws') state.total += command.by;
          throw new CounterError(behaviour === 'wrong-code' ? 'NEGATIVE' : 'TOO_BIG', `cannot add ${command.by}`);
        }
        events.push({ type: 'Ticked', version: history.length + (behaviour === 'wrong-version' ? 2 : 1), by: command.by });
        state.total += command.by;
        return { result: state, error: undefined, events, state };
      } catch (error) {
        return { result: state, error, events, state };
      }
    },
  });
}

const first: Tick = { type: 'Ticked', version: 1, by: 1 };

function failureOf(action: () => unknown): ScenarioFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof ScenarioFailure) return error;
    throw error;
  }
  throw new Error('expected a ScenarioFailure');
}

describe('givenWhenThen', () => {
  it('passes the right behaviour and returns the result', () => {
    expect(counter('right')(first).when({ type: 'Add', by: 2 }).then({ type: 'Ticked', version: 2, by: 2 })).toEqual({ total: 3 });
    expect(() => counter('right')(first).when({ type: 'Add', by: 20 }).thenFails('TOO_BIG')).not.toThrow();
  });

  it('says a command succeeded where a refusal was expected, and what it recorded', () => {
    const failure = failureOf(() => counter('no-check')(first).when({ type: 'Add', by: 20 }).thenFails('TOO_BIG'));
    expect(failure.message).toBe('expected Add to be refused with TOO_BIG, but it succeeded and recorded Ticked v2');
    expect(failure.details).toMatchObject({ expected_error_code: 'TOO_BIG', actual_error_code: null, actual_events: [{ version: 2 }] });
  });

  it('names the wrong code and the error that carried it', () => {
    const failure = failureOf(() => counter('wrong-code')(first).when({ type: 'Add', by: 20 }).thenFails('TOO_BIG'));
    expect(failure.message).toBe('expected Add to be refused with TOO_BIG, but it threw CounterError NEGATIVE: cannot add 20');
  });

  it('catches an event recorded, or state changed, before the refusal', () => {
    expect(failureOf(() => counter('records-then-throws')(first).when({ type: 'Add', by: 20 }).thenFails('TOO_BIG')).message).toBe(
      'Add was refused with TOO_BIG as expected, but it still recorded Ticked v2',
    );
    const changed = failureOf(() => counter('changes-then-throws')(first).when({ type: 'Add', by: 20 }).thenFails('TOO_BIG'));
    expect(changed.message).toMatch(/^Add was refused with TOO_BIG as expected, but it changed the state anyway/);
    expect(changed.details).toMatchObject({ expected_state: { total: 1 }, actual_state: { total: 21 } });
  });

  it('shows expected and recorded events when they differ, and a throw where events were expected', () => {
    const wrong = failureOf(() => counter('wrong-version')(first).when({ type: 'Add', by: 2 }).then({ type: 'Ticked', version: 2, by: 2 }));
    expect(wrong.message).toMatch(/^expected Add to record Ticked v2, but it recorded Ticked v3/);
    expect(wrong.details).toMatchObject({ given: [first], command: { type: 'Add', by: 2 }, expected_events: [{ version: 2 }], actual_events: [{ version: 3 }] });
    const threw = failureOf(() => counter('right')(first).when({ type: 'Add', by: 20 }).then({ type: 'Ticked', version: 2, by: 20 }));
    expect(threw.message).toBe('expected Add to record Ticked v2, but it threw CounterError TOO_BIG: cannot add 20');
    expect(Object.keys(threw.details).every((key) => (SCENARIO_DETAIL_KEYS as readonly string[]).includes(key))).toBe(true);
  });
});
