// Turns discovered candidates into entries: who, which exercise, which code, and whether it can be
// graded. Every candidate becomes exactly one entry (nothing is dropped silently); duplicates for the
// same student and exercise keep the newest as gradable and list the older ones as superseded.
// A row whose identity or time cannot be trusted (a file in mallory/ that says it is alice's, a time in
// the future) is flagged: it is run and scored for the instructor to see, but it never counts and never
// supersedes anyone. Only the exercise's editable files are kept, within a memory budget; past it an
// entry keeps where its code is and reads it again (checking the bytes did not change) when it runs.
import path from 'node:path';
import type { Candidate, FolderFile } from './discover';
import type { ExerciseCatalog, CatalogExercise } from './exerciseCatalog';
import { readTextFile, type FileProblem } from './safeRead';
import { parseSubmission, type SubmissionProblem } from './submissionFile';
import { MAX_SUBMISSION_BYTES } from './submissionSchema';
import { MAX_FOLDER_FILE_BYTES } from './discover';
import { note, type Note } from '../common/gradingWords';

export type PreStatus =
  | 'gradable'
  | SubmissionProblem
  | FileProblem
  | 'bad_checksum'
  | 'unknown_exercise'
  | 'superseded'
  | 'empty'
  | 'not_selected';

/** Why a gradable row does not count until the instructor says so. */
export type EntryFlag = 'identity_mismatch' | 'clock_skew';

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
  /** Set on a gradable entry that is run and scored but not counted: the instructor decides. */
  flag: EntryFlag | null;
  hashMismatch: boolean;
  /**
   * The editable files to run (filled from the starter where the submission lacks one); null when the
   * memory budget was spent: then `reload` reads them again. Use entryFiles().
   */
  files: Record<string, string> | null;
  reload?: () => Record<string, string>;
  /** Coded notes, worded in the instructor's language by the gradebook and the reports. */
  notes: Note[];
}

export interface ClassifyOptions {
  /** The grading's "now": a submission time more than CLOCK_SKEW_TOLERANCE_MS after it is flagged. */
  now?: Date;
  /** Bytes of editable code kept in memory for the whole class (default DEFAULT_MEMORY_BUDGET). */
  memoryBudgetBytes?: number;
}

/** A day: wrong time zones on lab PCs are hours off, a forged date is years off. */
export const CLOCK_SKEW_TOLERANCE_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MEMORY_BUDGET = 256 * 1024 * 1024;

/** The editable files of an entry, read again from the hand-in when they were not kept in memory. */
export function entryFiles(entry: Entry): Record<string, string> {
  if (entry.files) return entry.files;
  if (!entry.reload) return {};
  return entry.reload();
}

export function classify(candidates: Iterable<Candidate>, catalog: ExerciseCatalog, onlyExercise?: string, options: ClassifyOptions = {}): Entry[] {
  const budget = { left: options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET };
  const now = (options.now ?? new Date()).getTime();
  const entries: Entry[] = [];
  for (const c of candidates) {
    let entry: Entry;
    try {
      entry = toEntry(c, catalog, onlyExercise, budget);
    } catch (err) {
      // Nothing one hand-in holds may stop the class: an unexpected failure is that hand-in's row.
      entry = { ...blank(c.source, c.kind === 'folder' ? 'folder' : 'file'), studentId: 'studentId' in c ? c.studentId : '', status: 'unreadable' };
      entry.notes.push(note('could_not_read', { source: c.source, reason: (err as Error).message }));
    }
    flagUntrusted(entry, c, now);
    entries.push(entry);
  }
  markDuplicates(entries);
  noteFlagged(entries);
  return entries.sort(compareEntries);
}

