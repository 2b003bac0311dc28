// Electron entry point (bundled to dist/electron/main.cjs). Everything real lives in startMain().
import * as electron from 'electron';
import { resolveMainPaths, startMain } from './startMain';

const paths = resolveMainPaths(electron.app.getAppPath(), electron.app.isPackaged, process.resourcesPath, process.versions.electron ?? '');
startMain(electron, paths).ready.catch((err: unknown) => {
  electron.dialog.showErrorBox('Replayground could not start', err instanceof Error ? err.message : String(err));
  electron.app.exit(1);
});
