// The similarity step of a grading: for each exercise in the class, every submission that ran (counted
// or flagged) against its classmates, the exercise's solution and the engine's reference code. Returns
// the report for similarity.html and each entry's highest similarity for gradebook.json.
import type { Entry } from '../classify';
import { entryFiles } from '../classify';
import type { ExerciseCatalog } from '../exerciseCatalog';
import type { SimilarityHighest, SimilarityReport } from '../../common/gradebook';
import { compareSimilarity, DEFAULT_THRESHOLD, type SimilarPair, type SimilarityReference } from './compare';
import { engineReferences, solutionReference } from './references';

export interface ClassSimilarityOptions {
  threshold?: number;
  /** The engine's source folder (electron/engine); its reference code is compared when it exists. */
  engineDir?: string;
  /** Pairs kept in the report, and how many of them get matching regions. */
  maxPairs?: number;
  detailed?: number;
}

export interface ClassSimilarity {
  report: SimilarityReport;
  highest: Map<Entry, SimilarityHighest | null>;
  problems: string[];
}

export function classSimilarity(entries: Entry[], catalog: ExerciseCatalog, options: ClassSimilarityOptions = {}): ClassSimilarity {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const engine = engineReferences(options.engineDir);
  const problems: string[] = [];
  if (options.engineDir && engine.length === 0) problems.push("similarity: the engine's reference code was not found; submissions were compared with each other and the solution only");
  const highest = new Map<Entry, SimilarityHighest | null>();
  const pairs: SimilarPair[] = [];
  let over = 0;
  const labels = new Set<string>();
  const byExercise = new Map<string, Entry[]>();
  for (const e of entries) if (e.status === 'gradable') byExercise.set(e.exerciseId, [...(byExercise.get(e.exerciseId) ?? []), e]);
  for (const [exerciseId, group] of [...byExercise].sort(([a], [b]) => a.localeCompare(b))) {
    const exercise = catalog.get(exerciseId);
    if (!exercise) continue;
    const subs = group.flatMap((e) => {
      try {
        return [{ entry: e, files: entryFiles(e) }];
      } catch {
        return []; // changed during grading: its row already says so
      }
    });
    const references: SimilarityReference[] = [solutionReference(exerciseId, exercise.solution), ...engine];
    for (const r of references) labels.add(r.label);
    const result = compareSimilarity(
      { exerciseId, starter: exercise.starter, submissions: subs.map((s) => ({ key: s.entry.source, studentId: s.entry.studentId, files: s.files })), references },
      { threshold, maxPairs: options.maxPairs ?? 500, detailed: options.detailed ?? 40 },
    );
    for (const s of subs) {
      const h = result.highest.get(s.entry.source) ?? null;
      highest.set(s.entry, h && h.with ? { score: Math.round(h.score * 1000) / 1000, with: h.with, reference: h.reference } : null);
    }
    pairs.push(...result.pairs);
    over += result.pairsOverThreshold;
  }
  pairs.sort((x, y) => y.score - x.score || x.exercise_id.localeCompare(y.exercise_id) || x.a.key.localeCompare(y.a.key) || x.b.key.localeCompare(y.b.key));
  const maxPairs = options.maxPairs ?? 500;
  const detailed = options.detailed ?? 40;
  // Regions were computed per exercise; across the class only the highest pairs keep them.
  const kept = pairs.slice(0, maxPairs).map((p, i) => (i < detailed ? p : { ...p, regions: [] }));
  return { report: { threshold, references: [...labels].sort(), pairs_over_threshold: over, pairs: kept }, highest, problems };
}
