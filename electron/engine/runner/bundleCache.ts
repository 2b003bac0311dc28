// A disk cache of built test bundles for the student's own Run tests: a runner that starts again (the
// app opened again) takes the bundle an earlier one built instead of running esbuild over the test,
// support and read-only files and the engine modules they import. The cache folder is the student's
// (their data folder), so nothing read from it is trusted by itself:
//   - every entry carries an HMAC-SHA256 tag over its key, the files it was built from and its code and
//     source map, made with a secret key that is not in that folder (`openBundleCache`'s `keyFile`, in the
//     runner's private folder); an entry whose tag does not verify (hand-written, edited, copied from
//     another computer or data folder, truncated) is deleted and the bundle built again;
//   - an entry lists the disk files the build read (engine modules, packages) with their hashes; a file
//     that changed since makes the entry stale (built again);
//   - the key of an entry names everything else the bundle depends on (the caller's `key`).
// Reading and writing never fail a run: a cache that cannot be read or written is no cache.
// See docs/engine/runner.md ("The test-bundle cache") for why this is enough and where it is used.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileWhole } from '../files/writeFileWhole';
import { z } from 'zod';

/** A built test bundle as the cache keeps it. */
export interface CachedBundle {
  code: string;
  map: string;
  /** The disk files the build read (absolute paths). */
  inputs: readonly string[];
}

/** What a lookup found: `rejected` is an entry that failed its tag or shape (never used, deleted). */
export type CacheLookup = { kind: 'hit'; bundle: CachedBundle } | { kind: 'miss' } | { kind: 'stale' } | { kind: 'rejected' };

const FORMAT = 'replayground-test-bundle 1';
/** Entries kept; the least recently written go first. */
const MAX_ENTRIES = 32;
const SECRET_BYTES = 32;
/** An entry larger than this is not a bundle of ours. */
const MAX_ENTRY_CHARS = 64 * 1024 * 1024;

const Header = z
  .object({
    format: z.literal(FORMAT),
    key: z.string().max(200),
    inputs: z.array(z.tuple([z.string().max(4096), z.string().regex(/^[0-9a-f]{64}$/)])).max(10_000),
    code: z.number().int().nonnegative(),
    map: z.number().int().nonnegative(),
    tag: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
type Header = z.infer<typeof Header>;

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The tag of an entry: everything in it but the tag itself, under the secret key. */
function tagOf(secret: Buffer, key: string, inputs: Header['inputs'], code: string, map: string): string {
  return createHmac('sha256', secret)
    .update(JSON.stringify([FORMAT, key, inputs, code.length, map.length]))
    .update('\0')
    .update(code)
    .update('\0')
    .update(map)
    .digest('hex');
}

/**
 * The secret key in `keyFile`, made on first use (32 random bytes, mode 0600). Null when the file is
 * not a plain file of this user's that only this user can read (then nothing is cached).
 */
function loadSecret(keyFile: string): Buffer | null {
  const check = (): Buffer | null => {
    const st = fs.lstatSync(keyFile);
    if (!st.isFile() || st.size !== SECRET_BYTES) return null;
    if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || (st.mode & 0o077) !== 0)) return null;
    const secret = fs.readFileSync(keyFile);
    return secret.length === SECRET_BYTES ? secret : null;
  };
  try {
    return check();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return null;
  }
  // Written whole to a file of its own, then linked into place (a link never replaces a file): of two
  // processes making the key at once, one publishes it and both read the same, complete key.
  const tmp = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, randomBytes(SECRET_BYTES), { flag: 'wx', mode: 0o600 });
    fs.linkSync(tmp, keyFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      fs.rmSync(tmp, { force: true });
      return null;
    }
  }
  fs.rmSync(tmp, { force: true });
  try {
    return check();
  } catch {
    return null;
  }
}

export class BundleCache {
  private constructor(
    private readonly dir: string,
    private readonly secret: Buffer,
  ) {}

  /** A cache in `dir` whose entries are tagged with the key in `keyFile`; null when the key cannot be had safely. */
  static open(dir: string, keyFile: string): BundleCache | null {
    const secret = loadSecret(keyFile);
    return secret ? new BundleCache(dir, secret) : null;
  }

  private file(key: string): string {
    return path.join(this.dir, `${sha256(key).slice(0, 40)}.bundle`);
  }

  /** The entry for `key`, used only when its tag verifies and the files it was built from are unchanged. */
  read(key: string): CacheLookup {
    const file = this.file(key);
    let text: string;
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile() || st.size > MAX_ENTRY_CHARS * 4) return this.reject(file);
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return { kind: 'miss' };
    }
    const nl = text.indexOf('\n');
    let header: Header;
    try {
      const parsed = Header.safeParse(JSON.parse(nl < 0 ? text : text.slice(0, nl)) as unknown);
      if (!parsed.success) return this.reject(file);
      header = parsed.data;
    } catch {
      return this.reject(file);
    }
    const body = text.slice(nl + 1);
    if (header.key !== key || body.length !== header.code + header.map) return this.reject(file);
    const code = body.slice(0, header.code);
    const map = body.slice(header.code);
    const expected = Buffer.from(tagOf(this.secret, key, header.inputs, code, map), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(header.tag, 'hex'))) return this.reject(file);
    // Built by this runner from these inputs: still the same inputs?
    for (const [input, hash] of header.inputs) {
      let current: string;
      try {
        current = sha256(fs.readFileSync(input));
      } catch {
        current = '';
      }
      if (current !== hash) {
        this.remove(file);
        return { kind: 'stale' };
      }
    }
    return { kind: 'hit', bundle: { code, map, inputs: header.inputs.map(([input]) => input) } };
  }

  /** Stores a bundle this runner built (its inputs hashed now); best effort: false when it could not, never throws. */
  write(key: string, bundle: CachedBundle): boolean {
    try {
      const inputs: Header['inputs'] = bundle.inputs.map((input) => [input, sha256(fs.readFileSync(input))]);
      const header: Header = {
        format: FORMAT,
        key,
        inputs,
        code: bundle.code.length,
        map: bundle.map.length,
        tag: tagOf(this.secret, key, inputs, bundle.code, bundle.map),
      };
      writeFileWhole(this.file(key), `${JSON.stringify(header)}\n${bundle.code}${bundle.map}`, { mode: 0o600, dirMode: 0o700 });
      this.prune();
      return true;
    } catch {
      return false; // no cache this time
    }
  }

  private prune(): void {
    const entries = fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith('.bundle'))
      .map((name) => {
        const file = path.join(this.dir, name);
        try {
          return { file, mtime: fs.statSync(file).mtimeMs };
        } catch {
          return { file, mtime: 0 };
        }
      })
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of entries.slice(MAX_ENTRIES)) this.remove(old.file);
  }

  private reject(file: string): CacheLookup {
    this.remove(file);
    return { kind: 'rejected' };
  }

  private remove(file: string): void {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // a folder in its place, or no rights: it stays unused
    }
  }
}
