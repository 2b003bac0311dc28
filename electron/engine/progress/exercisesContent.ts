// What the workspace needs from an exercise package: the manifest, the starter, the readonly files
// and the visible tests' source. Hidden tests are never read here, so they cannot leak to the UI.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The manifest fields the workspace reads (the full schema lives with the content loader). */
const Localized = z.object({ ru: z.string(), en: z.string() });
export const WorkspaceManifest = z.object({
  id: z.string(),
  title: Localized,
  summary: Localized,
  description: Localized,
  order: z.number().default(0),
  editable: z.array(z.string()).min(1),
  readonly: z.array(z.string()).default([]),
  suites: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      visibility: z.enum(['visible', 'hidden']),
      pointsPerTest: z.number().default(1),
    }),
  ),
  hints: z.array(Localized).default([]),
  limits: z.object({ timeoutMs: z.number(), memoryMb: z.number() }),
});
export type WorkspaceManifest = z.infer<typeof WorkspaceManifest>;

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
    const manifestFile = path.join(dir, 'exercise.json');
    if (!fs.existsSync(manifestFile)) return null;
    const manifest = WorkspaceManifest.parse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
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
      if (!fs.existsSync(root)) return [];
      return fs
        .readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'exercise.json')))
        .map((d) => load(d.name))
        .filter((e): e is LoadedExercise => e !== null);
    },
  };
}

/** Reads a file that must stay inside the exercise folder (a manifest cannot point elsewhere). */
function readInside(dir: string, rel: string): string {
  const file = path.resolve(dir, rel);
  if (!file.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${rel} points outside the exercise folder`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}
