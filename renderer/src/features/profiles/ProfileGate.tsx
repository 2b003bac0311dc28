// Shows the app only once someone has said who is working (and hides it while the profile changes).
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadProfiles, useProfiles } from './profileStore';
import { ProfilePicker } from './ProfilePicker';
import './strings';
import './profiles.css';

export function ProfileGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { loaded, loadError, confirmed, switching } = useProfiles();
  useEffect(() => {
    void loadProfiles();
  }, []);
  if (!loaded) {
    return (
      <div className="profile-screen">
        {loadError ? (
          <p role="alert">
            {t('pageError', { message: loadError })} <button onClick={() => void loadProfiles()}>{t('retry')}</button>
          </p>
        ) : (
          <p>{t('loading')}</p>
        )}
      </div>
    );
  }
  if (switching) return <div className="profile-screen"><p role="status">{t('profiles:switching')}</p></div>;
  if (!confirmed) return <ProfilePicker />;
  return <>{children}</>;
}
