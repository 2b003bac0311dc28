// A test result in the UI's language: its Russian name (from the suite's `ruNames`) in a Russian UI,
// and its messages worded from their phrases (code + parameters) with the `exercises:msg.*` texts.
// The English name and message are the fallback (results stored before phrases existed).
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

export function messageText(message: string | null | undefined, phrase: Phrase | undefined, language: string): string | null {
  return wordMessage(message, phrase, uiLang(language), lookup);
}
