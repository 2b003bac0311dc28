// What the workspace needs from an exercise package: the manifest, the starter, the readonly files
// and the visible tests' source, read by the content module's student view (loadStudentExercise):
// hidden tests are never read, so they cannot leak to the UI, and a student build (no solution/, no
// tests/hidden/) loads. This module adds the cache and a list that survives a broken package.
import fs from 'node:fs';
import path from 'node:path';
import { hasExercise, listExercises, loadStudentExercise, type StudentExercise } from '../content/loadExercise';


export interface ExerciseSource {
  list(): StudentExercise[];
  load(id: string): StudentExercise | null;
}

/** Reads exercises/<id>/ under the resources folder; packages are read once and cached (content is read-only). */
export function exerciseSource(resourcesDir: string): ExerciseSource {
  const root = path.join(resourcesDir, 'exercises');
  const cache = new Map<string, StudentExercise | null>();

  function read(id: string): StudentExercise | null {
    return hasExercise(root, id) ? loadStudentExercise(root, id) : null;
  }

  function load(id: string): StudentExercise | null {
    if (!cache.has(id)) cache.set(id, read(id));
    return cache.get(id) ?? null;
  }

  return {
    load,
    list() {
      // One broken package must not hide the others: it is left out of the list (and opening it
      // reports the content error).
      return listExercisesSafely(root)
        .map((id) => {
          try {
            return load(id);
          } catch (err) {
            console.warn(`exercise ${id} skipped: ${(err as Error).message}`);
            return null;
          }
        })
        .filter((e): e is StudentExercise => e !== null);
    },
  };
}

function listExercisesSafely(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  try {
    return listExercises(root).map((m) => m.id);
  } catch {
    // listExercises stops at the first invalid manifest; fall back to the folder names.
    return fs
      .readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'exercise.json')))
      .map((d) => d.name);
  }
}
