// The content hash of an exercise: what the student's app and the instructor's grader both compute to
// prove they hold the same exercise. Covers the manifest, the read-only files and the visible tests
// (never the hidden ones: the student build does not ship them). Stable across machines: paths are
// POSIX and sorted, line endings normalised, the manifest hashed in canonical JSON form.
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './sha256';

export interface HashInput {
  /** The parsed exercise.json. */
  manifest: unknown;
  /** Files relative to the exercise folder, e.g. 'readonly/events.ts', 'tests/visible/pay.test.ts'. */
  files: ReadonlyArray<{ path: string; content: string }>;
}

export const EXERCISE_HASH_VERSION = 'rg-exercise-v1';

/** The one definition of the exercise content hash; both sides call it. */
export function exerciseContentHash(input: HashInput): string {
  const files = input.files
    .map((f) => ({ path: f.path.split(path.sep).join('/').replace(/^\.\//, ''), content: normaliseText(f.content) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sha256Hex(canonicalJson({ v: EXERCISE_HASH_VERSION, manifest: input.manifest, files }));
}

/** CRLF/CR → LF and no BOM, so a checkout with autocrlf hashes like one without. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Which files of an exercise folder the hash covers: readonly/** and tests/** except tests/hidden/**. */
export function isHashedPath(rel: string): boolean {
  const p = rel.split(path.sep).join('/');
  if (p.startsWith('readonly/')) return true;
  return p.startsWith('tests/') && !p.startsWith('tests/hidden/');
}

/** Reads an exercise folder from disk and hashes it. */
export function hashExerciseFolder(exerciseDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(exerciseDir, 'exercise.json'), 'utf8')) as unknown;
  const files: Array<{ path: string; content: string }> = [];
  for (const top of ['readonly', 'tests']) {
    for (const rel of listFiles(exerciseDir, top)) {
      if (isHashedPath(rel)) files.push({ path: rel, content: fs.readFileSync(path.join(exerciseDir, rel), 'utf8') });
    }
  }
  return exerciseContentHash({ manifest, files });
}

function listFiles(root: string, rel: string): string[] {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const child = path.posix.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, child));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}
