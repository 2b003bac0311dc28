// Where user data lives by default: the same folder Electron uses for app.getPath('userData'),
// so the desktop app and `npm run web` share one student's progress.
import os from 'node:os';
import path from 'node:path';

export function defaultUserDataDir(appName = 'Replayground'): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', appName);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
}
