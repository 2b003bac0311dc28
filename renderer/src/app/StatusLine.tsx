// The status line: is the engine connected, over which transport, which version; who is working.
import { useTranslation } from 'react-i18next';
import { useConnection } from './connection';
import { ProfileMenu } from '../features/profiles/ProfileMenu';

export function StatusLine() {
  const { t } = useTranslation();
  const { connected, transport, version } = useConnection();
  return (
    <footer className="status-line" role="status" data-testid="status-line" data-connected={connected}>
      <span className={connected ? 'dot dot-ok' : 'dot dot-bad'} aria-hidden="true" />
      <span>{connected ? t('status.connected') : t('status.disconnected')}</span>
      <span className="muted">{t('status.via', { transport: transport === 'ipc' ? 'IPC' : 'HTTP' })}</span>
      {version && <span className="muted">v{version}</span>}
      <ProfileMenu />
    </footer>
  );
}
