// How test results are worded: every text exists in both languages with the same parameters, Russian
// texts are Russian, phrases nest (a message inside a frame, lines of differences), a `say()` text
// is worded in the reader's language, the starters' "not implemented" is ours, and an unknown key
// falls back to the English message.
import { describe, expect, it } from 'vitest';
import { phrase, say, splitBilingual, textPhrase, englishOf } from '../../../electron/engine/common/phrase';
import { TEST_WORDS, wordMessage, wordPhrase } from '../../../electron/engine/common/testWords';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the texts of test results', () => {
  it('have the same keys and the same parameters in Russian and English', () => {
    expect(Object.keys(TEST_WORDS.ru).sort()).toEqual(Object.keys(TEST_WORDS.en).sort());
    for (const [key, en] of Object.entries(TEST_WORDS.en)) {
      const ru = placeholders(TEST_WORDS.ru[key as keyof typeof TEST_WORDS.ru]);
      // {{en}} in English, {{ru}} in Russian; English needs the article ("an OrderError": {{errorA}}), Russian the bare name.
      if (key === 'bilingual') expect(ru).toEqual(['ru']);
      else if (key === 'refusalReturned' || key === 'refusalOther') expect(ru.map((k) => (k === 'error' ? 'errorA' : k))).toEqual(placeholders(en));
      else expect(ru, key).toEqual(placeholders(en));
    }
  });

  it('are Russian in Russian wherever there are words', () => {
    for (const [key, ru] of Object.entries(TEST_WORDS.ru)) {
      // Code names (toThrow, beforeAll, NaN, expect(…)) may stay; a sentence must be Russian.
      const words = ru.replace(/\{\{\w+\}\}/g, '').replace(/\b(toThrow|toMatchObject|toEqual|beforeAll|beforeEach|afterEach|apply|NaN|null|undefined|Map|expect|not implemented)\b/g, '');
      if (/[a-z]{3,}/i.test(words)) expect(words, key).toMatch(/[а-яё]/i);
    }
  });
});

describe('wordPhrase', () => {
  it('fills parameters, nested phrases and lines in the reader language', () => {
    const diff = [phrase('difference', { path: 'status', expected: '"paid"', received: '"pending"' }), phrase('differenceNote', { path: 'items', expected: '2', received: '3', note: phrase('noteLength') })];
    const p = phrase('withSubject', { subject: 'order', message: phrase('toEqual', { actual: 'A', expected: 'B', differences: diff }) });
    expect(wordPhrase(p, 'en')).toBe(
      'expect(order): expected A\nto equal B\ndifferences:\n  • status: expected "paid", received "pending"\n  • items: expected 2, received 3 (arrays differ in length)',
    );
    expect(wordPhrase(p, 'ru')).toBe(
      'expect(order): ожидалось, что A\nравно B\nразличия:\n  • status: ожидалось "paid", получено "pending"\n  • items: ожидалось 2, получено 3 (у массивов разная длина)',
    );
  });

  it('words numbers as they are and gives null for an unknown key anywhere inside', () => {
    expect(wordPhrase(phrase('testTimedOut', { ms: 2000 }), 'ru')).toContain('2000 мс');
    expect(wordPhrase(phrase('thrown', { error: phrase('noSuchKey') }), 'ru')).toBeNull();
    expect(wordMessage('english text', phrase('noSuchKey'), 'ru')).toBe('english text');
    expect(wordMessage('english text', undefined, 'ru')).toBe('english text');
    expect(wordMessage('english text', phrase('suiteNoTests'), 'ru')).toBe('в наборе нет тестов');
  });
});

describe('bilingual texts and the starters’ placeholder', () => {
  it('say() joins both languages in one string; each reader gets theirs', () => {
    const text = say('the order items changed', 'позиции заказа изменились');
    expect(typeof text).toBe('string');
    expect(splitBilingual(text)).toEqual({ en: 'the order items changed', ru: 'позиции заказа изменились' });
    expect(englishOf(text)).toBe('the order items changed');
    expect(englishOf('plain')).toBe('plain');
    const labelled = phrase('labelled', { label: textPhrase(text), message: phrase('toBe', { actual: '1', expected: '2' }) });
    expect(wordPhrase(labelled, 'en')).toBe('the order items changed: expected 1 to be 2');
    expect(wordPhrase(labelled, 'ru')).toBe('позиции заказа изменились: ожидалось 2, получено 1');
  });

  it('"not implemented" (with or without what) is worded; other texts stay as written', () => {
    expect(wordPhrase(textPhrase('not implemented'), 'ru')).toMatch(/^ещё не реализовано: здесь должен быть ваш код/);
    expect(wordPhrase(textPhrase('not implemented: apply(OrderPaid)'), 'ru')).toMatch(/^ещё не реализовано \(apply\(OrderPaid\)\)/);
    expect(wordPhrase(textPhrase('Cannot pay a cancelled order'), 'ru')).toBe('Cannot pay a cancelled order');
    expect(textPhrase('not implemented at all, really')).toEqual(phrase('text', { text: 'not implemented at all, really' }));
  });

  it('a say() text inside a formatted value (a log entry the code copied it into) shows the reader’s half', () => {
    const value = JSON.stringify([{ error: say('the process "died"', 'процесс "упал"') }, { error: 'CARD_DECLINED' }]);
    const p = phrase('toEqual', { actual: value, expected: '[]', differences: '' });
    expect(wordPhrase(p, 'ru')).toContain('[{"error":"процесс \\"упал\\""},{"error":"CARD_DECLINED"}]');
    expect(wordPhrase(p, 'en')).toContain('[{"error":"the process \\"died\\""},{"error":"CARD_DECLINED"}]');
  });
});
