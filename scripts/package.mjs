// `npm run package`: the production build (main and preload minified, no source maps), the student build
// staged in .cache/student-build/ (the exercises from the one studentBuild() definition: no solution, mutants,
// hidden suites, nor a manifest naming them; the engine modules exercise suites import, stopping if one is
// a reference implementation), then electron-builder (electron-builder.yml). SQLite's native binary for each
// platform comes prebuilt with better-sqlite3 13 (node_modules/better-sqlite3-electron/prebuilds), so nothing
// is compiled. Needs the network for Electron's zip; classrooms get the finished installers.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const step = (args) => {
  if (spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root }).status !== 0) process.exit(1);
};
step([path.join(root, 'scripts/build.mjs'), '--production']);
step([tsx, 'electron/cli/studentBuild.ts', '--out', '.cache/student-build/exercises']);
step([tsx, path.join(root, 'scripts/packaging/stageStudentEngine.ts')]);

const args = process.argv.slice(2);
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), ...args], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
