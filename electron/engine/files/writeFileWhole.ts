// Writing a file whole: the text goes to a temporary file beside it, which is then renamed over the
// target, so a reader (another process, the next start) sees the old file or the new one, never part of
// one. Used by every engine module that keeps a file others read: caches, hand-ins, reports, the harness.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface WriteWholeOptions {
  /** The new file's permission bits (default: the process's default). */
  mode?: number;
  /** The permission bits of folders made for it (default: the process's default). */
  dirMode?: number;
}

/** Writes `text` to `file` whole, making its folder; on failure no temporary file is left behind. */
export function writeFileWhole(file: string, text: string, options: WriteWholeOptions = {}): void {
  fs.mkdirSync(path.dirname(file), options.dirMode === undefined ? { recursive: true } : { recursive: true, mode: options.dirMode });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, text, options.mode === undefined ? 'utf8' : { encoding: 'utf8', mode: options.mode });
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
