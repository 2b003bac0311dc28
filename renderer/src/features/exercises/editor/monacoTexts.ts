// Monaco's own texts (the right-click menu, the find widget, hover actions, the command palette) in the
// app's language. Monaco reads them from a global table while its modules load, so for Russian the table
// of monaco-editor's own translation (225 KB) is loaded before Monaco; English is built into Monaco, and
// an English window loads nothing extra. Monaco loads once per window: after a change of language its
// texts follow at the next start of the app, while the app's own texts change at once.
// (Imports the app's i18n, so the language is known even when this runs from the app's first module.)
import { currentLanguage } from '../../../i18n';

/** Loads the table of Monaco's texts for the app's current language (nothing for English). */
export function loadMonacoTexts(language: string = currentLanguage()): Promise<void> {
  return language === 'ru' ? import('monaco-editor/nls/lang/ru').then(() => undefined) : Promise.resolve();
}
