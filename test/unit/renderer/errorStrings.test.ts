// Every engine error code the UI words exists in both languages with the same parameters, so a
// Russian class never meets an English message or a bare code.
import { describe, expect, it } from 'vitest';
import { errorStrings } from '../../../renderer/src/i18n/errorStrings';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('error texts', () => {
  it('word the same codes in Russian and English', () => {
    expect(Object.keys(errorStrings.ru).sort()).toEqual(Object.keys(errorStrings.en).sort());
  });

  it('use the same parameters in both languages', () => {
    for (const [code, en] of Object.entries(errorStrings.en)) {
      expect(placeholders(errorStrings.ru[code as keyof typeof errorStrings.ru]), code).toEqual(placeholders(en));
    }
  });

  it('have Russian text in Russian (Cyrillic) for every code', () => {
    for (const [code, ru] of Object.entries(errorStrings.ru)) expect(ru, code).toMatch(/[а-яё]/i);
  });
});
