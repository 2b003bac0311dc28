// `npm start`: builds the app, then launches Electron. SQLite needs no build step: the desktop app uses
// better-sqlite3 13 (Node-API, prebuilt binaries inside the npm package; docs/electron.md) while the tests
// keep better-sqlite3 12 on Node 20. Where the Electron binary is missing it says so plainly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary, missingBinaryMessage, missingSqliteMessage } from './desktop/electronBinary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules/electron');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

if (run(process.execPath, [path.join(root, 'scripts/build.mjs')]).status !== 0) process.exit(1);

const electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
let electronBinary = installedElectronBinary(electronDir);
let reason;
if (!electronBinary) {
  // `npm install` never downloads Electron (allowScripts, and Electron ≥ 42 has no postinstall); fetch it now, once.
  console.log(`Downloading the Electron ${electronVersion} binary (first start only)…`);
  const download = run(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'] });
  if (download.status !== 0) reason = String(download.stderr).split('\n').find((l) => l.trim())?.trim() ?? 'no details';
  electronBinary = installedElectronBinary(electronDir);
}
if (!electronBinary) {
  console.error(missingBinaryMessage(electronVersion, reason));
  process.exit(1);
}

const binding = path.join(root, 'node_modules/better-sqlite3-electron/prebuilds', `${process.platform}-${process.arch}.node`);
if (!fs.existsSync(binding)) {
  console.error(missingSqliteMessage(path.relative(root, binding)));
  process.exit(1);
}

const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