export function compareEntries(a: Entry, b: Entry): number {
  return cmp(a.studentId, b.studentId) || cmp(a.exerciseId, b.exerciseId) || cmp(a.source, b.source);
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function blank(source: string, kind: 'file' | 'folder'): Entry {
  return {
    source, kind, studentId: '', studentName: '', exerciseId: '', submittedAt: '', checksumOk: null, status: 'gradable', flag: null,
    hashMismatch: false, files: {}, notes: [],
  };
}

function toEntry(c: Candidate, catalog: ExerciseCatalog, onlyExercise: string | undefined, budget: { left: number }): Entry {
  if (c.kind === 'empty') {
    return {
      ...blank(c.source, 'folder'), studentId: c.studentId, exerciseId: c.exerciseId ?? '', status: 'empty',
      notes: [note(c.exerciseId ? 'exercise_folder_empty' : 'student_folder_empty')],
    };
  }
  if (c.kind === 'refused') {
    return { ...blank(c.source, c.source.endsWith('/') ? 'folder' : 'file'), studentId: c.studentId, exerciseId: c.exerciseId ?? '', status: c.status, notes: [note('file_problem', { source: c.source, reason: c.reason, status: c.status })] };
  }
  if (c.kind === 'file') {
    const o = c.outcome;
    if (o.kind === 'malformed') {
      // Without a readable file there is no student id in it; the folder it was found in is the best guess.
      return { ...blank(c.source, 'file'), studentId: c.folder ?? '', status: o.status, notes: [note('file_problem', { source: c.source, reason: o.reason, status: o.status })] };
    }
    const s = o.submission;
    const entry: Entry = {
      ...blank(c.source, 'file'), studentId: s.student.id, studentName: s.student.name, exerciseId: s.exercise.id,
      submittedAt: new Date(s.createdAt).toISOString(), checksumOk: o.checksumOk,
    };
    if (o.kind === 'bad_checksum') {
      entry.status = 'bad_checksum';
      entry.notes.push(note('bad_checksum', { source: c.source }));
      return entry;
    }
    const exercise = catalog.get(s.exercise.id);
    if (!exercise) return unknownExercise(entry, catalog);
    if (onlyExercise && s.exercise.id !== onlyExercise) return notSelected(entry, onlyExercise);
    if (s.exercise.contentHash !== exercise.contentHash) {
      entry.hashMismatch = true;
      entry.notes.push(note('version_differs'));
    }
    const files = pickFiles(exercise, s.files, entry.notes);
    keepWithinBudget(entry, files, budget, () => reloadSubmission(c.abs, c.sha256, c.source, exercise));
    return entry;
  }
  const entry: Entry = { ...blank(c.source, 'folder'), studentId: c.studentId, exerciseId: c.exerciseId, submittedAt: c.modifiedAt };
  const exercise = catalog.get(c.exerciseId);
  if (!exercise) return unknownExercise(entry, catalog);
  if (onlyExercise && c.exerciseId !== onlyExercise) return notSelected(entry, onlyExercise);
  // An editable file that is there but cannot be taken decides the row: grading the starter instead would mislead.
  for (const editable of exercise.editable) {
    if (c.files.some((f) => sameFile(editable, f.path))) continue;
    const problem = c.problems.find((p) => sameFile(editable, p.path));
    const dir = c.dirs.find((d) => sameFile(editable, d));
    if (problem || dir) {
      entry.status = problem?.status ?? 'not_a_file';
      entry.notes.push(problem ? note('editable_unusable', { path: problem.path, reason: problem.reason, status: problem.status }) : note('folder_instead_of_file', { path: dir ?? '', file: editable }));
      return entry;
    }
  }
  if (c.problems.length) {
    entry.notes.push(note('skipped_files', { list: c.problems.map((p) => `${p.path} (${p.reason})`).join(', '), paths: c.problems.map((p) => p.path).join(', ') }));
  }
  const matched = c.files.filter((f) => exercise.editable.some((e) => sameFile(e, f.path)));
  if (matched.length === 0) {
    entry.status = 'empty';
    entry.notes.push(note('no_expected_files', { files: exercise.editable.join(', ') }));
    if (c.ignored.length) entry.notes.push(note('ignored_files', { files: c.ignored.join(', ') }));
    return entry;
  }
  const files = pickFiles(exercise, c.files, entry.notes, c.ignored);
  keepWithinBudget(entry, files, budget, () => reloadFolder(c.files, exercise));
  return entry;
}

function keepWithinBudget(entry: Entry, files: Record<string, string>, budget: { left: number }, reload: () => Record<string, string>): void {
  const size = Object.values(files).reduce((n, text) => n + text.length * 2, 0);
  if (size <= budget.left) {
    budget.left -= size;
    entry.files = files;
  } else {
    entry.files = null;
    entry.reload = reload;
  }
}

/** Reads a submission file again for its editable files; the bytes must be the ones classified. */
function reloadSubmission(abs: string, sha256: string | null, source: string, exercise: CatalogExercise): Record<string, string> {
  const read = readTextFile(abs, MAX_SUBMISSION_BYTES);
  if (!read.ok || read.sha256 !== sha256) throw new Error(`${source} changed or vanished during grading; grade again`);
  const outcome = parseSubmission(read.text);
  if (outcome.kind !== 'ok') throw new Error(`${source} could not be read again`);
  return pickFiles(exercise, outcome.submission.files, []);
}

function reloadFolder(found: FolderFile[], exercise: CatalogExercise): Record<string, string> {
  const again = found.map((f) => {
    const read = readTextFile(f.abs, MAX_FOLDER_FILE_BYTES);
    if (!read.ok || read.sha256 !== f.sha256) throw new Error(`${f.path} changed or vanished during grading; grade again`);
    return { path: f.path, content: read.text };
  });
  return pickFiles(exercise, again, []);
}

/**
 * Flags a gradable entry whose claims cannot be trusted: the folder it was found in names another
 * student, or its time lies in the future (which would let it win over every other hand-in).
 */
function flagUntrusted(entry: Entry, c: Candidate, now: number): void {
  if (entry.status !== 'gradable') return;
  if (c.kind === 'file' && c.folder !== null && !folderNames(c.folder, entry.studentId)) {
    entry.flag = 'identity_mismatch';
    entry.notes.push(note('identity_mismatch', { folder: c.folder, student: entry.studentId }));
    return;
  }
  const at = Date.parse(entry.submittedAt);
  if (Number.isFinite(at) && at > now + CLOCK_SKEW_TOLERANCE_MS) {
    entry.flag = 'clock_skew';
    entry.notes.push(note('clock_skew', { at: entry.submittedAt, now: new Date(now).toISOString() }));
  }
}

/**
 * Whether a folder name names this student: the id's words appear in it as whole words (so "lms-alice"
 * and "Alice_12345" name "alice", but "mallory" does not name "al").
 */
export function folderNames(folder: string, studentId: string): boolean {
  const words = (s: string) => s.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const f = words(folder);
  const id = words(studentId);
  if (id.length === 0) return false;
  for (let i = 0; i + id.length <= f.length; i++) if (id.every((w, j) => f[i + j] === w)) return true;
  return false;
}

function unknownExercise(entry: Entry, catalog: ExerciseCatalog): Entry {
  entry.status = 'unknown_exercise';
  entry.notes.push(note('unknown_exercise', { exercise: entry.exerciseId, known: catalog.ids().join(', ') || 'none' }));
  return entry;
}

function notSelected(entry: Entry, only: string): Entry {
  entry.status = 'not_selected';
  entry.notes.push(note('not_selected', { exercise: only }));
  return entry;
}

export function sameFile(editable: string, given: string): boolean {
  return given === editable || path.posix.basename(given) === path.posix.basename(editable);
}

/** The exercise's editable files from the submission; missing ones come from the starter, extras are ignored. */
function pickFiles(exercise: CatalogExercise, given: Array<{ path: string; content: string }>, notes: Note[], alsoIgnored: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const editable of exercise.editable) {
    const hit = given.find((f) => f.path === editable) ?? given.find((f) => sameFile(editable, f.path));
    if (hit) {
      out[editable] = hit.content;
      used.add(hit.path);
    } else {
      out[editable] = exercise.starter[editable] ?? '';
      notes.push(note('starter_used', { file: editable }));
    }
  }
  const extras = [...given.filter((f) => !used.has(f.path)).map((f) => f.path), ...alsoIgnored].sort();
  if (extras.length) notes.push(note('ignored_files', { files: extras.join(', ') }));
  return out;
}

