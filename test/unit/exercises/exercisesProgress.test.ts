// The exercise progress tables: drafts, history, hint unlocks, runs and the export for the hand-in.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createExercisesProgress, hashFiles } from '../../../electron/engine/progress/exercisesProgress';

function fresh() {
  return createExercisesProgress(new Database(':memory:'));
}

describe('exercise progress', () => {
  it('hashes files independently of key order', () => {
    expect(hashFiles({ a: '1', b: '2' })).toBe(hashFiles({ b: '2', a: '1' }));
    expect(hashFiles({ a: '1' })).not.toBe(hashFiles({ a: '1 ' }));
  });

  it('migrating twice is harmless', () => {
    const db = new Database(':memory:');
    createExercisesProgress(db);
    expect(() => createExercisesProgress(db)).not.toThrow();
  });

  it('a replaced draft goes to the history', () => {
    const p = fresh();
    p.saveDraft('x', { 'A.ts': 'one' }, { file: 'A.ts', line: 2, column: 3 });
    p.replaceDraft('x', { 'A.ts': 'starter' }, 'reset');
    expect(p.getDraft('x')?.files).toEqual({ 'A.ts': 'starter' });
    expect(p.exportAll().draftHistory).toHaveLength(1);
  });

  it('exports runs and hint unlocks with their times for the hand-in', () => {
    const p = fresh();
    p.unlockHint('x', 0, '2026-01-01T00:00:00.000Z');
    p.recordRun({ exerciseId: 'x', startedAt: '2026-01-01T00:01:00.000Z', files: { 'A.ts': 'code' }, status: 'pass', passed: 3, failed: 0, total: 3, points: 3, maxPoints: 3, durationMs: 12, results: { ok: 1 } });
    const out = p.exportAll();
    expect(out.hintUnlocks).toEqual([{ exercise_id: 'x', hint_index: 0, unlocked_at: '2026-01-01T00:00:00.000Z' }]);
    expect(out.runs[0]).toMatchObject({ exerciseId: 'x', passed: 3, allPassed: true, files: { 'A.ts': 'code' }, results: { ok: 1 } });
    expect(p.overview().get('x')).toMatchObject({ runs: 1, best: 3, passed: true });
  });
});
