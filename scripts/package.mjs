// `npm run package`: builds the app, the Electron-ABI better-sqlite3 (via `npm start`'s step), then electron-builder.
// Needs the network for Electron's headers and zip; classrooms get the finished installers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const binding = path.join(root, '.cache', 'electron-sqlite', electronVersion, 'better_sqlite3.node');
if (spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root }).status !== 0) process.exit(1);
// What the installer ships of each exercise, from the one studentBuild() definition (no solution,
// mutants, hidden suites, nor a manifest naming them): dist/student-exercises/<id>/.
const studentBuild = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'electron/cli/studentBuild.ts', '--out', 'dist/student-exercises'], { stdio: 'inherit', cwd: root });
if (studentBuild.status !== 0) process.exit(1);
if (!fs.existsSync(binding)) {
  console.error(`Missing ${path.relative(root, binding)}: run \`npm start\` once on a machine with network access to build it.`);
  process.exit(1);
}
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), ...args], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, ELECTRON_VERSION: electronVersion },
});
process.exit(result.status ?? 1);
