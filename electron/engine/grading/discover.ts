// Finds what is to be graded in an input folder: submission files (*.json, at the top or one level down)
// and student folders laid out as <student-id>/<exercise-id>/<editable files> (an unzipped LMS download).
// Discovery never judges content (classify.ts does) and never stops: a link, a folder where a file should
// be, a pipe, an unreadable, oversized or non-UTF-8 file each becomes a candidate that says so. It yields
// one candidate at a time, so a class is never held in memory as raw files. Order: sorted by path.
import fs from 'node:fs';
import path from 'node:path';
import { readTextFile, lstatKind, linkTarget, errorCode, type FileProblem } from './safeRead';
import { parseSubmission, type ReadOutcome } from './submissionFile';
import { MAX_EDITABLE_FILE_CHARS, MAX_SUBMISSION_BYTES } from './submissionSchema';

/** A folder-level problem: the whole student or exercise folder could not be taken. */
export type RefusedStatus = FileProblem;

export interface FolderFile {
  path: string;
  content: string;
  /** Where it was read and the digest of its bytes, to read it again later and prove it did not change. */
  abs: string;
  sha256: string;
}

export type Candidate =
  | {
      kind: 'file';
      source: string;
      /** The top-level folder the file was found in (whose name should match the student), or null at the top. */
      folder: string | null;
      outcome: ReadOutcome;
      abs: string;
      /** Digest of the bytes that were read (null when nothing could be read). */
      sha256: string | null;
      modifiedAt: string;
    }
  | {
      kind: 'folder';
      source: string;
      studentId: string;
      exerciseId: string;
      files: FolderFile[];
      /** Files that were found but not taken, each with the reason (link, too large, not UTF-8…). */
      problems: Array<{ path: string; status: FileProblem; reason: string }>;
      /** Sub-folders (relative paths): a folder named like an editable file is a problem of its own. */
      dirs: string[];
      /** Files not read because the exercise does not take them (by name only). */
      ignored: string[];
      modifiedAt: string;
    }
  | { kind: 'empty'; source: string; studentId: string; exerciseId?: string }
  | { kind: 'refused'; source: string; studentId: string; exerciseId?: string; status: RefusedStatus; reason: string };

export interface DiscoverOptions {
  /** Which files of an exercise folder to read (the exercise's editable files); others are listed by name only. */
  wants?(exerciseId: string, relPath: string): boolean;
}

const IGNORED = new Set(['__MACOSX', 'Thumbs.db', 'desktop.ini']);
/** Files read per exercise folder, entries listed per folder, and how deep a folder is walked. */
export const MAX_FOLDER_FILES = 50;
const MAX_LISTED = 2000;
const MAX_FOLDER_DEPTH = 6;
/** An editable file may hold MAX_EDITABLE_FILE_CHARS characters; in UTF-8 that is at most 4 bytes each. */
export const MAX_FOLDER_FILE_BYTES = MAX_EDITABLE_FILE_CHARS * 4;

function visible(name: string): boolean {
  return !name.startsWith('.') && !IGNORED.has(name);
}

const isJsonName = (name: string) => name.toLowerCase().endsWith('.json');

/** The visible names in a folder, sorted; an error code when the folder cannot be listed. */
function listNames(dir: string): { names: string[] } | { error: string } {
  try {
    const names = fs.readdirSync(dir).filter(visible).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { names: names.slice(0, MAX_LISTED) };
  } catch (err) {
    return { error: errorCode(err) };
  }
}

export function* discover(input: string, options: DiscoverOptions = {}): Generator<Candidate> {
  const root = path.resolve(input);
  // The input is the instructor's own choice: a link to it is followed.
  let isFile = false;
  try {
    isFile = fs.statSync(root).isFile();
  } catch (err) {
    throw Object.assign(new Error(`Cannot read the input ${root} (${errorCode(err)})`), { code: 'NOT_READABLE' });
  }
  if (isFile) {
    yield fileCandidate(root, path.basename(root), null);
    return;
  }
  // The input folder itself must be listable: this one is the instructor's, so it is an error of the run.
  const listed = listNames(root);
  if ('error' in listed) throw Object.assign(new Error(`Cannot read the input folder ${root} (${listed.error})`), { code: 'NOT_READABLE' });
  for (const name of listed.names) {
    const abs = path.join(root, name);
    const kind = lstatKind(abs);
    if (kind.kind === null) yield refused(name, guessStudent(name), 'unreadable', `cannot be read (${kind.error})`);
    else if (kind.kind === 'symlink') yield refused(name, guessStudent(name), 'symlink', `symbolic link to ${linkTarget(abs)}; skipped (links are not followed)`);
    else if (kind.kind === 'file') {
      if (isJsonName(name)) yield fileCandidate(abs, name, null);
    } else if (kind.kind === 'dir') {
      if (isJsonName(name)) yield refused(`${name}/`, '', 'not_a_file', 'a folder where a submission file should be');
      else yield* studentFolder(root, name, options);
    } else if (isJsonName(name)) yield refused(name, '', 'not_a_file', 'not a regular file (a pipe, socket or device); not read');
  }
}

