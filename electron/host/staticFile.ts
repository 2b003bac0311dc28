// Maps a request path to a file of the built renderer, for both shells (app:// and the web host).
import fs from 'node:fs';
import path from 'node:path';

/** The file under `rootDir` that `pathname` names; anything outside it, missing, or not a file gets index.html. */
export function resolveStaticFile(rootDir: string, pathname: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Not validly percent-encoded: no file can have that name (the web host answers 400 before this).
    return path.join(rootDir, 'index.html');
  }
  const relative = path.normalize(decoded).replace(/^([/\\])+/, '');
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
