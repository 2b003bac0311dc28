// The exercises the instructor has: id → folder, editable files, starter and solution, content hash.
// Packages are read with the content module's loader (the one manifest schema and file checks); this
// file only adds what grading needs on top: the content hash, and tolerance for one broken package.
import fs from 'node:fs';
import path from 'node:path';
import { loadExercise, type FileMap } from '../content/loadExercise';
import type { ExerciseManifest } from '../content/exerciseManifest';
import { hashExerciseFolder } from './exerciseHash';

export interface CatalogExercise {
  id: string;
  dir: string;
  editable: string[];
  title: string;
  /** The title in both languages (the reports speak the instructor's). */
  titles: { en: string; ru: string };
  contentHash: string;
  starter: FileMap;
  /** The reference solution: its run decides which tests can earn points. */
  solution: FileMap;
  /** What the runner needs, as values: suites, limits and allowed imports, the read-only files, every test file. */
  manifest: ExerciseManifest;
  readonly: FileMap;
  /** Every file under tests/ (hidden ones included when the copy has them), by path relative to the exercise. */
  testFiles: FileMap;
}

export interface ExerciseCatalog {
  get(id: string): CatalogExercise | undefined;
  ids(): string[];
  /** Problems met while loading (a broken package): reported, never fatal. */
  problems: string[];
}

export function loadExerciseCatalog(exercisesRoot: string): ExerciseCatalog {
  const byId = new Map<string, CatalogExercise>();
  const problems: string[] = [];
  // Folder by folder rather than listExercises(): one broken package must not stop the others being graded.
  const entries = fs.existsSync(exercisesRoot) ? fs.readdirSync(exercisesRoot, { withFileTypes: true }) : [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const dir = path.join(exercisesRoot, entry.name);
    if (!fs.existsSync(path.join(dir, 'exercise.json'))) continue;
    try {
      const exercise = loadCatalogExercise(exercisesRoot, entry.name);
      byId.set(exercise.id, exercise);
    } catch (err) {
      problems.push((err as Error).message.split('\n')[0]!);
    }
  }
  return { get: (id) => byId.get(id), ids: () => [...byId.keys()].sort(), problems };
}

/** One exercise as grading sees it; throws the loader's ExerciseContentError for a broken package. */
function loadCatalogExercise(exercisesRoot: string, id: string): CatalogExercise {
  // Hidden suites may live elsewhere (--hidden-tests): an instructor copy without tests/hidden/ still loads.
  const { manifest, dir, starter, solution, readonly, testFiles } = loadExercise(exercisesRoot, id, { hiddenSuites: 'optional' });
  return { id: manifest.id, dir, editable: manifest.editable, title: manifest.title.en, titles: { en: manifest.title.en, ru: manifest.title.ru }, contentHash: hashExerciseFolder(dir), starter, solution, manifest, readonly, testFiles };
}
