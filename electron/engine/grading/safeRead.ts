// Reads one file a student handed in without ever letting it stop the class: never follows a symlink,
// never blocks on a FIFO or device, never reads more than the limit, and decodes text strictly. Every
// problem is a value (a status plus a reason naming the cause), never a throw.
import fs from 'node:fs';
import { sha256Hex } from './sha256';

/** Why a file could not be taken: each becomes the status of that student's row. */
export type FileProblem = 'unreadable' | 'too_large' | 'not_utf8' | 'not_a_file' | 'symlink';

export type SafeRead =
  | { ok: true; text: string; sha256: string; bytes: number; mtimeMs: number }
  | { ok: false; status: FileProblem; reason: string };

const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = fs.constants;

/** What kind of thing a path is, without following a link; null when even that cannot be read. */
export function lstatKind(abs: string): { kind: 'file' | 'dir' | 'symlink' | 'other'; error?: undefined } | { kind: null; error: string } {
  try {
    const st = fs.lstatSync(abs);
    if (st.isSymbolicLink()) return { kind: 'symlink' };
    if (st.isDirectory()) return { kind: 'dir' };
    if (st.isFile()) return { kind: 'file' };
    return { kind: 'other' };
  } catch (err) {
    return { kind: null, error: errorCode(err) };
  }
}

/** Where a symlink points, for the row's note ("→ /etc/passwd"); '?' when unreadable. */
export function linkTarget(abs: string): string {
  try {
    return fs.readlinkSync(abs);
  } catch {
    return '?';
  }
}

export function errorCode(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code ?? (e?.message ? e.message.split('\n')[0]! : String(err));
}

/**
 * Reads a regular file of at most `maxBytes` as text. Opened with O_NOFOLLOW | O_NONBLOCK and checked
 * with fstat on the open descriptor, so a link, FIFO or device swapped in after listing is refused too.
 */
export function readTextFile(abs: string, maxBytes: number): SafeRead {
  let fd: number;
  try {
    fd = fs.openSync(abs, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ELOOP') return { ok: false, status: 'symlink', reason: `symbolic link to ${linkTarget(abs)}; not followed` };
    if (code === 'EISDIR') return { ok: false, status: 'not_a_file', reason: 'a folder where a file should be' };
    return { ok: false, status: 'unreadable', reason: `cannot be read (${code})` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { ok: false, status: 'not_a_file', reason: 'a folder where a file should be' };
    if (!st.isFile()) return { ok: false, status: 'not_a_file', reason: 'not a regular file (a pipe, socket or device); not read' };
    if (st.size > maxBytes) return { ok: false, status: 'too_large', reason: `${st.size} bytes, more than the limit of ${maxBytes}` };
    // Read at most one byte past the limit: a file that grows after fstat is still caught.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) break;
    }
    if (got > maxBytes) return { ok: false, status: 'too_large', reason: `more than the limit of ${maxBytes} bytes` };
    const bytes = buf.subarray(0, got);
    const text = decodeText(bytes);
    if (text === null) return { ok: false, status: 'not_utf8', reason: 'not UTF-8 text (save it as UTF-8)' };
    return { ok: true, text, sha256: sha256Hex(bytes), bytes: got, mtimeMs: st.mtimeMs };
  } catch (err) {
    return { ok: false, status: 'unreadable', reason: `cannot be read (${errorCode(err)})` };
  } finally {
    fs.closeSync(fd);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Strict UTF-8 (a BOM is dropped); UTF-16 with a BOM (Windows "Unicode") is accepted too. null: not text. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    const text = strictUtf8.decode(bytes);
    // NUL bytes mean binary content, not source code or JSON.
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}
