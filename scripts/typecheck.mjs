// `npm run typecheck`: every TypeScript project in the repository, strict — the engine + Electron + tests,
// the renderer, the e2e suite, and each exercise package (its own tsconfig maps the flat workspace).
import { spawn } from 'node:child_process';
import os from 'node:os';
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
/** Runs `tsc --noEmit` on one project; resolves with its exit code and everything it printed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

// As many compilers at once as there are cores; each project's output is printed whole, in order.
const results = new Array(projects.length);
let next = 0;
async function worker() {
  while (next < projects.length) {
    const i = next++;
    results[i] = check(projects[i]);
    await results[i];
  }
}
await Promise.all(Array.from({ length: Math.min(projects.length, os.availableParallelism()) }, worker));
let failed = 0;
for (let i = 0; i < projects.length; i++) {
  const { code, output } = await results[i];
  process.stdout.write(output);
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${projects[i]}`);
  if (code !== 0) failed++;
}
process.exit(failed ? 1 : 0);
