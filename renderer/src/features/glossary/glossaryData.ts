// The course glossary (content/glossary.json), typed for the page and sorted for one language.
// The same file drives test/unit/content/glossary.test.ts, which checks the lesson, quiz, exercises and UI use it.
import data from '../../../../content/glossary.json';
import type { Language } from '../../i18n';

export interface GlossaryTerm {
  id: string;
  en: string;
  ru: string;
  definition: { en: string; ru: string };
}

export const GLOSSARY: readonly GlossaryTerm[] = data.terms.map(({ id, en, ru, definition }) => ({ id, en, ru, definition }));

/** Terms in the reader's alphabetical order, each with its name in the other language. */
export function termsFor(lang: Language, filter = ''): Array<{ id: string; name: string; other: string; definition: string }> {
  const other: Language = lang === 'ru' ? 'en' : 'ru';
  const needle = filter.trim().toLocaleLowerCase(lang);
  return GLOSSARY.map((t) => ({ id: t.id, name: t[lang], other: t[other], definition: t.definition[lang] }))
    .filter((t) => !needle || [t.name, t.other, t.definition].some((s) => s.toLocaleLowerCase(lang).includes(needle)))
    .sort((a, b) => a.name.localeCompare(b.name, lang, { sensitivity: 'base' }));
}
