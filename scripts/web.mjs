// `npm run web [-- --port N --data DIR] [--no-build]`: builds the renderer (unless told not to),
// then starts the web host in this process's foreground so Ctrl+C stops it cleanly.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const hostArgs = args.filter((a) => a !== '--no-build');

if (!skipBuild) {
  console.log('Building the renderer…');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/host/main.ts'), ...hostArgs], {
  cwd: root,
  stdio: 'inherit',
});
// The host handles SIGINT itself; forward it and leave when it does.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
