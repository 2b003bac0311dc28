// A test result in the UI's language: its Russian name (from the suite's `ruNames`) in a Russian UI,
// and its messages worded from their phrases (code + parameters) with the `exercises:msg.*` texts.
// The English name and message are the fallback (results stored before phrases existed). Suites are
// headed by their titles, never their ids.
import { i18next } from '../../../i18n';
import { splitBilingual, type Phrase } from '@common/phrase';
import { wordMessage, type TestWordsLang } from '@common/testWords';

export function uiLang(language: string): TestWordsLang {
  return language.startsWith('ru') ? 'ru' : 'en';
}

/** The lookup of a phrase's text in the `exercises` namespace (its `msg` texts). */
const lookup = (lang: TestWordsLang, key: string): string | undefined => {
  const text: unknown = i18next.getResource(lang, 'exercises', `msg.${key}`);
  return typeof text === 'string' ? text : undefined;
};

export function testName(test: { name: string; name_ru?: string }, language: string): string {
  return uiLang(language) === 'ru' && test.name_ru ? test.name_ru : test.name;
}

/**
 * A suite's heading: its title in the UI's language (carried by the result, or the open exercise's
 * title for results stored before titles existed); the id only when neither is known.
 */
export function suiteTitle(suite: { id: string; title?: { en: string; ru: string } }, viewTitle: string | undefined, language: string): string {
  return suite.title?.[uiLang(language)] ?? viewTitle ?? suite.id;
}

export function messageText(message: string | null | undefined, phrase: Phrase | undefined, language: string): string | null {
  return wordMessage(message, phrase, uiLang(language), lookup);
}

/**
 * A scenario value (given events, the command, expected and actual events) with every `say()` text in
 * it, e.g. a simulated service's error copied into a log entry, shown in the UI's language.
 */
export function readerValue(value: unknown, language: string, depth = 0): unknown {
  if (typeof value === 'string') {
    const both = splitBilingual(value);
    return both ? both[uiLang(language)] : value;
  }
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((x) => readerValue(x, language, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, readerValue(x, language, depth + 1)]));
}
