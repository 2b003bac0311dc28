// A test result in the UI's language: its Russian name (from the suite's `ruNames`) in a Russian UI,
// and its messages worded from their phrases (code + parameters) with the `exercises:msg.*` texts.
// The English name and message are the fallback (results stored before phrases existed). Suites are
// headed by their titles, never their ids.
import { i18next } from '../../../i18n';
import type { Phrase } from '@common/phrase';
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
