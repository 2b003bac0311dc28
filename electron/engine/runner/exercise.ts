// What the runner needs from an exercise package: the manifest (read with the content loader's one
// schema, so the runner and the rest of the app agree on what a valid exercise is) and the read-only files.
import fs from 'node:fs';
import path from 'node:path';
import { CodedError } from '../common/codedError';
import { readManifest } from '../content/loadExercise';
import type { ExerciseManifest } from '../content/exerciseManifest';

export type RunnerManifest = ExerciseManifest;

export interface RunnerExercise {
  dir: string;
  manifest: RunnerManifest;
  /** Read-only workspace files: name → source. */
  readonly: ReadonlyMap<string, string>;
}

export class ExerciseNotFoundError extends CodedError {
  readonly code = 'NOT_FOUND';
}

export function loadRunnerExercise(exercisesDir: string, id: string): RunnerExercise {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new ExerciseNotFoundError(`no exercise '${id}'`);
  const dir = path.join(exercisesDir, id);
  if (!fs.existsSync(path.join(dir, 'exercise.json'))) throw new ExerciseNotFoundError(`no exercise '${id}' in ${exercisesDir}`);
  const manifest = readManifest(exercisesDir, id); // a broken manifest throws ExerciseContentError naming the field
  const readonly = new Map<string, string>();
  for (const name of manifest.readonly) readonly.set(name, fs.readFileSync(path.join(dir, 'readonly', name), 'utf8'));
  return { dir, manifest, readonly };
}

/** The editable files of a variant folder (starter/, solution/, mutants/<name>/ or any student folder). */
export function readEditableFiles(exercise: RunnerExercise, folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of exercise.manifest.editable) {
    const p = path.join(folder, name);
    if (fs.existsSync(p)) files[name] = fs.readFileSync(p, 'utf8');
  }
  return files;
}
