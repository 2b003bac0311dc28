// Lets exercise suites run under real vitest exactly as the sandbox runner runs them:
// '@workspace/X' is the chosen variant's file (solution, starter, mutants/<name>) or else the
// read-only one, relative imports from workspace files fall back the same way, and '@engine/X'
// is a pure engine module.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export interface WorkspaceResolverOptions {
  /** The project root (holds exercises/ and electron/engine/). */
  root: string;
  /** Folder under exercises/<id>/ that holds the editable files: 'solution', 'starter', 'mutants/<name>'. */
  variant: string;
}

const WORKSPACE = '@workspace/';
const ENGINE = '@engine/';

function asFile(candidate: string): string | null {
  for (const file of [candidate, `${candidate}.ts`, path.join(candidate, 'index.ts')]) {
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

export function workspaceResolver({ root, variant }: WorkspaceResolverOptions): Plugin {
  const exercisesDir = path.join(root, 'exercises');
  const engineDir = path.join(root, 'electron', 'engine');

  /** The exercise folder an importer lives in, if any. */
  function exerciseDirOf(importer: string): string | null {
    const relative = path.relative(exercisesDir, importer);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
    const id = relative.split(path.sep)[0];
    return id ? path.join(exercisesDir, id) : null;
  }

  function fromWorkspace(exerciseDir: string, name: string): string | null {
    return asFile(path.join(exerciseDir, variant, name)) ?? asFile(path.join(exerciseDir, 'readonly', name));
  }

  /** Workspace files (variant or read-only) form one flat folder, as in the sandbox. */
  function isWorkspaceFile(exerciseDir: string, file: string): boolean {
    const dir = path.dirname(file);
    return dir === path.join(exerciseDir, 'readonly') || dir === path.join(exerciseDir, variant) ||
      dir === path.join(exerciseDir, 'starter') || dir === path.join(exerciseDir, 'solution') ||
      path.dirname(dir) === path.join(exerciseDir, 'mutants');
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
