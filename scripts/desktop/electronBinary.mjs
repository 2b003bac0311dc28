// Finds the Electron binary that `npm start` launches, without triggering a download. Electron ≥ 42 no longer
// downloads in `postinstall`: `require('electron')` downloads on first use and throws when it cannot, so
// `npm start` looks for the binary itself (the package's path.txt + dist/) and downloads at most once.
import fs from 'node:fs';
import path from 'node:path';

/** The installed binary's path, or null when it was never downloaded (or the download was incomplete). */
export function installedElectronBinary(electronDir, env = process.env) {
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative || 'electron');
    return fs.existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/** What `npm start` prints when the binary is missing and could not be downloaded. */
export function missingBinaryMessage(version, reason) {
  return [
    `The Electron ${version} binary is not installed and could not be downloaded${reason ? ` (${reason})` : ''}.`,
    "`npm install` never downloads it, so an offline install cannot fail. On a machine that can reach Electron's",
    'release host, `npm start` downloads it by itself the first time.',
    'Everything else works without it: `npm run web` serves the same app to a browser at http://127.0.0.1:5178',
  ].join('\n');
}

/** What `npm start` prints when the desktop build of SQLite has no prebuilt binary for this platform. */
export function missingSqliteMessage(binding) {
  return [
    `better-sqlite3 for the desktop app has no prebuilt binary for this platform (${binding} is missing).`,
    'Prebuilt binaries exist for Linux (glibc, musl), macOS and Windows on x64 and arm64 (see docs/electron.md).',
    'Everything else works without it: `npm run web` serves the same app to a browser at http://127.0.0.1:5178',
  ].join('\n');
}
