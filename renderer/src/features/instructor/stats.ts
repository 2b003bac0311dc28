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
