// A text that travels as a code with parameters and is worded where it is read (the results panel in
// the UI's language, grading reports in the report language): { key, args }. An argument is a plain
// value (a formatted value, a name from the code, the student's own text: shown as it is), another
// phrase, or a list of phrases (one line each). Also the bilingual text form authors of tests use
// (`say('english', 'русский')`, one string that still type-checks wherever a string is expected) and
// how a thrown message is read into a phrase. Import-free: the sandbox's harness and the suites'
// bundles (givenWhenThen) build phrases too.

export interface Phrase {
  key: string;
  args?: { [name: string]: PhraseArg };
}
export type PhraseArg = string | number | Phrase | Phrase[];

export function phrase(key: string, args?: { [name: string]: PhraseArg }): Phrase {
  return args ? { key, args } : { key };
}

/** Joins an English and a Russian text: `say('english', 'русский')`. */
export const BILINGUAL_SEPARATOR = '\u241E';

export function say(en: string, ru: string): string {
  return `${en}${BILINGUAL_SEPARATOR}${ru}`;
}

/** The two halves of a `say()` text, or null for an ordinary text. */
export function splitBilingual(text: string): { en: string; ru: string } | null {
  const at = text.indexOf(BILINGUAL_SEPARATOR);
  if (at < 0) return null;
  return { en: text.slice(0, at), ru: text.slice(at + BILINGUAL_SEPARATOR.length) };
}

/** The English half of a `say()` text (the text itself when it is not bilingual): for logs and the CLI. */
export function englishOf(text: string): string {
  return splitBilingual(text)?.en ?? text;
}

/** "not implemented", "not implemented: pay": the starters' placeholder (`throw new Error('not implemented…')`). */
const NOT_IMPLEMENTED = /^not implemented(?:\s*:\s*([^\n]{1,200}))?$/;

/**
 * A message as a phrase: a `say()` text is worded in the reader's language, the starters' "not
 * implemented" is ours and worded too; anything else is shown as it is (the student's own text).
 */
export function textPhrase(text: string): Phrase {
  const both = splitBilingual(text);
  if (both) return phrase('bilingual', { en: both.en, ru: both.ru });
  // Only a short text can be the placeholder (and a huge one is never copied here: memory is tight in the sandbox).
  const m = text.length <= 300 ? NOT_IMPLEMENTED.exec(text.trim()) : null;
  if (m) return m[1] ? phrase('notImplementedWhat', { what: m[1] }) : phrase('notImplemented');
  return phrase('text', { text });
}
