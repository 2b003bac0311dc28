// Summary numbers computed from the gradebook in the UI (the engine's summary.html computes the same).
import type { Gradebook, GradebookEntry } from './gradingStore';

export const GRADED = new Set(['graded', 'hash_mismatch', 'compile_error', 'timeout', 'runner_error']);

export function scoreBuckets(entries: GradebookEntry[]): number[] {
  const buckets = new Array<number>(10).fill(0);
  for (const e of entries) {
    if (!GRADED.has(e.status) || e.score === null || !e.max_score) continue;
    buckets[Math.min(9, Math.floor((e.score / e.max_score) * 10))] += 1;
  }
  return buckets;
}

export interface PassRate {
  exercise_id: string;
  name: string;
  suite: string;
  visibility: 'visible' | 'hidden';
  passed: number;
  total: number;
  rate: number;
}

export function passRates(gradebook: Gradebook): PassRate[] {
  const graded = gradebook.entries.filter((e) => GRADED.has(e.status));
  return gradebook.exercises.flatMap((ex) => {
    const rows = graded.filter((e) => e.exercise_id === ex.id);
    return ex.tests.map((t) => {
      const passed = rows.filter((r) => r.tests.some((x) => x.suite === t.suite && x.name === t.name && x.status === 'pass')).length;
      return { exercise_id: ex.id, name: t.name, suite: t.suite, visibility: t.visibility, passed, total: rows.length, rate: rows.length ? passed / rows.length : 0 };
    });
  });
}

/** The tests a class fails most, worst first; only tests someone failed. */
export function mostFailed(rates: PassRate[], limit = 10): PassRate[] {
  return rates.filter((r) => r.total > 0 && r.passed < r.total).sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name)).slice(0, limit);
}

export function meanScore(entries: GradebookEntry[]): number {
  return entries.length ? entries.reduce((s, e) => s + (e.score ?? 0), 0) / entries.length : 0;
}

export interface WideRow {
  student_id: string;
  student_name: string;
  /** Exercise id → score; null when nothing was graded for it. */
  scores: Record<string, number | null>;
  total: number;
}

/** The wide view (the engine's gradebook-wide.csv): one row per student, one score per exercise, the total. */
export function wideRows(gradebook: Gradebook): WideRow[] {
  const ids = gradebook.exercises.map((x) => x.id);
  const rows = new Map<string, WideRow>();
  for (const e of gradebook.entries) {
    if (!e.student_id) continue;
    const row = rows.get(e.student_id) ?? { student_id: e.student_id, student_name: '', scores: Object.fromEntries(ids.map((id) => [id, null])), total: 0 };
    rows.set(e.student_id, row);
    if (!row.student_name && e.student_name) row.student_name = e.student_name;
    if (GRADED.has(e.status) && e.score !== null && e.exercise_id in row.scores) row.scores[e.exercise_id] = e.score;
  }
  return [...rows.values()]
    .map((r) => ({ ...r, total: Math.round(Object.values(r.scores).reduce<number>((s, v) => s + (v ?? 0), 0) * 100) / 100 }))
    .sort((a, b) => (a.student_id < b.student_id ? -1 : a.student_id > b.student_id ? 1 : 0));
}
