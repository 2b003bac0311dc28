// The Electron main process, the preload and the runner's sandbox harness, each bundled by esbuild into one
// CommonJS file. `production` (packaging) minifies main and preload and writes no source maps: the engine,
// the playground's reference domain included, then exists in an installed app only as minified code inside
// main.cjs, never as readable source (docs/electron.md, "What the student build ships").
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export async function buildElectron({ root, outDir = path.join(root, 'dist/electron'), production = false }) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    // Minified, but class and function names stay: errors and results show them, and code compares them.
    keepNames: production,
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: path.join(outDir, 'main.cjs'),
    // The desktop app's SQLite is better-sqlite3 13 (a Node-API build that Electron can load; see
    // docs/electron.md), bundled in; its native binary is passed as `nativeBinding` at start. The tests
    // and the web host keep better-sqlite3 12 on Node 20. esbuild is used at run time by the test runner.
    alias: { 'better-sqlite3': 'better-sqlite3-electron' },
    external: ['electron', 'esbuild'],
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: path.join(outDir, 'preload.cjs'), external: ['electron'] });
  // The test runner's sandbox harness, prebuilt: a packaged app has no TypeScript sources to bundle it from.
  // Not minified: it holds no reference code, and its messages and frames reach students' results.
  await build({
    ...common,
    sourcemap: false,
    minify: false,
    keepNames: false,
    entryPoints: ['electron/engine/runner/sandbox/child.ts'],
    outfile: path.join(outDir, 'runner-harness.cjs'),
    banner: { js: "'use strict';" },
  });
  // Maps left by an earlier development build would carry the sources (sourcesContent) into the installer.
  if (production) for (const f of fs.readdirSync(outDir)) if (f.endsWith('.map')) fs.rmSync(path.join(outDir, f));
  return outDir;
}
