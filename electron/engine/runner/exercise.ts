// What the runner needs from an exercise package, read by the content module's one loader
// (loadStudentExercise, with the hidden tests when present): the manifest, the read-only files and
// every test file as values. The runner itself never reads an exercise folder.
import fs from 'node:fs';
import path from 'node:path';
import { CodedError } from '../common/codedError';
import { hasExercise, loadStudentExercise } from '../content/loadExercise';
import type { ExerciseManifest } from '../content/exerciseManifest';

export type RunnerManifest = ExerciseManifest;

export interface RunnerExercise {
  dir: string;
  manifest: RunnerManifest;
  /** Read-only workspace files: name → source. */
  readonly: ReadonlyMap<string, string>;
  /** Every file under tests/ (hidden ones included where the package has them): path → source. */
  tests: ReadonlyMap<string, string>;
}

export class ExerciseNotFoundError extends CodedError {
  readonly code = 'NOT_FOUND';
}

export function loadRunnerExercise(exercisesDir: string, id: string): RunnerExercise {
  if (!hasExercise(exercisesDir, id)) throw new ExerciseNotFoundError(`no exercise '${id}' in ${exercisesDir}`);
  // A broken manifest throws ExerciseContentError naming the field.
  const { dir, manifest, readonly, testFiles } = loadStudentExercise(exercisesDir, id, { hiddenTests: true });
  return { dir, manifest, readonly: new Map(Object.entries(readonly)), tests: new Map(Object.entries(testFiles)) };
}

/** The editable files of a variant folder (starter/, solution/, mutants/<name>/ or any student folder). */
export function readEditableFiles(exercise: { manifest: { editable: readonly string[] } }, folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of exercise.manifest.editable) {
    const p = path.join(folder, name);
    if (fs.existsSync(p)) files[name] = fs.readFileSync(p, 'utf8');
  }
  return files;
}
