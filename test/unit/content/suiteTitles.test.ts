// The completeness check of the suites' headings: every suite of every exercise (visible and hidden)
// has a title in Russian and in English, written in that language, and no two
// suites of one exercise share a heading. The results panel and the task's checks show these titles
// instead of ids such as `given-commands`, so a Russian class never meets an English heading.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../electron/engine/content/loadExercise';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));
const ids = fs
  .readdirSync(EXERCISES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(`${EXERCISES}/${d.name}/exercise.json`))
  .map((d) => d.name)
  .sort();

/** Letters of prose once code names in parentheses or backticks (`(pay)`, `(keyOf, publishEvents)`) and "v2" are set aside. */
const prose = (title: string) => title.replace(/\([^()]*\)|`[^`]*`|\bv\d+\b/g, ' ');

/** Every problem of one exercise's suite titles, as lines naming the suite. */
function problems(id: string): string[] {
  const out: string[] = [];
  const seen = { ru: new Map<string, string>(), en: new Map<string, string>() };
  for (const suite of readManifest(EXERCISES, id).suites) {
    const { ru, en } = suite.title;
    if (!/[а-яё]/i.test(prose(ru)) || /[a-z]/i.test(prose(ru))) out.push(`${suite.id}: the Russian title ${JSON.stringify(ru)} is not Russian prose`);
    if (/[а-яё]/i.test(en) || !/[a-z]/i.test(prose(en))) out.push(`${suite.id}: the English title ${JSON.stringify(en)} is not English prose`);
    for (const lang of ['ru', 'en'] as const) {
      const other = seen[lang].get(suite.title[lang]);
      if (other) out.push(`${suite.id}: the ${lang} title is the same as ${other}'s`);
      seen[lang].set(suite.title[lang], suite.id);
    }
  }
  return out;
}

describe('suite titles of every exercise', () => {
  it('finds the exercises', () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  it.each(ids)('%s: every suite has a Russian and an English title, unique in the exercise', (id) => {
    expect(problems(id)).toEqual([]);
  });
});
