// The quiz and lesson pages' texts exist in both languages: the same keys (plural forms included), the
// same {{placeholders}}, and Russian text in Cyrillic, so a Russian class never meets an English line.
import { describe, expect, it } from 'vitest';
import { lessonText } from '../../../renderer/src/features/lesson/lessonText';
import { quizText } from '../../../renderer/src/features/quiz/quizText';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v, `${prefix}${k}.`));
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each([
  { name: 'quiz', text: quizText as { en: Tree; ru: Tree } },
  { name: 'lesson', text: lessonText as { en: Tree; ru: Tree } },
])('$name page texts', ({ text }) => {
  const en = flatten(text.en);
  const ru = flatten(text.ru);

  it('have the same keys in Russian and English', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of Object.entries(en)) expect(placeholders(ru[key] ?? ''), key).toEqual(placeholders(value));
  });

  it('are Russian in Russian wherever there are words', () => {
    for (const [key, value] of Object.entries(ru)) {
      const words = value.replace(/\{\{\w+\}\}/g, '');
      if (/[a-zа-яё]/i.test(words)) expect(words, key).toMatch(/[а-яё]/i);
    }
  });
});
