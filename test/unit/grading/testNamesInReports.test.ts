// Grading reports name tests and word failures in the report's language: a Russian feedback file shows
// the test's Russian name (from the suites' ruNames) and its message worded from its phrase, and a test
// that did not run says so in Russian; an English report keeps the English name and message.
import { describe, expect, it } from 'vitest';
import type { GradebookEntry } from '../../../electron/engine/common/gradebook';
import { phrase } from '../../../electron/engine/common/phrase';
import type { RunResult } from '../../../electron/engine/common/runResult';
import { feedbackHtml, feedbackMarkdown } from '../../../electron/engine/grading/reports/feedback';
import { referenceTestsOf, scoreRun } from '../../../electron/engine/grading/score';

function result(over: Partial<RunResult>): RunResult {
  return { version: 3, status: 'fail', message: null, tests: [], exercise_id: 'orders-lifecycle', suites: [], points: 0, max_points: 2, duration_ms: 1, ...over };
}

const reference = referenceTestsOf(
  result({
    tests: [
      { name: 'pay > records OrderPaid', name_ru: 'оплата > записывает OrderPaid', test_code: '', status: 'pass', message: null, output: null, duration_ms: 1, points: 1, max_points: 1, suite: 'pay', visibility: 'visible' },
      { name: 'ship > records OrderShipped', name_ru: 'отправка > записывает OrderShipped', test_code: '', status: 'pass', message: null, output: null, duration_ms: 1, points: 1, max_points: 1, suite: 'ship', visibility: 'visible' },
    ],
  }),
);

const student = result({
  tests: [
    {
      name: 'pay > records OrderPaid', test_code: '', status: 'fail', message: 'expected 1 to be 2',
      message_phrase: phrase('toBe', { actual: '1', expected: '2' }), output: null, duration_ms: 1, points: 0, max_points: 1, suite: 'pay', visibility: 'visible',
    },
  ],
});

function entryOf(tests: GradebookEntry['tests']): GradebookEntry {
  return {
    student_id: 'ann', student_name: 'Ann', exercise_id: 'orders-lifecycle', score: 0, max_score: 2, passed: 0, failed: 1, errored: 1, status: 'graded',
    duration_ms: 1, submitted_at: '2030-01-01T00:00:00.000Z', checksum_ok: true, notes: '', source: 'ann.replayground.json', kind: 'file',
    feedback: 'ann', run_message: null, visible: null, hidden: null, tests,
  };
}

describe('test names and messages in grading reports', () => {
  const scored = scoreRun(reference, student);
  const entry = entryOf(scored.tests);

  it('keeps the Russian names of the reference run and the phrases of the student run', () => {
    expect(scored.tests.map((t) => t.name_ru)).toEqual(['оплата > записывает OrderPaid', 'отправка > записывает OrderShipped']);
    expect(scored.tests[0]!.message_phrase).toEqual(phrase('toBe', { actual: '1', expected: '2' }));
    expect(scored.tests[1]!.message).toBe('not run');
  });

  it('writes Russian names and messages into a Russian feedback file, English into an English one', () => {
    const ru = feedbackHtml([entry], 'ru') + feedbackMarkdown([entry], 'ru');
    expect(ru).toContain('оплата &gt; записывает OrderPaid');
    expect(ru).toContain('ожидалось 2, получено 1');
    expect(ru).toContain('отправка &gt; записывает OrderShipped');
    expect(ru).not.toContain('records OrderPaid');
    expect(ru).not.toContain('expected 1 to be 2');
    expect(ru).not.toContain('not run');
    const en = feedbackHtml([entry], 'en') + feedbackMarkdown([entry], 'en');
    expect(en).toContain('pay &gt; records OrderPaid');
    expect(en).toContain('expected 1 to be 2');
    expect(en).not.toMatch(/[а-яё]/i);
  });
});
