// The exercises the instructor has: id → folder, editable file names, content hash, and where the
// hidden tests come from (the exercise folder, or a separate --hidden-tests folder).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { hashExerciseFolder } from './exerciseHash';

/** The few manifest fields grading needs; the content module validates the whole manifest. */
const ManifestFields = z.object({
  id: z.string().min(1),
  editable: z.array(z.string().min(1)).min(1),
  title: z.object({ en: z.string(), ru: z.string() }).partial().optional(),
});

export interface CatalogExercise {
  id: string;
  dir: string;
  editable: string[];
  title: string;
  contentHash: string;
}

export interface ExerciseCatalog {
  get(id: string): CatalogExercise | undefined;
  ids(): string[];
  /** Problems met while loading (a broken manifest): reported, never fatal. */
  problems: string[];
}

export function loadExerciseCatalog(exercisesRoot: string): ExerciseCatalog {
  const byId = new Map<string, CatalogExercise>();
  const problems: string[] = [];
  const entries = fs.existsSync(exercisesRoot) ? fs.readdirSync(exercisesRoot, { withFileTypes: true }) : [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const dir = path.join(exercisesRoot, entry.name);
    const manifestFile = path.join(dir, 'exercise.json');
    if (!fs.existsSync(manifestFile)) continue;
    try {
      const manifest = ManifestFields.parse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
      byId.set(manifest.id, {
        id: manifest.id,
        dir,
        editable: manifest.editable,
        title: manifest.title?.en ?? manifest.id,
        contentHash: hashExerciseFolder(dir),
      });
    } catch (err) {
      problems.push(`${manifestFile}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return { get: (id) => byId.get(id), ids: () => [...byId.keys()].sort(), problems };
}
