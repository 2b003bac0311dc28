// How scores are shown and stored across the app and the reports: points to two decimals, shares as
// whole percent. Node-free (the `common` layer).

/** Points rounded to two decimals (7.5, 8.33). */
export function roundScore(n: number): number {
  return Math.round(n * 100) / 100;
}

/** score / max as a whole percent; 0 when there is nothing to score. */
export function percentOf(score: number, max: number): number {
  return max ? Math.round((score / max) * 100) : 0;
}
