// What the simulated worlds of order-saga and retry-dlt say reaches a Russian student in Russian: the
// starter and every mutant (each a real wrong answer) run with all suites, and every failing test's
// message, worded in Russian as the results panel words it, and every scenario value (the log entries,
// the command) must hold no English sentence and no unsplit bilingual text. Service failures travel
// as codes ('CARD_DECLINED'), crashes and other thrown errors as `say()` texts.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { createRunner, type Runner, type RunResult } from '../../../electron/engine/runner';
import { BILINGUAL_SEPARATOR, splitBilingual } from '../../../electron/engine/common/phrase';
import { wordMessage } from '../../../electron/engine/common/testWords';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));

/** A scenario value in Russian, the way the results panel shows it (each `say()` text as its Russian half). */
function inRussian(value: unknown): unknown {
  if (typeof value === 'string') return splitBilingual(value)?.ru ?? value;
  if (Array.isArray(value)) return value.map(inRussian);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inRussian(v)]));
  return value;
}

/** A value a reader would take for an English sentence: two or more Latin words and no Cyrillic. */
const englishSentence = (text: string) => !/[а-яё]/i.test(text) && /\b[a-z]{2,}\s+[a-z]{2,}\b/i.test(text);

/** The code in a Russian message set aside: the checked expression, quoted values, object keys, identifiers and codes. */
function proseOf(message: string): string {
  let text = message;
  // expect(<expression>): the test's own code, balanced parentheses included.
  for (let at = text.indexOf('expect('); at >= 0; at = text.indexOf('expect(')) {
    let depth = 0;
    let end = at + 'expect'.length;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    text = text.slice(0, at) + text.slice(end + 1);
  }
  return text
    .replace(/"(?:[^"\\\n]|\\.)*(?:"|…|$)/g, ' ') // quoted values, also one cut short by the formatter
    .replace(/\b[\w.]+\(\)/g, ' ') // run()
    .replace(/\(\w+\)/g, ' ') // a method named in parentheses: (run)
    .replace(/•\s*[^:\n]+:/g, ' ') // the path of a difference: • before.crashPassedThrough:
    .replace(/\b\w+:/g, ' ') // keys of an object literal, a file place's name
    .replace(/\b[\w.]+\.ts(:\d+)*/g, ' ')
    .replace(/\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b|\b[A-Z][A-Z0-9_]+\b|\b[A-Z][a-z]+\b/g, ' ') // sendReceipt, StepFailed, CARD_DECLINED, Crash
    .replace(/\b\w+(?:-\w+)+\b/g, ' ')
    .replace(/\b(?:undefined|null|true|false|NaN)\b/g, ' ');
}

/** What one run shows a Russian student that is still English or an unsplit bilingual text. */
function problemsOf(result: RunResult): string[] {
  const out: string[] = [];
  const checkValue = (value: unknown, where: string): void => {
    if (typeof value === 'string') {
      if (value.includes(BILINGUAL_SEPARATOR)) out.push(`${where}: an unsplit bilingual text ${JSON.stringify(value)}`);
      else if (englishSentence(value)) out.push(`${where}: an English value ${JSON.stringify(value)}`);
    } else if (Array.isArray(value)) value.forEach((x) => checkValue(x, where));
    else if (value && typeof value === 'object') for (const x of Object.values(value)) checkValue(x, where);
  };
  for (const t of result.tests) {
    if (t.status === 'pass') continue;
    const message = wordMessage(t.message, t.message_phrase, 'ru') ?? '';
    for (const quoted of message.match(/"(?:[^"\\]|\\.)*"/g) ?? []) checkValue(JSON.parse(quoted) as string, `${t.name}: a value in the message`);
    const english = proseOf(message).match(/\b[a-z]{3,}\b/gi);
    if (english) out.push(`${t.name}: English words (${english.join(' ')}) in ${JSON.stringify(message.slice(0, 300))}`);
    for (const value of [t.given, t.command, t.expected_events, t.actual_events]) checkValue(inRussian(value), `${t.name}: a scenario value`);
  }
  return out;
}

describe.each(['order-saga', 'retry-dlt'])('%s: the simulated world speaks Russian to a Russian student', (id) => {
  let runner: Runner;
  beforeAll(() => {
    runner = createRunner({ exercisesDir: EXERCISES, warm: 0 });
  });
  afterAll(async () => {
    await runner?.close();
  });

  const exercise = loadExercise(EXERCISES, id);
  const answers: Array<[string, Record<string, string>]> = [['the starter', exercise.starter], ...Object.entries(exercise.mutants).map(([name, files]): [string, Record<string, string>] => [`mutant ${name}`, files])];

  it.each(answers)('%s', async (_label, files) => {
    const result = await runner.run({ exerciseId: id, files, suites: 'all' });
    expect(result.tests.some((t) => t.status !== 'pass')).toBe(true);
    expect(problemsOf(result)).toEqual([]);
  });
});
