// What the runner needs from an exercise package (see "Exercise package format" in the team notes):
// the editable and read-only files, the suites, and the limits. Read leniently here (only these
// fields) so the runner does not depend on the rest of the manifest; content validation proper is
// the content loader's job.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SuiteVisibility } from './results';

const FileName = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a plain file name (the workspace is one flat folder)');

export const RunnerManifest = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  editable: z.array(FileName).min(1),
  readonly: z.array(FileName).default([]),
  suites: z
    .array(
      z.object({
        id: z.string().min(1),
        file: z.string().regex(/^tests\/[A-Za-z0-9_./-]+\.ts$/).refine((f) => !f.includes('..'), 'no ".." in suite paths'),
        visibility: SuiteVisibility,
        pointsPerTest: z.number().min(0).default(1),
      }),
    )
    .min(1),
  limits: z.object({ timeoutMs: z.number().int().min(100).max(120_000), memoryMb: z.number().int().min(32).max(4096) }).default({ timeoutMs: 5000, memoryMb: 128 }),
});
export type RunnerManifest = z.infer<typeof RunnerManifest>;

export interface RunnerExercise {
  dir: string;
  manifest: RunnerManifest;
  /** Read-only workspace files: name → source. */
  readonly: ReadonlyMap<string, string>;
}

export class ExerciseNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
}

export function loadRunnerExercise(exercisesDir: string, id: string): RunnerExercise {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new ExerciseNotFoundError(`no exercise '${id}'`);
  const dir = path.join(exercisesDir, id);
  const manifestPath = path.join(dir, 'exercise.json');
  if (!fs.existsSync(manifestPath)) throw new ExerciseNotFoundError(`no exercise '${id}' in ${exercisesDir}`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch (err) {
    throw new Error(`${manifestPath}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = RunnerManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${manifestPath}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const readonly = new Map<string, string>();
  for (const name of parsed.data.readonly) readonly.set(name, fs.readFileSync(path.join(dir, 'readonly', name), 'utf8'));
  return { dir, manifest: parsed.data, readonly };
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
