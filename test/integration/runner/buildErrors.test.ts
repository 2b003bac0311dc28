// Build errors in the reader's language: real broken versions of orders-lifecycle's starter go
// through the real runner, and the result's phrase words the compiler's common errors (and the
// runner's own import rules) in Russian, with the place and the offending line; the English message
// keeps the compiler's own text. An error we do not know is shown as the compiler's text, framed.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner, type Runner, type RunResult } from '../../../electron/engine/runner';
import { wordMessage } from '../../../electron/engine/common/testWords';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));
const STARTER = fs.readFileSync(`${EXERCISES}/orders-lifecycle/starter/OrderAggregate.ts`, 'utf8');
const PLACEHOLDER = "    throw new Error('not implemented');\n  }\n\n  /**\n   * Ships";

/** The starter with `pay`'s body replaced by `body`. */
function payBody(body: string): string {
  expect(STARTER).toContain(PLACEHOLDER);
  return STARTER.replace(PLACEHOLDER, `${body}\n  }\n\n  /**\n   * Ships`);
}

let runner: Runner;
beforeAll(() => {
  runner = createRunner({ exercisesDir: EXERCISES, warm: 0 });
});
afterAll(async () => {
  await runner?.close();
});

async function build(code: string): Promise<RunResult> {
  const result = await runner.run({ exerciseId: 'orders-lifecycle', files: { 'OrderAggregate.ts': code }, suites: 'visible' });
  expect(result.status).toBe('error');
  expect(result.reason).toBe('build');
  return result;
}

const ru = (r: RunResult) => wordMessage(r.message, r.message_phrase, 'ru') ?? '';
const en = (r: RunResult) => wordMessage(r.message, r.message_phrase, 'en') ?? '';

/** The Russian text with code set aside (quoted tokens, the offending line under the place, file names, identifiers): what is left must not be English. */
function englishLeft(text: string): string[] {
  const prose = text
    .split('\n')
    .filter((line) => !line.startsWith('    ')) // the offending line and its caret
    .join('\n')
    .replace(/"[^"\n]*"|'[^'\n]*'|«[^»\n]*»/g, ' ')
    .replace(/[\w.]+\.ts(:\d+)*/g, ' ')
    .replace(/\b(const|async|await|allowedImports)\b/g, ' ');
  return prose.match(/[a-z]{3,}/gi) ?? [];
}

describe('build errors worded in Russian', () => {
  it.each([
    ['an unexpected token', '    const x = 1 +;', /OrderAggregate\.ts:\d+:\d+: здесь не может стоять ";": опечатка/],
    ['a missing closing bracket', '    if (command.amount > 0 {', /здесь должно стоять "\)", а стоит "\{"/],
    ['an unterminated string', "    const s = 'abc;", /у этой строки нет закрывающей кавычки/],
    ['a duplicate declaration', '    const a = 1;\n    const a = 2;', /"a" объявлено дважды в одной области видимости/],
    ['await outside an async function', '    await Promise.resolve();', /"await" стоит в функции без "async"/],
    ['assigning to a constant', '    const a = 1;\n    a = 2;', /"a" — константа \(const\)/],
    ['a reserved word as a name', '    const class = 1;', /здесь должно стоять имя, а стоит "class"/],
  ])('%s', async (_label, body, russian) => {
    const r = await build(payBody(body));
    const text = ru(r);
    expect(text).toMatch(/^Код не собирается:\n/);
    expect(text).toMatch(russian);
    expect(englishLeft(text)).toEqual([]);
    // The offending line is shown under the place, with a caret.
    expect(text).toMatch(/\n {4}.*\n {4} *\^/);
    // The English message keeps the compiler's own text.
    expect(r.message).toMatch(/^OrderAggregate\.ts:\d+:\d+: ["A-Z]/);
    expect(en(r)).toMatch(/^The code does not build:\n/);
    expect(r.location?.file).toBe('OrderAggregate.ts');
  });

  it('an unexpected end of file', async () => {
    const r = await build(STARTER.replace(/\}\s*$/, ''));
    expect(ru(r)).toMatch(/файл кончился раньше времени/);
    expect(englishLeft(ru(r))).toEqual([]);
  });

  it('an unterminated comment', async () => {
    const r = await build(`${STARTER}\n/* forgot to close`);
    expect(ru(r)).toMatch(/комментарий открыт символами \/\*, но не закрыт \*\//);
    expect(englishLeft(ru(r))).toEqual([]);
  });

  it('an import of a file that is not in the workspace', async () => {
    const r = await build(`import { helper } from './helpers';\nexport const probe = helper;\n${STARTER}`);
    expect(ru(r)).toMatch(/нельзя импортировать '\.\/helpers': файлы упражнения могут импортировать только другие файлы рабочей области \('\.\/events'/);
  });

  it('a forbidden import (the runner’s own rule)', async () => {
    const r = await build(`import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n${STARTER}`);
    const text = ru(r);
    expect(text).toMatch(/нельзя импортировать 'node:fs': файлы упражнения могут импортировать только другие файлы рабочей области/);
    expect(englishLeft(text)).toEqual([]);
    expect(r.message).toMatch(/cannot import 'node:fs': exercise files may only import/);
  });

  it('an error we do not word is the compiler’s text, framed as such', async () => {
    const r = await build(payBody('    const n = 08a;'));
    expect(ru(r)).toMatch(/сообщение компилятора \(на английском\): /);
    expect(en(r)).toMatch(/the compiler says: /);
  });
});
