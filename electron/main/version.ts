// What the packaged app says about its own version, so an instructor's IT department can check it offline:
// `Replayground --version` prints it and exits, and the About panel shows the same runtime line.
import type { AboutPanelOptionsOptions } from 'electron';
import { mainStrings, type RuntimeVersions } from './strings';

/** True when the command line asks for the version (`--version`), wherever it stands. */
export function wantsVersion(argv: readonly string[]): boolean {
  return argv.includes('--version');
}

/** Reads the runtime versions from `process.versions` (Electron adds `electron` and `chrome`). */
export function runtimeVersions(versions: NodeJS.ProcessVersions): RuntimeVersions {
  return { electron: versions.electron ?? 'none', chrome: versions.chrome ?? 'none', node: versions.node };
}

/** The `--version` output: the app's version on the first line, the runtime on the second (machine-readable keys). */
export function versionText(appName: string, appVersion: string, runtime: RuntimeVersions): string {
  return `${appName} ${appVersion}\nelectron=${runtime.electron} chromium=${runtime.chrome} node=${runtime.node}\n`;
}

/** The About panel: the app's version together with the Electron it ships, on every platform. */
export function aboutPanelOptions(appName: string, appVersion: string, runtime: RuntimeVersions, locale: string | undefined): AboutPanelOptionsOptions {
  const line = mainStrings(locale).runtime(runtime);
  return {
    applicationName: appName,
    // Linux shows only name, version, copyright, authors and website: the runtime goes into the version line.
    applicationVersion: `${appVersion} (${line})`,
    version: `Electron ${runtime.electron}`,
    credits: line,
    copyright: 'Copyright © 2026 Replayground authors',
  };
}
