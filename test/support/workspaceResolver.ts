// Lets exercise suites run under real vitest exactly as the sandbox runner runs them:
// '@workspace/X' is the chosen variant's file (solution, starter, mutants/<name>) or else the
// read-only one, relative imports from workspace files fall back the same way, and '@engine/X'
// is a pure engine module. A mutant is stored as a patch (mutants/<name>.patch); its files are
// written once to a temporary folder, through the content loader that applies the patch.
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plugin } from 'vite';
import { loadExercise } from '../../electron/engine/content/loadExercise';

export interface WorkspaceResolverOptions {
  /** The project root (holds exercises/ and electron/engine/). */
  root: string;
  /** Which editable files: 'solution', 'starter' (folders of the exercise) or 'mutants/<name>' (a patch). */
  variant: string;
}

const WORKSPACE = '@workspace/';
const ENGINE = '@engine/';
const MUTANT = 'mutants/';

function asFile(candidate: string): string | null {
  for (const file of [candidate, `${candidate}.ts`, path.join(candidate, 'index.ts')]) {
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

export function workspaceResolver({ root, variant }: WorkspaceResolverOptions): Plugin {
  const exercisesDir = path.join(root, 'exercises');
  const engineDir = path.join(root, 'electron', 'engine');
  /** Exercise folder → the folder holding the variant's editable files. */
  const variantDirs = new Map<string, string>();
  /** A materialised mutant's folder → its exercise folder. */
  const exerciseOfMutantDir = new Map<string, string>();

  function variantDirOf(exerciseDir: string): string {
    let dir = variantDirs.get(exerciseDir);
    if (dir) return dir;
    if (variant.startsWith(MUTANT)) {
      const name = variant.slice(MUTANT.length);
      const files = loadExercise(exercisesDir, path.basename(exerciseDir)).mutants[name];
      if (!files) throw new Error(`${exerciseDir}: no mutant ${name} (mutants/${name}.patch)`);
      dir = path.join(mkdtempSync(path.join(tmpdir(), 'replayground-mutant-')), path.basename(exerciseDir), name);
      mkdirSync(dir, { recursive: true });
      for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
      exerciseOfMutantDir.set(dir, exerciseDir);
    } else {
      dir = path.join(exerciseDir, variant);
    }
    variantDirs.set(exerciseDir, dir);
    return dir;
  }

  /** The exercise folder an importer lives in (or whose mutant it is), if any. */
  function exerciseDirOf(importer: string): string | null {
    const ofMutant = exerciseOfMutantDir.get(path.dirname(importer));
    if (ofMutant) return ofMutant;
    const relative = path.relative(exercisesDir, importer);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
    const id = relative.split(path.sep)[0];
    return id ? path.join(exercisesDir, id) : null;
  }

  function fromWorkspace(exerciseDir: string, name: string): string | null {
    return asFile(path.join(variantDirOf(exerciseDir), name)) ?? asFile(path.join(exerciseDir, 'readonly', name));
  }

  /** Workspace files (variant or read-only) form one flat folder, as in the sandbox. */
  function isWorkspaceFile(exerciseDir: string, file: string): boolean {
    const dir = path.dirname(file);
    return dir === path.join(exerciseDir, 'readonly') || dir === path.join(exerciseDir, 'starter') ||
      dir === path.join(exerciseDir, 'solution') || exerciseOfMutantDir.get(dir) === exerciseDir;
  }

  return {
    name: 'replayground-workspace-resolver',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith(ENGINE)) return asFile(path.join(engineDir, source.slice(ENGINE.length)));
      if (!importer) return null;
      const importerFile = importer.split('?')[0]!;
      const exerciseDir = exerciseDirOf(importerFile);
      if (!exerciseDir) return null;
      if (source.startsWith(WORKSPACE)) {
        const resolved = fromWorkspace(exerciseDir, source.slice(WORKSPACE.length));
        if (!resolved) throw new Error(`${importerFile}: no workspace file ${source} in ${variant}/ or readonly/`);
        return resolved;
      }
      if (source.startsWith('./') && isWorkspaceFile(exerciseDir, importerFile)) {
        return fromWorkspace(exerciseDir, source.slice(2));
      }
      return null;
    },
  };
}
