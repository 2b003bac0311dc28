// Messages of a run travel as phrases (a code with parameters) beside the English text, so the UI and
// grading word them in the reader's language: assertion messages (with the compared expression and a
// label in both languages), the student's own thrown error in a worded frame, the starters' "not
// implemented", given/when/then failures, time limits and load errors.
import { afterAll, describe, expect, it } from 'vitest';
import { createRunner, type RunResult } from '../../../electron/engine/runner';
import { wordMessage } from '../../../electron/engine/common/testWords';
import { writeTempExercise } from '../../fixtures/runner/tempExercise';

const cleanups: Array<() => void> = [];
const runners: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
  for (const c of cleanups) c();
});

async function run(tests: Record<string, string>, editable: Record<string, string>, timeoutMs = 2000): Promise<RunResult> {
  const ex = writeTempExercise({ tests, editable, limits: { timeoutMs, memoryMb: 64 } });
  cleanups.push(ex.cleanup);
  const runner = createRunner({ exercisesDir: ex.exercisesDir, warm: 0 });
  runners.push(runner);
  return runner.run({ exerciseId: ex.id, files: editable, suites: 'visible' });
}

const ru = (t: { message: string | null; message_phrase?: Parameters<typeof wordMessage>[1] }) => wordMessage(t.message, t.message_phrase, 'ru');
const en = (t: { message: string | null; message_phrase?: Parameters<typeof wordMessage>[1] }) => wordMessage(t.message, t.message_phrase, 'en');

describe('messages as phrases', () => {
  it('words assertions, labels, thrown errors, "not implemented" and scenarios in Russian, keeping the English message', async () => {
    const r = await run(
      {
        'tests/visible/a.test.ts': `
          import { expect, it } from 'vitest';
          import { say } from '@engine/common/phrase';
          import { ScenarioFailure, sameOrFail } from '@engine/testing/givenWhenThen';
          import { total, pay, boom } from '@workspace/Thing';
          it('compares', () => { const t = total(); expect(t).toBe(3); });
          it('labels', () => { expect(total(), say('the total', 'сумма')).toBe(3); });
          it('differs', () => { expect({ a: 1, b: [1] }).toEqual({ a: 2, b: [1, 2] }); });
          it('throws', () => { boom(); });
          it('is a starter', () => { pay(); });
          it('scenario', () => { sameOrFail([1], [2], say('the log is wrong', 'журнал неверен'), { given: [], command: 'x' }); });
          it('own failure', () => { throw new ScenarioFailure(say('the saga stopped', 'сага остановилась'), { given: [], command: 'run' }); });
        `,
      },
      {
        'Thing.ts': `
          export const total = (): number => 2;
          export function pay(): void { throw new Error('not implemented: pay'); }
          export function boom(): void { throw new TypeError('boom went the code'); }
        `,
      },
    );
    const byName = Object.fromEntries(r.tests.map((t) => [t.name, t]));
    expect(byName.compares!.message).toBe('expect(t): expected 2 to be 3');
    expect(ru(byName.compares!)).toBe('expect(t): ожидалось 3, получено 2');
    expect(en(byName.compares!)).toBe(byName.compares!.message);

    expect(byName.labels!.message).toBe('the total: expected 2 to be 3');
    expect(ru(byName.labels!)).toBe('сумма: ожидалось 3, получено 2');

    expect(ru(byName.differs!)).toContain('различия:\n  • a: ожидалось 2, получено 1');
    expect(ru(byName.differs!)).toContain('b.length: ожидалось 2, получено 1 (у массивов разная длина)');

    expect(byName.throws!.message).toMatch(/^TypeError: boom went the code/);
    expect(ru(byName.throws!)).toMatch(/^Ваш код бросил исключение TypeError: boom went the code\n    в Thing\.ts:4:/);
    expect(en(byName.throws!)).toMatch(/^Your code threw TypeError: boom went the code\n    at Thing\.ts:4:/);

    expect(byName['is a starter']!.message).toMatch(/^Error: not implemented: pay/);
    expect(ru(byName['is a starter']!)).toMatch(/^ещё не реализовано \(pay\): здесь должен быть ваш код/);

    expect(byName.scenario!.message).toMatch(/^the log is wrong\nexpected \[1\]/);
    expect(ru(byName.scenario!)).toMatch(/^журнал неверен\nожидалось, что \[1\]\nравно \[2\]/);
    expect(byName['own failure']!.message).toBe('the saga stopped');
    expect(ru(byName['own failure']!)).toBe('сага остановилась');
    for (const t of r.tests) expect(ru(t), t.name).not.toMatch(/\bexpected\b|\breceived\b|\bthrew\b/);
  });

  it('words a time limit and a file that does not load', async () => {
    const r = await run(
      {
        'tests/visible/a.test.ts': `
          import { it } from 'vitest';
          it('spins', () => { for (;;) {} });
        `,
        'tests/visible/b.test.ts': `
          import { it } from 'vitest';
          throw new Error('cannot start');
          it('never', () => {});
        `,
      },
      { 'Thing.ts': 'export const x = 1;\n' },
      300,
    );
    const spins = r.tests.find((t) => t.name === 'spins')!;
    expect(spins.message).toMatch(/^the test timed out after (\d+) ms \(an infinite loop, or a promise that never settles\?\)$/);
    const ms = /after (\d+) ms/.exec(spins.message!)![1];
    expect(ru(spins)).toBe(`тест не уложился в ${ms} мс (бесконечный цикл или промис, который никогда не завершится?)`);
    const b = r.suites.find((s) => s.id === 'b')!;
    expect(b.message).toMatch(/^the test file could not be loaded: Error: cannot start/);
    expect(wordMessage(b.message, b.message_phrase, 'ru')).toMatch(/^файл тестов не загрузился: Ваш код бросил исключение Error: cannot start|^файл тестов не загрузился: Error: cannot start/);
    expect(wordMessage(r.message, r.message_phrase, 'ru')).toMatch(/^b: файл тестов не загрузился/);
  });
});
