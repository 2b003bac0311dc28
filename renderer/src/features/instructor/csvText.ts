// gradebook.csv in the browser, for the download link; the same columns and escaping as the engine's file.
import type { GradebookEntry } from './gradingStore';

const COLUMNS = [
  'student_id', 'student_name', 'exercise_id', 'score', 'max_score', 'passed', 'failed', 'errored', 'status',
  'duration_ms', 'submitted_at', 'checksum_ok', 'notes',
] as const;

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function gradebookCsvText(entries: GradebookEntry[]): string {
  return `${[COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))].join('\r\n')}\r\n`;
}

/** gradebook-wide.csv in the browser: student_id, student_name, one column per exercise, total. */
export function wideCsvText(exerciseIds: string[], rows: Array<{ student_id: string; student_name: string; scores: Record<string, number | null>; total: number }>): string {
  const lines = [['student_id', 'student_name', ...exerciseIds, 'total'].map(cell).join(',')];
  for (const r of rows) lines.push([r.student_id, r.student_name, ...exerciseIds.map((id) => r.scores[id] ?? null), r.total].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
