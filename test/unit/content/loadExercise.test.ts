import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ExerciseContentError,
  listExercises,
  loadExercise,
  loadStudentExercise,
  studentBuild,
  studentBuildFiles,
  writeStudentBuilds,
} from '../../../electron/engine/content/loadExercise';

const EXERCISES = fileURLToPath(new URL('../../../exercises', import.meta.url));
const ID = 'orders-lifecycle';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'exercises-'));
  cpSync(path.join(EXERCISES, ID), path.join(root, ID), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function editManifest(change: (manifest: Record<string, unknown>) => void): string {
  const file = path.join(root, ID, 'exercise.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

function errorOf(action: () => unknown): ExerciseContentError {
  try {
    action();
  } catch (error) {
    if (error instanceof ExerciseContentError) return error;
    throw error;
  }
  throw new Error('expected an ExerciseContentError');
}

describe('loadExercise', () => {
  it('loads the manifest and every file of orders-lifecycle', () => {
    const exercise = loadExercise(EXERCISES, ID);
    expect(exercise.manifest.id).toBe(ID);
    expect(Object.keys(exercise.readonly).sort()).toEqual([...exercise.manifest.readonly].sort());
    expect(exercise.starter['OrderAggregate.ts']).toContain("throw new Error('not implemented')");
    expect(exercise.solution['OrderAggregate.ts']).not.toContain('not implemented');
    expect(exercise.suites.every((suite) => suite.source.includes("from 'vitest'"))).toBe(true);
    expect(exercise.testFiles['tests/support/givenWhenThen.ts']).toBeDefined();
    expect(Object.keys(exercise.mutants).length).toBeGreaterThanOrEqual(10);
  });

  it('lists exercises in course order', () => {
    expect(listExercises(EXERCISES).map((manifest) => manifest.id)).toContain(ID);
    expect(listExercises(path.join(root, 'nowhere'))).toEqual([]);
  });

  it('names the file and the field of a broken manifest', () => {
    const file = editManifest((manifest) => {
      (manifest.suites as Array<Record<string, unknown>>)[1]!.visibility = 'secret';
    });
    const error = errorOf(() => loadExercise(root, ID));
    expect(error.file).toBe(file);
    expect(error.fieldPath).toBe('suites[1].visibility');
    expect(error.message).toContain(`${file}: suites[1].visibility:`);
  });

  it('reports a manifest that is not JSON', () => {
    writeFileSync(path.join(root, ID, 'exercise.json'), '{ "id": ');
    expect(errorOf(() => loadExercise(root, ID)).message).toMatch(/exercise\.json: not valid JSON/);
  });

  it('reports an id that does not match the folder', () => {
    editManifest((manifest) => {
      manifest.id = 'other-id';
    });
    expect(errorOf(() => loadExercise(root, ID)).fieldPath).toBe('id');
  });

  it('reports a listed file that does not exist, by its field', () => {
    unlinkSync(path.join(root, ID, 'readonly', 'clock.ts'));
    const error = errorOf(() => loadExercise(root, ID));
    expect(error.fieldPath).toMatch(/^readonly\[\d+\]$/);
    expect(error.message).toContain('clock.ts does not exist');
  });

  it('reports a suite file that does not exist', () => {
    unlinkSync(path.join(root, ID, 'tests', 'hidden', 'envelope.test.ts'));
    expect(errorOf(() => loadExercise(root, ID)).fieldPath).toMatch(/^suites\[\d+\]\.file$/);
  });

  it('reports a read-only file the manifest forgot', () => {
    writeFileSync(path.join(root, ID, 'readonly', 'extra.ts'), 'export {};\n');
    expect(errorOf(() => loadExercise(root, ID)).message).toContain('extra.ts');
  });
});

describe('the student build', () => {
  it('ships the starter, read-only files and visible tests, never the solution, mutants or hidden tests', () => {
    const exercise = loadExercise(EXERCISES, ID);
    const files = studentBuildFiles(exercise);
    expect(files).toContain('exercise.json');
    expect(files).toContain('starter/OrderAggregate.ts');
    expect(files).toContain('readonly/events.ts');
    expect(files).toContain('tests/visible/pay.test.ts');
    expect(files).toContain('tests/support/givenWhenThen.ts');
    expect(files.filter((file) => /^(solution|mutants)\/|^tests\/hidden\//.test(file))).toEqual([]);
  });

  it('writes a manifest without hidden suites', () => {
    const build = studentBuild(loadExercise(EXERCISES, ID));
    const manifest = JSON.parse(build['exercise.json']!) as { suites: Array<{ visibility: string; file: string }> };
    expect(manifest.suites.some((suite) => suite.visibility === 'hidden')).toBe(false);
    expect(JSON.stringify(build)).not.toContain('tests/hidden/');
  });

  it('writes every exercise as a student build that the app can open, hidden suites and mutants left out', () => {
    const out = path.join(root, 'student-build');
    const ids = writeStudentBuilds(EXERCISES, out);
    expect(ids).toEqual(listExercises(EXERCISES).map((manifest) => manifest.id));
    for (const id of ids) {
      const student = loadStudentExercise(out, id);
      expect(student.manifest.suites.every((suite) => suite.visibility === 'visible'), id).toBe(true);
      expect(student.manifest.minMutantLoss, id).toBeUndefined();
      expect(Object.values(student.starter).every((source) => source.length > 0), id).toBe(true);
      expect(readFileSync(path.join(out, id, 'exercise.json'), 'utf8')).toBe(studentBuild(loadExercise(EXERCISES, id))['exercise.json']);
    }
    expect(() => readFileSync(path.join(out, ID, 'solution', 'OrderAggregate.ts'))).toThrow(/ENOENT/);
  });
});
