// The status bar's profile control: who is working, and two clicks to switch to another profile;
// also a new profile, editing the name / student id, and "Remove my data from this machine".
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, type MethodOutput } from '../../bridge';
import { activeProfile, createProfile, pickProfile, removeProfile, updateProfile, useProfiles } from './profileStore';
import { ProfileForm } from './ProfileForm';
import { profileError, profileName } from './profileText';
import './strings';
import './profiles.css';

type Panel = 'menu' | 'new' | 'edit' | 'remove' | null;

export function ProfileMenu() {
  const { t } = useTranslation('profiles');
  const state = useProfiles();
  const me = activeProfile(state);
  const [panel, setPanel] = useState<Panel>(null);
  const [summary, setSummary] = useState<MethodOutput<'profiles.summary'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!panel) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setPanel(null);
        toggle.current?.focus();
      }
    };
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setPanel(null);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [panel]);

  if (!me) return null;
  const others = state.profiles.filter((p) => p.id !== me.id);

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(profileError(t, err));
    }
  }

  async function askRemove() {
    setError(null);
    setSummary(await invoke('profiles.summary', { id: me!.id }));
    setPanel('remove');
  }

  return (
    <div className="profile-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="profile-toggle"
        aria-haspopup="true"
        aria-expanded={panel !== null}
        data-testid="profile-menu"
        onClick={() => setPanel(panel ? null : 'menu')}
      >
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" className="profile-icon">
          <circle cx="8" cy="5" r="3.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M2 15c.6-3.3 3-5 6-5s5.4 1.7 6 5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>{' '}
        {t('menuLabel', { name: profileName(t, me) })}
      </button>
      {panel && (
        <div className="profile-popover card" role="group" aria-label={t('menuTitle')} data-testid="profile-popover">
          {panel === 'menu' && (
            <>
              {others.length > 0 && (
                <ul className="profile-switch-list">
                  {others.map((p) => (
                    <li key={p.id}>
                      <button type="button" data-testid="profile-switch" onClick={() => void run(() => pickProfile(p.id))}>
                        {t('switchTo', { name: profileName(t, p) })}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" onClick={() => setPanel('new')} data-testid="profile-menu-new">+ {t('newProfile')}</button>
              <button type="button" onClick={() => setPanel('edit')} data-testid="profile-menu-edit">{t('edit')}</button>
              <button type="button" className="danger" onClick={() => void run(askRemove)} data-testid="profile-menu-remove">{t('remove')}</button>
            </>
          )}
          {panel === 'new' && (
            <>
              <h2 className="profile-subtitle">{t('newProfile')}</h2>
              <ProfileForm submitLabel={t('create')} autoFocus onSubmit={createProfile} onCancel={() => setPanel('menu')} />
            </>
          )}
          {panel === 'edit' && (
            <>
              <h2 className="profile-subtitle">{t('editTitle')}</h2>
              <ProfileForm
                initial={{ name: me.name ?? '', studentId: me.studentId ?? '' }}
                submitLabel={t('save')}
                autoFocus
                onSubmit={async (name, sid) => {
                  await updateProfile(me.id, name, sid);
                  setPanel(null);
                }}
                onCancel={() => setPanel('menu')}
              />
            </>
          )}
          {panel === 'remove' && summary && (
            <div role="alertdialog" aria-labelledby="profile-remove-title" aria-describedby="profile-remove-body">
              <h2 id="profile-remove-title" className="profile-subtitle">{t('removeTitle', { name: profileName(t, me) })}</h2>
              <p id="profile-remove-body">{t('removeBody', summary)}</p>
              <div className="profile-actions">
                <button type="button" autoFocus onClick={() => setPanel('menu')}>{t('cancel')}</button>
                <button type="button" className="primary danger-fill" data-testid="profile-remove-confirm" onClick={() => void run(() => removeProfile(me.id))}>
                  {t('removeConfirm')}
                </button>
              </div>
            </div>
          )}
          {error && <p className="profile-error" role="alert">{error}</p>}
        </div>
      )}
    </div>
  );
}
