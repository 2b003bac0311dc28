// `npm run typecheck`: every TypeScript project in the repository, strict — the engine + Electron + tests,
// the renderer, the e2e suite, and each exercise package (its own tsconfig maps the flat workspace).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const projects = ['tsconfig.json', 'renderer/tsconfig.json', 'test/e2e/tsconfig.json'];
for (const dir of ['exercises', 'test/fixtures/exercises']) {
  const base = path.join(root, dir);
  if (!fs.existsSync(base)) continue;
  for (const id of fs.readdirSync(base).sort()) {
    const config = path.join(dir, id, 'tsconfig.json');
    if (fs.existsSync(path.join(root, config))) projects.push(config);
  }
}
let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: root, stdio: 'inherit' });
  console.log(`${result.status === 0 ? 'ok  ' : 'FAIL'} ${project}`);
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
