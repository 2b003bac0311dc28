// gradebook-wide.csv: the class as a spreadsheet — one row per student, one column per exercise with
// the score earned, and the total. The long gradebook.csv stays the full record (one row per submission).
// Node-free (the `common` layer): the Instructor page shows and downloads the same table.
import { FLAGGED_STATUSES, GRADED_STATUSES, type Gradebook } from './gradebook';
import { roundScore as round } from './score';
import { csvFile, RFC4180, type CsvDialect } from './spreadsheet';

export interface WideRow {
  student_id: string;
  student_name: string;
  /** Exercise id → score; null when the student has no graded submission for it. */
  scores: Record<string, number | null>;
  total: number;
}

export interface WideGradebook {
  /** The exercise columns, in gradebook order (sorted by id). */
  exercises: Array<{ id: string; max_score: number }>;
  rows: WideRow[];
  /** Sum of every exercise's maximum. */
  max_total: number;
}

export function wideGradebook(gradebook: Gradebook): WideGradebook {
  const exercises = gradebook.exercises.map((x) => ({ id: x.id, max_score: x.max_score }));
  const byStudent = new Map<string, WideRow>();
  for (const e of gradebook.entries) {
    // A malformed file has no student to put it on; it is listed in gradebook.csv and the summary.
    if (!e.student_id) continue;
    let row = byStudent.get(e.student_id);
    if (!row) {
      row = { student_id: e.student_id, student_name: '', scores: Object.fromEntries(exercises.map((x) => [x.id, null])), total: 0 };
      byStudent.set(e.student_id, row);
    }
    // One graded row per student and exercise: duplicates were already marked superseded.
    if (GRADED_STATUSES.has(e.status) && e.score !== null && e.exercise_id in row.scores) row.scores[e.exercise_id] = e.score;
  }
  // The name comes from the rows that count: a superseded or flagged file may carry an old or forged name.
  const rowsOf = new Map<string, Gradebook['entries']>();
  for (const e of gradebook.entries) rowsOf.set(e.student_id, [...(rowsOf.get(e.student_id) ?? []), e]);
  for (const row of byStudent.values()) row.student_name = nameOf(rowsOf.get(row.student_id) ?? []);
  const rows = [...byStudent.values()].sort((a, b) => (a.student_id < b.student_id ? -1 : a.student_id > b.student_id ? 1 : 0));
  for (const row of rows) row.total = round(Object.values(row.scores).reduce<number>((s, v) => s + (v ?? 0), 0));
  return { exercises, rows, max_total: round(exercises.reduce((s, x) => s + x.max_score, 0)) };
}

/** The student's name: from a graded row, else from any row that is not superseded or flagged, else from any. */
function nameOf(rows: Gradebook['entries']): string {
  const named = rows.filter((e) => e.student_name);
  const pick =
    named.find((e) => GRADED_STATUSES.has(e.status)) ??
    named.find((e) => e.status !== 'superseded' && !FLAGGED_STATUSES.has(e.status)) ??
    named[0];
  return pick?.student_name ?? '';
}

/** Columns: student_id, student_name, one per exercise id, total. Empty cell: nothing graded for that exercise. */
export function gradebookWideCsv(gradebook: Gradebook, dialect: CsvDialect = RFC4180): string {
  const wide = wideGradebook(gradebook);
  return csvFile(
    [
      ['student_id', 'student_name', ...wide.exercises.map((x) => x.id), 'total'],
      ...wide.rows.map((r) => [r.student_id, r.student_name, ...wide.exercises.map((x) => r.scores[x.id] ?? null), r.total]),
    ],
    dialect,
  );
}