/** Newest gradable, unflagged submission per (student, exercise) wins; ties go to the later source path. All are listed. */
function markDuplicates(entries: Entry[]): void {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.status !== 'gradable' || e.flag) continue;
    const key = `${e.studentId}\u0000${e.exerciseId}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => cmp(b.submittedAt, a.submittedAt) || cmp(b.source, a.source));
    const [winner, ...older] = group;
    winner.notes.push(note('newest_of', { count: group.length, others: older.map((o) => o.source).join(', ') }));
    for (const o of older) {
      o.status = 'superseded';
      o.files = null;
      o.reload = undefined;
      o.notes.push(note('superseded_by', { source: winner.source, at: winner.submittedAt }));
    }
  }
}

/** A flagged row and the row that counts for the same student and exercise point at each other. */
function noteFlagged(entries: Entry[]): void {
  for (const flagged of entries.filter((e) => e.flag)) {
    const counted = entries.find((e) => e !== flagged && !e.flag && e.status === 'gradable' && e.studentId === flagged.studentId && e.exerciseId === flagged.exerciseId);
    if (counted) {
      flagged.notes.push(note('counted_instead', { source: counted.source }));
      counted.notes.push(note('other_claims', { source: flagged.source, flag: flagged.flag ?? '' }));
    }
  }
}
