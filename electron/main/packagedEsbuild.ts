// The test runner bundles students' code with esbuild, which spawns its native binary. In a packaged app
// that binary sits inside app.asar, where nothing can be spawned, so electron-builder.yml unpacks it and
// this points esbuild at the unpacked copy. It must run before esbuild's module is loaded (esbuild reads
// ESBUILD_BINARY_PATH once, on load): main.ts imports this module first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The unpacked esbuild binary for a main bundle inside `<resources>/app.asar`, or null outside an archive. */
export function packagedEsbuildBinary(mainFile: string, platform: NodeJS.Platform, arch: string): string | null {
  const marker = `${path.sep}app.asar${path.sep}`;
  const at = mainFile.indexOf(marker);
  if (at < 0) return null;
  const resources = mainFile.slice(0, at);
  const binary = platform === 'win32' ? 'esbuild.exe' : path.join('bin', 'esbuild');
  return path.join(resources, 'app.asar.unpacked', 'node_modules', '@esbuild', `${platform}-${arch}`, binary);
}

const binary = packagedEsbuildBinary(fileURLToPath(import.meta.url), process.platform, process.arch);
if (binary && !process.env.ESBUILD_BINARY_PATH) process.env.ESBUILD_BINARY_PATH = binary;
