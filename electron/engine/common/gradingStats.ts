// The class at a glance, computed from a gradebook: pass rate per test, the tests failed most, the
// score distribution and the mean. summary.html and the Instructor page show the same numbers.
// Node-free (the `common` layer).
import { GRADED_STATUSES, type Gradebook, type GradebookEntry } from './gradebook';

export interface TestStat {
  exercise_id: string;
  name: string;
  name_ru?: string;
  suite: string;
  visibility: 'visible' | 'hidden';
  passed: number;
  total: number;
  rate: number;
}

/** Every test of every exercise with how many graded submissions passed it. */
export function testStats(gradebook: Gradebook): TestStat[] {
  const graded = gradebook.entries.filter((e) => GRADED_STATUSES.has(e.status));
  return gradebook.exercises.flatMap((ex) => {
    const rows = graded.filter((e) => e.exercise_id === ex.id);
    // Each row's passing tests counted once (suite + name), rather than searched per reference test: a
    // class of 300 with 135 tests each was 5 million comparisons per report.
    const passes = new Map<string, number>();
    for (const r of rows) {
      const seen = new Set<string>();
      for (const x of r.tests) if (x.status === 'pass') seen.add(`${x.suite}\u0000${x.name}`);
      for (const key of seen) passes.set(key, (passes.get(key) ?? 0) + 1);
    }
    return ex.tests.map((t) => {
      const passed = passes.get(`${t.suite}\u0000${t.name}`) ?? 0;
      return { exercise_id: ex.id, name: t.name, ...(t.name_ru ? { name_ru: t.name_ru } : {}), suite: t.suite, visibility: t.visibility, passed, total: rows.length, rate: rows.length ? passed / rows.length : 0 };
    });
  });
}

/** Ten buckets of score as a percentage of the maximum: [0,10), …, [90,100]. Ungraded rows are left out. */
export function scoreBuckets(entries: GradebookEntry[]): number[] {
  const buckets = new Array<number>(10).fill(0);
  for (const e of entries) {
    if (!GRADED_STATUSES.has(e.status) || e.score === null || !e.max_score) continue;
    buckets[Math.min(9, Math.floor((e.score / e.max_score) * 10))] += 1;
  }
  return buckets;
}

/** The tests a class fails most, worst first (ties by name); only tests someone failed. */
export function mostFailedTests(stats: TestStat[], limit = 10): TestStat[] {
  return stats
    .filter((s) => s.total > 0 && s.passed < s.total)
    .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** Mean score of the rows (a row without a score counts as 0); 0 for no rows. */
export function meanScore(rows: GradebookEntry[]): number {
  return rows.length ? rows.reduce((sum, e) => sum + (e.score ?? 0), 0) / rows.length : 0;
}
