// Discovery within a memory budget, and who a folder names: past the budget an entry keeps only where its
// code is and reads it again when it runs (refusing bytes that changed); a folder names a student only
// when the id's words appear in it whole.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, discover, entryFiles, folderNames, hashExerciseFolder, loadExerciseCatalog, sealSubmission, serializeSubmission } from '../../../electron/engine/grading';

const exercises = path.resolve(__dirname, '../../../exercises');
const catalog = loadExerciseCatalog(exercises);
const hash = hashExerciseFolder(path.join(exercises, 'orders-lifecycle'));

function sub(id: string, code: string) {
  return serializeSubmission(
    sealSubmission({
      format: 'replayground-submission', formatVersion: 1, student: { name: id, id }, exercise: { id: 'orders-lifecycle', contentHash: hash },
      files: [{ path: 'OrderAggregate.ts', content: code }], runs: [], hintUnlocks: [], quizAttempts: [], appVersion: '0.1.0', createdAt: '2026-11-20T10:00:00Z',
    }),
  );
}

describe('discovery memory budget', () => {
  it('keeps code in memory only up to the budget, and reads the rest again when it is needed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-budget-'));
    for (const id of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${id}.json`), sub(id, `// code of ${id}\n${'x'.repeat(1000)}\n`));
    fs.mkdirSync(path.join(dir, 'd', 'orders-lifecycle'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'd', 'orders-lifecycle', 'OrderAggregate.ts'), '// code of d\n');

    // Room for one submission's code (about 2 KB as UTF-16), not four.
    const entries = classify(discover(dir), catalog, undefined, { memoryBudgetBytes: 2100 });
    expect(entries.map((e) => e.status)).toEqual(['gradable', 'gradable', 'gradable', 'gradable']);
    const kept = entries.filter((e) => e.files !== null);
    const keptBytes = kept.reduce((n, e) => n + Object.values(e.files!).reduce((m, t) => m + t.length * 2, 0), 0);
    expect(keptBytes).toBeLessThanOrEqual(2100);
    expect(entries.filter((e) => e.files === null).map((e) => e.studentId)).toEqual(['b', 'c']);
    for (const e of entries) expect(entryFiles(e)['OrderAggregate.ts']).toMatch(new RegExp(`^// code of ${e.studentId}\\n`));

    // A file that changes after it was classified is refused, never graded as something else.
    const spilled = entries.find((e) => e.files === null && e.kind === 'file')!;
    fs.writeFileSync(path.join(dir, spilled.source), sub(spilled.studentId, '// swapped\n'));
    expect(() => entryFiles(spilled)).toThrow(/changed or vanished during grading/);
    const folder = entries.find((e) => e.kind === 'folder')!;
    if (folder.files === null) {
      fs.writeFileSync(path.join(dir, 'd', 'orders-lifecycle', 'OrderAggregate.ts'), '// swapped\n');
      expect(() => entryFiles(folder)).toThrow(/changed or vanished/);
    }
  });

  it('keeps nothing of the hand-in but the editable files (run history and quiz answers are dropped)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-budget2-'));
    fs.writeFileSync(path.join(dir, 'a.json'), sub('a', '// a\n'));
    const [entry] = classify(discover(dir), catalog);
    expect(Object.keys(entry)).not.toContain('submission');
    expect(entry.files).toEqual({ 'OrderAggregate.ts': '// a\n' });
  });
});

describe('which student a folder names', () => {
  it('matches the id as whole words, in any case', () => {
    expect(folderNames('alice', 'alice')).toBe(true);
    expect(folderNames('lms-alice', 'alice')).toBe(true);
    expect(folderNames('Alice_12345_assignsubmission', 'alice')).toBe(true);
    expect(folderNames('s01-correct', 's01-correct')).toBe(true);
    expect(folderNames('mallory', 'alice')).toBe(false);
    expect(folderNames('mallory', 'al')).toBe(false);
    expect(folderNames('Иванов_Пётр', 'иванов')).toBe(true);
    expect(folderNames('anything', '---')).toBe(false);
  });
});
