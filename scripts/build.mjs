// `npm run build`: the renderer (Vite), the Electron main + preload (esbuild, one CommonJS file each), and the
// lessons' code highlighted into .cache/code-highlight, which the app ships (electron/cli/shipHighlights.ts).
// `node scripts/build.mjs [renderer|electron] [--production]`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build/electronBundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith('--')); // 'renderer' | 'electron' | undefined (both)
const production = args.includes('--production');

if (only !== 'electron') {
  const vite = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  console.log('renderer → dist/renderer');
}
if (only !== 'renderer') {
  // `--production` (packaging): minified, no source maps.
  await buildElectron({ root, production });
  console.log(`electron main + preload + runner harness → dist/electron${production ? ' (minified, no source maps)' : ''}`);
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  const shipped = spawnSync(process.execPath, [tsx, 'electron/cli/shipHighlights.ts'], { cwd: root, stdio: 'inherit' });
  if (shipped.status !== 0) process.exit(shipped.status ?? 1);
}
