// The starters' placeholders are ours, so a Russian class must see them in Russian: every
// `throw new Error('not implemented…')` in exercises/*/starter/ is one the results panel recognises and
// words in the reader's language (common/phrase.ts textPhrase), and the starters throw nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { textPhrase } from '../../../electron/engine/common/phrase';
import { wordPhrase } from '../../../electron/engine/common/testWords';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));

function starterFiles(): string[] {
  return fs
    .readdirSync(EXERCISES)
    .filter((id) => fs.existsSync(path.join(EXERCISES, id, 'starter')))
    .flatMap((id) => fs.readdirSync(path.join(EXERCISES, id, 'starter')).map((f) => path.join(EXERCISES, id, 'starter', f)));
}

describe('the starters’ "not implemented"', () => {
  it('is recognised and worded in Russian wherever a starter throws it', () => {
    const thrown: string[] = [];
    for (const file of starterFiles()) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/throw new Error\((['`])(.*?)\1\)/g)) {
        // A template's ${…} stands for a value from the code (e.g. an event type).
        thrown.push(m[2]!.replace(/\$\{[^}]*\}/g, 'OrderPaid'));
      }
    }
    expect(thrown.length).toBeGreaterThanOrEqual(40);
    const unworded = thrown.filter((text) => textPhrase(text).key === 'text');
    expect(unworded).toEqual([]);
    for (const text of thrown) expect(wordPhrase(textPhrase(text), 'ru'), text).toMatch(/^ещё не реализовано/);
  });
});
