// Maps a request path to a file of the built renderer, for both shells (app:// and the web host).
import fs from 'node:fs';
import path from 'node:path';

/** The file under `rootDir` that `pathname` names; anything outside it, missing, or not a file gets index.html. */
export function resolveStaticFile(rootDir: string, pathname: string): string {
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const file = path.resolve(rootDir, relative);
  if (!file.startsWith(path.resolve(rootDir)) || !isFile(file)) return path.join(rootDir, 'index.html');
  return file;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
