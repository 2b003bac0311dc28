// Grading reads exercise packages through the content loader: every real exercise loads, a broken
// package is reported without stopping the others, and a copy without tests/hidden/ still loads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listExercises } from '../../../electron/engine/content/loadExercise';
import { hashExerciseFolder, loadExerciseCatalog } from '../../../electron/engine/grading';

const exercises = path.resolve(__dirname, '../../../exercises');

describe('the grading catalog', () => {
  it('holds every exercise the content loader lists, with starter, solution and content hash', () => {
    const catalog = loadExerciseCatalog(exercises);
    const ids = listExercises(exercises).map((m) => m.id);
    expect(catalog.problems).toEqual([]);
    expect(catalog.ids()).toEqual([...ids].sort());
    for (const id of ids) {
      const ex = catalog.get(id)!;
      expect(Object.keys(ex.solution)).toEqual(ex.editable);
      expect(Object.keys(ex.starter)).toEqual(ex.editable);
      expect(ex.contentHash).toBe(hashExerciseFolder(path.join(exercises, id)));
    }
  });

  it('reports a broken package and keeps the others; a copy without hidden tests still loads', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-catalog-'));
    fs.cpSync(path.join(exercises, 'orders-lifecycle'), path.join(root, 'orders-lifecycle'), { recursive: true });
    fs.rmSync(path.join(root, 'orders-lifecycle', 'tests', 'hidden'), { recursive: true });
    fs.cpSync(path.join(exercises, 'bank-account'), path.join(root, 'bank-account'), { recursive: true });
    fs.rmSync(path.join(root, 'bank-account', 'solution'), { recursive: true });
    const catalog = loadExerciseCatalog(root);
    expect(catalog.ids()).toEqual(['orders-lifecycle']);
    expect(catalog.problems).toHaveLength(1);
    expect(catalog.problems[0]).toMatch(/bank-account.*exercise\.json.*editable\[0\].*does not exist/);
  });
});
