// Electron entry point (bundled to dist/electron/main.cjs). `--version` answers and exits before anything
// starts (no window, no single-instance lock); everything else lives in startMain().
import './packagedEsbuild'; // first: points esbuild at its unpacked binary before esbuild is loaded
import * as electron from 'electron';
import { resolveMainPaths, startMain } from './startMain';
import { mainStrings } from './strings';
import { runtimeVersions, versionText, wantsVersion } from './version';

const { app, dialog } = electron;

if (wantsVersion(process.argv.slice(1))) {
  process.stdout.write(versionText(app.getName(), app.getVersion(), runtimeVersions(process.versions)));
  app.exit(0);
} else {
  const paths = resolveMainPaths(app.getAppPath(), app.isPackaged, process.resourcesPath, process.platform, process.arch);
  startMain(electron, paths).ready.catch((err: unknown) => {
    dialog.showErrorBox(mainStrings(app.getLocale()).startFailed(app.getName()), err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}
