// i18n for the whole UI: Russian and English, default from the OS/browser language, the choice remembered.
// Each feature registers its own namespace with registerStrings(); t('ns:key') or useTranslation('ns').
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { shellStrings } from './shellStrings';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'replayground.language';

export function detectLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'ru' || saved === 'en') return saved;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.some((l) => l.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

type Strings = { [key: string]: string | Strings };
export type StringBundle = { en: Strings; ru: Strings };

export function registerStrings(namespace: string, bundle: StringBundle): void {
  for (const lang of LANGUAGES) i18next.addResourceBundle(lang, namespace, bundle[lang], true, true);
}

void i18next.use(initReactI18next).init({
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'shell',
  ns: ['shell'],
  resources: { en: { shell: shellStrings.en }, ru: { shell: shellStrings.ru } },
  interpolation: { escapeValue: false }, // React already escapes
  initImmediate: false,
} as Parameters<typeof i18next.init>[0]);
document.documentElement.lang = i18next.language;

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function currentLanguage(): Language {
  return i18next.language === 'ru' ? 'ru' : 'en';
}

export { i18next };
