// Pass rates per test for the summary and the Instructor page: a graded row counts once for every
// reference test it passed (matched by suite and name), ungraded rows and other exercises never count.
import { describe, expect, it } from 'vitest';
import type { Gradebook } from '../../../electron/engine/common/gradebook';
import { mostFailedTests, testStats } from '../../../electron/engine/common/gradingStats';

type Result = { suite: string; name: string; status: 'pass' | 'fail' | 'error' };
const row = (exercise: string, status: string, tests: Result[]) => ({ exercise_id: exercise, status, tests });
const test = (suite: string, name: string) => ({ suite, name, visibility: 'visible' as const, max_points: 1 });

function gradebook(entries: ReturnType<typeof row>[]): Gradebook {
  // Only the fields the statistics read; the rest of a gradebook does not change them.
  return {
    exercises: [
      { id: 'ex', tests: [test('a', 'one'), test('a', 'two'), test('b', 'one')] },
      { id: 'other', tests: [test('a', 'one')] },
    ],
    entries,
  } as unknown as Gradebook;
}

describe('testStats', () => {
  it('counts, per reference test, the graded rows of its exercise that passed it', () => {
    const stats = testStats(
      gradebook([
        row('ex', 'graded', [{ suite: 'a', name: 'one', status: 'pass' }, { suite: 'a', name: 'two', status: 'fail' }, { suite: 'b', name: 'one', status: 'pass' }]),
        // The same test reported twice in one row counts once; a pass in another suite of the same name is another test.
        row('ex', 'graded', [{ suite: 'a', name: 'one', status: 'pass' }, { suite: 'a', name: 'one', status: 'pass' }, { suite: 'a', name: 'two', status: 'error' }]),
        row('ex', 'timeout', [{ suite: 'a', name: 'two', status: 'pass' }]),
        // Not graded: never counted.
        row('ex', 'malformed', [{ suite: 'a', name: 'two', status: 'pass' }]),
        row('other', 'graded', [{ suite: 'b', name: 'one', status: 'pass' }]),
      ]),
    );
    const of = (exercise: string, suite: string, name: string) => stats.find((s) => s.exercise_id === exercise && s.suite === suite && s.name === name);
    expect(of('ex', 'a', 'one')).toMatchObject({ passed: 2, total: 3 });
    expect(of('ex', 'a', 'two')).toMatchObject({ passed: 1, total: 3 });
    expect(of('ex', 'b', 'one')).toMatchObject({ passed: 1, total: 3 });
    expect(of('other', 'a', 'one')).toMatchObject({ passed: 0, total: 1, rate: 0 });
    expect(mostFailedTests(stats).map((s) => `${s.exercise_id}/${s.suite}/${s.name}`)).toEqual(['other/a/one', 'ex/b/one', 'ex/a/two', 'ex/a/one']);
  });
});
