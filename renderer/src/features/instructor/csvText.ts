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
