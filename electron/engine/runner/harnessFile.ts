// Builds the sandbox harness (sandbox/child.ts and its imports) into one CommonJS file: the only
// file a sandbox process is allowed to read. Built once per host process. The file is named after
// its content hash in a private folder (mode 0700, owned by this user), so host processes share it
// and nothing piles up in the temp folder; a file that does not hash to its name is rewritten.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileWhole } from '../files/writeFileWhole';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

let built: Promise<{ file: string; text: string }> | undefined;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let privateFolder: string | undefined;

/**
 * The runner's private folder: only this user can write to it (checked), or a fresh private temp folder
 * when that cannot be ensured (removed when this process exits). The harness file and the test-bundle
 * cache's key live here.
 */
export function runnerPrivateDir(): string {
  privateFolder ??= privateDir();
  return privateFolder;
}

function privateDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid !== undefined) {
    const dir = path.join(os.tmpdir(), `replayground-runner-${uid}`);
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const st = fs.lstatSync(dir);
    if (st.isDirectory() && !st.isSymbolicLink() && st.uid === uid && (st.mode & 0o077) === 0) return dir;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replayground-runner-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Path of the harness file, building it on first use and writing it again if it disappeared (a temp
 * cleaner). `prebuilt` skips the build (packaged app).
 */
export async function harnessFile(prebuilt?: string): Promise<string> {
  if (prebuilt) return prebuilt;
  const b = await build();
  if (!fs.existsSync(b.file)) writeHarness(b.file, b.text);
  return b.file;
}

function writeHarness(file: string, text: string): void {
  writeFileWhole(file, text, { mode: 0o444, dirMode: 0o700 });
}

/** The harness as one CommonJS text, bundled from sandbox/child.ts. */
export async function buildHarnessText(): Promise<string> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sandbox', 'child.ts');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: "'use strict';" },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * A packaged app has no TypeScript sources: its build writes the harness as PREBUILT_NAME next to
 * the bundled engine (see buildHarnessText), and it is copied to the private folder from there.
 */
export const PREBUILT_NAME = 'runner-harness.cjs';

function build(): Promise<{ file: string; text: string }> {
  built ??= (async () => {
    const prebuilt = path.join(path.dirname(fileURLToPath(import.meta.url)), PREBUILT_NAME);
    const text = fs.existsSync(prebuilt) ? fs.readFileSync(prebuilt, 'utf8') : await buildHarnessText();
    const hash = sha256(text);
    const dir = runnerPrivateDir();
    const file = path.join(dir, `harness-${hash.slice(0, 16)}.cjs`);
    let current: string | undefined;
    try {
      current = fs.readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === undefined || sha256(current) !== hash) writeHarness(file, text);
    return { file, text };
  })();
  return built;
}
