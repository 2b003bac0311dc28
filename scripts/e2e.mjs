// `npm run test:e2e`: checks for Chromium, builds the renderer when needed, runs the Playwright suite with vitest.
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
if (!fs.existsSync(path.join(root, 'dist/renderer/index.html')) || process.argv.includes('--build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const args = process.argv.slice(2).filter((a) => a !== '--build');
const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts', ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
