// `npm run test:e2e`: checks for Chromium, builds the renderer when it is missing or older than its sources,
// runs the Playwright suite with vitest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}.\nInstall Debian's Chromium with:  sudo apt-get install -y chromium\n(or point CHROMIUM_PATH at a Chromium binary).`);
  process.exit(1);
}
/** Newest modification time under `dir` (files only), 0 when it does not exist. */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  const stat = fs.statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(dir, entry.name)));
  }
  return newest;
}

// The renderer's inputs: its own sources, the engine code it imports (common + the API contract),
// and the build config. A build older than any of them is stale and is rebuilt, never tested.
const RENDERER_INPUTS = ['renderer', 'electron/engine/common', 'electron/engine/api/contract.ts', 'electron/engine/api/defineMethod.ts', 'electron/engine/api/methods', 'vite.config.ts', 'package.json'];
const builtIndex = path.join(root, 'dist/renderer/index.html');
const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
const stale = RENDERER_INPUTS.some((p) => newestMtime(path.join(root, p)) > builtAt);
if (stale) console.log(builtAt ? 'dist/renderer is older than its sources: rebuilding it.' : 'dist/renderer is missing: building it.');
if (stale || process.argv.includes('--build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const args = process.argv.slice(2).filter((a) => a !== '--build');
// `--config` picks another suite on the same set-up (`npm run screenshots` uses the page tour's).
const config = args.includes('--config') ? [] : ['--config', 'vitest.e2e.config.ts'];
const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...config, ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
