// The start screen of a shared machine: "Who is working?" — the profiles (last used first, one click to
// continue) and a form to create one. Shown before any page, so nothing of another student is on screen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';
import { createProfile, pickProfile, useProfiles } from './profileStore';
import { ProfileForm } from './ProfileForm';
import { profileError, profileName, when } from './profileText';

export function ProfilePicker() {
  const { t, i18n } = useTranslation('profiles');
  const { profiles, migratedId } = useProfiles();
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(profiles.length === 0);

  async function pick(id: string) {
    setError(null);
    try {
      await pickProfile(id);
    } catch (err) {
      setError(profileError(t, err));
    }
  }

  return (
    <div className="profile-screen" data-testid="profile-picker">
      <main className="profile-card card" aria-labelledby="profile-pick-title">
        <div className="profile-head">
          <h1 id="profile-pick-title">{t('pickTitle')}</h1>
          <select aria-label={t('shell:language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="profile-language">
            {LANGUAGES.map((lang) => <option key={lang} value={lang}>{lang === 'ru' ? 'Русский' : 'English'}</option>)}
          </select>
        </div>
        <p className="muted">{t('pickExplain')}</p>
        {profiles.length > 0 && (
          <ul className="profile-list">
            {profiles.map((p, i) => (
              <li key={p.id}>
                <button type="button" className={i === 0 ? 'profile-choice primary' : 'profile-choice'} autoFocus={i === 0} onClick={() => void pick(p.id)} data-testid="profile-choice">
                  <span className="profile-choice-name">{t('continueAs', { name: profileName(t, p) })}</span>
                  <span className="profile-choice-meta">
                    {[p.studentId, p.lastUsedAt ? t('lastUsed', { when: when(p.lastUsedAt, i18n.language) }) : null].filter(Boolean).join(' · ')}
                  </span>
                </button>
                {p.id === migratedId && <p className="muted profile-migrated">{t('migrated')}</p>}
              </li>
            ))}
          </ul>
        )}
        {error && <p className="profile-error" role="alert">{error}</p>}
        {creating ? (
          <section aria-label={t('newProfile')}>
            {profiles.length > 0 && <h2 className="profile-subtitle">{t('notListed')}</h2>}
            <ProfileForm submitLabel={t('create')} autoFocus={profiles.length === 0} onSubmit={createProfile} onCancel={profiles.length > 0 ? () => setCreating(false) : undefined} />
          </section>
        ) : (
          <button type="button" className="profile-new" onClick={() => setCreating(true)} data-testid="profile-new">+ {t('newProfile')}</button>
        )}
      </main>
    </div>
  );
}
