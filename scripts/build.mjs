// `npm run build`: the renderer (Vite) and the Electron main + preload (esbuild, one CommonJS file each).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]; // 'renderer' | 'electron' | undefined (both)

if (only !== 'electron') {
  const vite = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  console.log('renderer → dist/renderer');
}
if (only !== 'renderer') {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
  await build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // The desktop app's SQLite is better-sqlite3 13 (a Node-API build that Electron can load; see
    // docs/electron.md), bundled in; its native binary is passed as `nativeBinding` at start. The tests
    // and the web host keep better-sqlite3 12 on Node 20. esbuild is used at run time by the test runner.
    alias: { 'better-sqlite3': 'better-sqlite3-electron' },
    external: ['electron', 'esbuild'],
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
  // The test runner's sandbox harness, prebuilt: a packaged app has no TypeScript sources to bundle it from.
  await build({
    ...common,
    sourcemap: false,
    entryPoints: ['electron/engine/runner/sandbox/child.ts'],
    outfile: 'dist/electron/runner-harness.cjs',
    banner: { js: "'use strict';" },
  });
  console.log('electron main + preload + runner harness → dist/electron');
}
