// `npm start`: builds the app, makes sure better-sqlite3 has a binary for Electron's ABI (kept apart from the
// Node build the tests use), then launches Electron. Where the Electron binary is missing it says so plainly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

if (run(process.execPath, [path.join(root, 'scripts/build.mjs')]).status !== 0) process.exit(1);

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
function electronBinaryPath() {
  try {
    const binary = require('electron'); // the npm package exports the binary's path, and throws when it was never downloaded
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
let electronBinary = electronBinaryPath();
if (!electronBinary) {
  // `npm install` skips Electron's download (allowScripts) so an offline install never fails; fetch it now, once.
  console.log(`Downloading the Electron ${electronVersion} binary (first start only)…`);
  const download = run(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { stdio: ['ignore', 'inherit', 'pipe'] });
  if (download.status !== 0) console.error(`The download failed: ${String(download.stderr).split('\n').find((l) => l.trim()) ?? 'no details'}`);
  electronBinary = electronBinaryPath();
}
if (!electronBinary) {
  console.error(
    [
      `The Electron ${electronVersion} binary is not installed and could not be downloaded (no network?).`,
      'On a machine that can reach Electron\'s release host, `npm start` downloads it by itself.',
      'Everything else works without it: `npm run web` serves the same app to a browser at http://127.0.0.1:5178',
    ].join('\n'),
  );
  process.exit(1);
}

// better-sqlite3 for Electron's ABI, built once per Electron version into .cache/ (never over the Node build).
const bindingDir = path.join(root, '.cache', 'electron-sqlite', electronVersion);
const binding = path.join(bindingDir, 'better_sqlite3.node');
if (!fs.existsSync(binding)) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
  const work = path.join(root, '.cache', 'electron-sqlite', 'src');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
  const nodeGyp = process.env.npm_config_node_gyp ?? 'node-gyp';
  const gyp = run(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: work });
  if (gyp.status !== 0) {
    console.error('Could not build better-sqlite3 for Electron (it needs Electron\'s headers from electronjs.org and a C++ toolchain).');
    process.exit(1);
  }
  fs.mkdirSync(bindingDir, { recursive: true });
  fs.copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), binding);
}

const child = spawn(electronBinary, [root], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
