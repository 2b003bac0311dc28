// An installed app ships the student build of each exercise (no solution/, mutants/ or tests/hidden/):
// handing in must work there, with the same content hash the instructor's copy has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/api/engine';
import { hashExerciseFolder, readSubmissionFile } from '../../../electron/engine/grading';
import { EDITABLE, EXERCISE_DIR, EXERCISE_ID, variant } from './fixtureClass';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-handin-student-build-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('hand-in from a student build', () => {
  it('writes the submission without the solution being installed', async () => {
    const resources = path.join(work, 'resources');
    const copy = path.join(resources, 'exercises', EXERCISE_ID);
    fs.cpSync(EXERCISE_DIR, copy, { recursive: true });
    for (const dir of ['solution', 'mutants', 'tests/hidden']) fs.rmSync(path.join(copy, dir), { recursive: true, force: true });
    const engine = createEngine({ dataDir: path.join(work, 'data'), shell: 'test', resourcesDir: resources });
    try {
      const r = await engine.dispatch('submission.handIn', { exerciseId: EXERCISE_ID, student: { name: 'Ann', id: 'a-1' }, folder: path.join(work, 'out') });
      expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
      if (!r.ok) return;
      const read = readSubmissionFile((r.value as { path: string }).path);
      expect(read.kind).toBe('ok');
      if (read.kind !== 'ok') return;
      expect(read.submission.files).toEqual([{ path: EDITABLE, content: variant('starter') }]);
      expect(read.submission.exercise).toEqual({ id: EXERCISE_ID, contentHash: hashExerciseFolder(EXERCISE_DIR) });
    } finally {
      await engine.close();
    }
  });
});
