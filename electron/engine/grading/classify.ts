// Turns discovered candidates into entries: who, which exercise, which code, and whether it can be
// graded. Every candidate becomes exactly one entry (nothing is dropped silently); duplicates for the
// same student and exercise keep the newest as gradable and list the older ones as superseded.
import path from 'node:path';
import type { Candidate } from './discover';
import type { ExerciseCatalog, CatalogExercise } from './exerciseCatalog';

export type PreStatus = 'gradable' | 'malformed' | 'bad_checksum' | 'unknown_exercise' | 'superseded' | 'empty' | 'not_selected';

export interface Entry {
  source: string;
  kind: 'file' | 'folder';
  studentId: string;
  studentName: string;
  exerciseId: string;
  submittedAt: string;
  /** null for folder submissions (no checksum to check). */
  checksumOk: boolean | null;
  status: PreStatus;
  hashMismatch: boolean;
  /** The editable files to run (filled from the starter where the submission lacks one). */
  files: Record<string, string>;
  notes: string[];
}

export function classify(candidates: Candidate[], catalog: ExerciseCatalog, onlyExercise?: string): Entry[] {
  const entries = candidates.map((c) => toEntry(c, catalog, onlyExercise));
  markDuplicates(entries);
  return entries.sort(compareEntries);
}

export function compareEntries(a: Entry, b: Entry): number {
  return cmp(a.studentId, b.studentId) || cmp(a.exerciseId, b.exerciseId) || cmp(a.source, b.source);
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toEntry(c: Candidate, catalog: ExerciseCatalog, onlyExercise?: string): Entry {
  const base = { source: c.source, notes: [] as string[], files: {}, hashMismatch: false };
  if (c.kind === 'empty') {
    return {
      ...base, kind: 'folder', studentId: c.studentId, studentName: '', exerciseId: c.exerciseId ?? '', submittedAt: '',
      checksumOk: null, status: 'empty', notes: [c.exerciseId ? 'exercise folder holds no files' : 'student folder is empty'],
    };
  }
  if (c.kind === 'file') {
    const o = c.outcome;
    if (o.kind === 'malformed') {
      return { ...base, kind: 'file', studentId: '', studentName: '', exerciseId: '', submittedAt: '', checksumOk: null, status: 'malformed', notes: [`${c.source}: ${o.reason}`] };
    }
    const s = o.submission;
    const entry: Entry = {
      ...base, kind: 'file', studentId: s.student.id, studentName: s.student.name, exerciseId: s.exercise.id,
      submittedAt: new Date(s.createdAt).toISOString(), checksumOk: o.checksumOk, status: 'gradable',
    };
    if (o.kind === 'bad_checksum') {
      entry.status = 'bad_checksum';
      entry.notes.push(`${c.source}: checksum does not match the content (changed or damaged after hand-in); not graded`);
      return entry;
    }
    const exercise = catalog.get(s.exercise.id);
    if (!exercise) return unknownExercise(entry, catalog);
    if (onlyExercise && s.exercise.id !== onlyExercise) return notSelected(entry, onlyExercise);
    if (s.exercise.contentHash !== exercise.contentHash) {
      entry.hashMismatch = true;
      entry.notes.push("exercise content differs from the instructor's copy (another version?); graded against the instructor's copy");
    }
    entry.files = pickFiles(exercise, s.files, entry.notes);
    return entry;
  }
  const entry: Entry = {
    ...base, kind: 'folder', studentId: c.studentId, studentName: '', exerciseId: c.exerciseId, submittedAt: c.modifiedAt,
    checksumOk: null, status: 'gradable',
  };
  const exercise = catalog.get(c.exerciseId);
  if (!exercise) return unknownExercise(entry, catalog);
  if (onlyExercise && c.exerciseId !== onlyExercise) return notSelected(entry, onlyExercise);
  if (c.skipped.length) entry.notes.push(`skipped (too large or too many files): ${c.skipped.join(', ')}`);
  const matched = c.files.filter((f) => exercise.editable.some((e) => sameFile(e, f.path)));
  if (matched.length === 0) {
    entry.status = 'empty';
    entry.notes.push(`none of the expected files found (${exercise.editable.join(', ')})`);
    return entry;
  }
  entry.files = pickFiles(exercise, c.files, entry.notes);
  return entry;
}

function unknownExercise(entry: Entry, catalog: ExerciseCatalog): Entry {
  entry.status = 'unknown_exercise';
  entry.notes.push(`no exercise "${entry.exerciseId}" here (known: ${catalog.ids().join(', ') || 'none'})`);
  return entry;
}

function notSelected(entry: Entry, only: string): Entry {
  entry.status = 'not_selected';
  entry.notes.push(`not graded: only "${only}" was selected`);
  return entry;
}

function sameFile(editable: string, given: string): boolean {
  return given === editable || path.posix.basename(given) === path.posix.basename(editable);
}

/** The exercise's editable files from the submission; missing ones come from the starter, extras are ignored. */
function pickFiles(exercise: CatalogExercise, given: Array<{ path: string; content: string }>, notes: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const editable of exercise.editable) {
    const hit = given.find((f) => f.path === editable) ?? given.find((f) => sameFile(editable, f.path));
    if (hit) {
      out[editable] = hit.content;
      used.add(hit.path);
    } else {
      out[editable] = exercise.starter[editable] ?? '';
      notes.push(`${editable} missing: the starter file was used`);
    }
  }
  const extras = given.filter((f) => !used.has(f.path)).map((f) => f.path);
  if (extras.length) notes.push(`ignored files that are not editable in this exercise: ${extras.join(', ')}`);
  return out;
}

/** Newest gradable submission per (student, exercise) wins; ties go to the later source path. All are listed. */
function markDuplicates(entries: Entry[]): void {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.status !== 'gradable') continue;
    const key = `${e.studentId}\u0000${e.exerciseId}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => cmp(b.submittedAt, a.submittedAt) || cmp(b.source, a.source));
    const [winner, ...older] = group;
    winner.notes.push(`newest of ${group.length} submissions; also received: ${older.map((o) => o.source).join(', ')}`);
    for (const o of older) {
      o.status = 'superseded';
      o.notes.push(`superseded by the newer submission ${winner.source} (${winner.submittedAt})`);
    }
  }
}
