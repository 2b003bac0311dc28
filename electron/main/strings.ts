// Texts the main process shows itself (menu labels, the About panel, the start-up error box), in Russian
// and English. The language follows the operating system's (app.getLocale()); the renderer has its own.
export type MainLanguage = 'ru' | 'en';

export interface MainStrings {
  view: string;
  help: string;
  about: (appName: string) => string;
  startFailed: (appName: string) => string;
  /** One line naming the runtime inside the app, for the About panel and `--version`. */
  runtime: (v: RuntimeVersions) => string;
}

export interface RuntimeVersions {
  electron: string;
  chrome: string;
  node: string;
}

const STRINGS: Record<MainLanguage, MainStrings> = {
  en: {
    view: 'View',
    help: 'Help',
    about: (name) => `About ${name}`,
    startFailed: (name) => `${name} could not start`,
    runtime: (v) => `Electron ${v.electron}, Chromium ${v.chrome}, Node.js ${v.node}`,
  },
  ru: {
    view: 'Вид',
    help: 'Справка',
    about: (name) => `О программе ${name}`,
    startFailed: (name) => `Не удалось запустить ${name}`,
    runtime: (v) => `Electron ${v.electron}, Chromium ${v.chrome}, Node.js ${v.node}`,
  },
};

/** 'ru' for any Russian locale (ru, ru-RU, ru_UA …), else 'en'. */
export function mainLanguage(locale: string | undefined): MainLanguage {
  return /^ru\b|^ru[-_]/i.test(locale ?? '') ? 'ru' : 'en';
}

export function mainStrings(locale: string | undefined): MainStrings {
  return STRINGS[mainLanguage(locale)];
}
