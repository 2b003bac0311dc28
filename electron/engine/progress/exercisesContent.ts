// What the workspace needs from an exercise package: the manifest, the starter, the readonly files
// and the visible tests' source. Hidden tests are never read here, so they cannot leak to the UI.
// The manifest is read and validated by the content loader (one schema for everyone); this module
// does not use loadExercise() because a student build ships no solution/ and no tests/hidden/.
import fs from 'node:fs';
import path from 'node:path';
import { type ExerciseManifest } from '../content/exerciseManifest';
import { listExercises, readManifest } from '../content/loadExercise';

export type WorkspaceManifest = ExerciseManifest;

export interface LoadedExercise {
  manifest: WorkspaceManifest;
  starter: Record<string, string>;
  readonly: Record<string, string>;
  /** Keyed by the suite's file path (relative to the exercise folder). */
  visibleTests: Record<string, string>;
}

export interface ExerciseSource {
  list(): LoadedExercise[];
  load(id: string): LoadedExercise | null;
}

/** Reads exercises/<id>/ under the resources folder; packages are read once and cached (content is read-only). */
export function exerciseSource(resourcesDir: string): ExerciseSource {
  const root = path.join(resourcesDir, 'exercises');
  const cache = new Map<string, LoadedExercise | null>();

  function read(id: string): LoadedExercise | null {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return null;
    const dir = path.join(root, id);
    if (!fs.existsSync(path.join(dir, 'exercise.json'))) return null;
    const manifest = readManifest(root, id); // throws ExerciseContentError naming the file and field
    const readFiles = (sub: string, names: string[]) =>
      Object.fromEntries(names.map((n) => [n, readInside(dir, path.join(sub, n))]));
    return {
      manifest,
      starter: readFiles('starter', manifest.editable),
      readonly: readFiles('readonly', manifest.readonly),
      visibleTests: Object.fromEntries(
        manifest.suites.filter((s) => s.visibility === 'visible').map((s) => [s.file, readInside(dir, s.file)]),
      ),
    };
  }

  function load(id: string): LoadedExercise | null {
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
        .filter((e): e is LoadedExercise => e !== null);
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

/** Reads a file that must stay inside the exercise folder (a manifest cannot point elsewhere). */
function readInside(dir: string, rel: string): string {
  const file = path.resolve(dir, rel);
  if (!file.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${rel} points outside the exercise folder`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}