/** A name like "alice.replayground.json" says nothing sure about the student; a folder name does. */
function guessStudent(name: string): string {
  return isJsonName(name) ? '' : name;
}

function refused(source: string, studentId: string, status: RefusedStatus, reason: string, exerciseId?: string): Candidate {
  return { kind: 'refused', source, studentId, status, reason, ...(exerciseId ? { exerciseId } : {}) };
}

function fileCandidate(abs: string, source: string, folder: string | null): Candidate {
  const read = readTextFile(abs, MAX_SUBMISSION_BYTES);
  if (!read.ok) {
    return { kind: 'file', source, folder, abs, sha256: null, modifiedAt: '', outcome: { kind: 'malformed', status: read.status, reason: read.reason } };
  }
  return { kind: 'file', source, folder, abs, sha256: read.sha256, modifiedAt: new Date(read.mtimeMs).toISOString(), outcome: parseSubmission(read.text) };
}

/** A top-level folder: a student's folder of exercise folders, or a folder that holds submission files. */
function* studentFolder(root: string, studentId: string, options: DiscoverOptions): Generator<Candidate> {
  const dir = path.join(root, studentId);
  const listed = listNames(dir);
  if ('error' in listed) {
    yield refused(`${studentId}/`, studentId, 'unreadable', `folder cannot be read (${listed.error})`);
    return;
  }
  let found = 0;
  for (const name of listed.names) {
    const rel = `${studentId}/${name}`;
    const abs = path.join(dir, name);
    const kind = lstatKind(abs);
    found += 1;
    if (kind.kind === null) yield refused(rel, studentId, 'unreadable', `cannot be read (${kind.error})`);
    else if (kind.kind === 'symlink') yield refused(rel, studentId, 'symlink', `symbolic link to ${linkTarget(abs)}; skipped (links are not followed)`);
    else if (kind.kind === 'file') {
      if (isJsonName(name)) yield fileCandidate(abs, rel, studentId);
      else found -= 1;
    } else if (kind.kind === 'dir') {
      if (isJsonName(name)) yield refused(`${rel}/`, studentId, 'not_a_file', 'a folder where a submission file should be');
      else yield exerciseFolder(root, studentId, name, options);
    } else if (isJsonName(name)) yield refused(rel, studentId, 'not_a_file', 'not a regular file (a pipe, socket or device); not read');
    else found -= 1;
  }
  if (found === 0) yield { kind: 'empty', source: `${studentId}/`, studentId };
}

function exerciseFolder(root: string, studentId: string, exerciseId: string, options: DiscoverOptions): Candidate {
  const dir = path.join(root, studentId, exerciseId);
  const source = `${studentId}/${exerciseId}/`;
  const files: FolderFile[] = [];
  const problems: Array<{ path: string; status: FileProblem; reason: string }> = [];
  const dirs: string[] = [];
  const ignored: string[] = [];
  let newest = 0;
  let unlistable: string | null = null;
  const walk = (rel: string, depth: number) => {
    const listed = listNames(path.join(dir, rel));
    if ('error' in listed) {
      if (rel === '') unlistable = listed.error;
      else problems.push({ path: rel, status: 'unreadable', reason: `folder cannot be read (${listed.error})` });
      return;
    }
    for (const name of listed.names) {
      const childRel = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, childRel);
      const kind = lstatKind(abs);
      if (kind.kind === null) problems.push({ path: childRel, status: 'unreadable', reason: `cannot be read (${kind.error})` });
      else if (kind.kind === 'symlink') problems.push({ path: childRel, status: 'symlink', reason: `symbolic link to ${linkTarget(abs)}; not followed` });
      else if (kind.kind === 'dir') {
        dirs.push(childRel);
        if (depth < MAX_FOLDER_DEPTH) walk(childRel, depth + 1);
      } else if (kind.kind === 'other') problems.push({ path: childRel, status: 'not_a_file', reason: 'not a regular file (a pipe, socket or device)' });
      else if (options.wants && !options.wants(exerciseId, childRel)) ignored.push(childRel);
      else if (files.length >= MAX_FOLDER_FILES) problems.push({ path: childRel, status: 'too_large', reason: `more than ${MAX_FOLDER_FILES} files in the folder` });
      else {
        const read = readTextFile(abs, MAX_FOLDER_FILE_BYTES);
        if (!read.ok) problems.push({ path: childRel, status: read.status, reason: read.reason });
        else {
          newest = Math.max(newest, read.mtimeMs);
          files.push({ path: childRel, content: read.text, abs, sha256: read.sha256 });
        }
      }
    }
  };
  walk('', 0);
  if (unlistable) return refused(source, studentId, 'unreadable', `folder cannot be read (${unlistable})`, exerciseId);
  if (files.length === 0 && problems.length === 0 && dirs.length === 0 && ignored.length === 0) return { kind: 'empty', source, studentId, exerciseId };
  return { kind: 'folder', source, studentId, exerciseId, files, problems, dirs, ignored, modifiedAt: newest ? new Date(newest).toISOString() : '' };
}
