// Language and theme switches, remembered between sessions.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useTheme, type ThemeChoice } from './theme';

export function HeaderControls() {
  const { t, i18n } = useTranslation();
  const { choice, setChoice } = useTheme();
  return (
    <div className="controls">
      <label className="control">
        <span>{t('language')}</span>
        <select
          data-testid="language-select"
          value={i18n.language}
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {lang === 'ru' ? 'Русский' : 'English'}
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        <span>{t('theme.label')}</span>
        <select data-testid="theme-select" value={choice} onChange={(e) => setChoice(e.target.value as ThemeChoice)}>
          {(['system', 'light', 'dark'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`theme.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="shortcut-hint">{t('shortcuts')}</p>
    </div>
  );
}
