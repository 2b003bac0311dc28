// Finds what is to be graded in an input folder: submission files (*.json, at the top or one level down)
// and student folders laid out as <student-id>/<exercise-id>/<editable files> (an unzipped LMS download).
// Discovery never judges content; classify.ts does. Order is deterministic (sorted by path).
import fs from 'node:fs';
import path from 'node:path';
import { readSubmissionFile, type ReadOutcome } from './submissionFile';
import { MAX_EDITABLE_FILE_CHARS } from './submissionSchema';

export type Candidate =
  | { kind: 'file'; source: string; outcome: ReadOutcome; modifiedAt: string }
  | { kind: 'folder'; source: string; studentId: string; exerciseId: string; files: Array<{ path: string; content: string }>; skipped: string[]; modifiedAt: string }
  | { kind: 'empty'; source: string; studentId: string; exerciseId?: string };

const IGNORED = new Set(['__MACOSX', 'Thumbs.db', 'desktop.ini']);
const MAX_FOLDER_FILES = 50;

function visible(name: string): boolean {
  return !name.startsWith('.') && !IGNORED.has(name);
}

function sortedEntries(dir: string): fs.Dirent[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => visible(e.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function discover(input: string): Candidate[] {
  const root = path.resolve(input);
  const stat = fs.statSync(root);
  if (stat.isFile()) return [fileCandidate(root, path.basename(root))];
  const out: Candidate[] = [];
  for (const entry of sortedEntries(root)) {
    const abs = path.join(root, entry.name);
    if (entry.isFile()) {
      if (entry.name.toLowerCase().endsWith('.json')) out.push(fileCandidate(abs, entry.name));
    } else if (entry.isDirectory()) {
      out.push(...studentFolder(root, entry.name));
    }
  }
  return out;
}

function fileCandidate(abs: string, source: string): Candidate {
  return { kind: 'file', source, outcome: readSubmissionFile(abs), modifiedAt: fs.statSync(abs).mtime.toISOString() };
}

/** A top-level folder: a student's folder of exercise folders, or a folder that holds submission files. */
function studentFolder(root: string, studentId: string): Candidate[] {
  const dir = path.join(root, studentId);
  const entries = sortedEntries(dir);
  const out: Candidate[] = [];
  for (const e of entries) {
    const rel = `${studentId}/${e.name}`;
    if (e.isFile() && e.name.toLowerCase().endsWith('.json')) out.push(fileCandidate(path.join(dir, e.name), rel));
    else if (e.isDirectory()) out.push(exerciseFolder(root, studentId, e.name));
  }
  if (out.length === 0) out.push({ kind: 'empty', source: `${studentId}/`, studentId });
  return out;
}

function exerciseFolder(root: string, studentId: string, exerciseId: string): Candidate {
  const dir = path.join(root, studentId, exerciseId);
  const files: Array<{ path: string; content: string }> = [];
  const skipped: string[] = [];
  let newest = 0;
  const walk = (rel: string) => {
    for (const e of sortedEntries(path.join(dir, rel))) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(dir, childRel);
      if (e.isDirectory()) walk(childRel);
      else if (e.isFile()) {
        const st = fs.statSync(abs);
        if (st.size > MAX_EDITABLE_FILE_CHARS * 4 || files.length >= MAX_FOLDER_FILES) {
          skipped.push(childRel);
          continue;
        }
        newest = Math.max(newest, st.mtimeMs);
        files.push({ path: childRel, content: fs.readFileSync(abs, 'utf8') });
      }
    }
  };
  walk('');
  const source = `${studentId}/${exerciseId}/`;
  if (files.length === 0) return { kind: 'empty', source, studentId, exerciseId };
  return { kind: 'folder', source, studentId, exerciseId, files, skipped, modifiedAt: new Date(newest).toISOString() };
}
