import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, discover, hashExerciseFolder, loadExerciseCatalog, sealSubmission, serializeSubmission } from '../../../electron/engine/grading';
import { wordNotes } from '../../../electron/engine/common/gradingWords';

const exercises = path.resolve(__dirname, '../../../exercises');
const catalog = loadExerciseCatalog(exercises);
const hash = hashExerciseFolder(path.join(exercises, 'orders-lifecycle'));

function sub(id: string, createdAt: string, files = [{ path: 'OrderAggregate.ts', content: '// code' }]) {
  return serializeSubmission(
    sealSubmission({
      format: 'replayground-submission', formatVersion: 1, student: { name: id, id }, exercise: { id: 'orders-lifecycle', contentHash: hash },
      files, runs: [], hintUnlocks: [], quizAttempts: [], appVersion: '0.1.0', createdAt,
    }),
  );
}

describe('discovering and classifying submissions', () => {
  it('finds files at the top and one level down, and student/exercise folders', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-discover-'));
    fs.writeFileSync(path.join(dir, 'top.replayground.json'), sub('top', '2026-01-01T00:00:00Z'));
    fs.mkdirSync(path.join(dir, 'lms-alice'));
    fs.writeFileSync(path.join(dir, 'lms-alice', 'alice.replayground.json'), sub('alice', '2026-01-01T00:00:00Z'));
    fs.mkdirSync(path.join(dir, 'bob', 'orders-lifecycle', 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'bob', 'orders-lifecycle', 'src', 'OrderAggregate.ts'), '// bob');
    fs.writeFileSync(path.join(dir, 'bob', 'orders-lifecycle', 'notes.txt'), 'hi');
    fs.mkdirSync(path.join(dir, 'carol', 'orders-lifecycle'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'carol', 'orders-lifecycle', 'README.md'), 'nothing useful');
    fs.mkdirSync(path.join(dir, '.hidden'));
    fs.writeFileSync(path.join(dir, 'README.txt'), 'ignored');

    const entries = classify(discover(dir), catalog);
    const by = Object.fromEntries(entries.map((e) => [e.studentId, e]));
    expect(Object.keys(by).sort()).toEqual(['alice', 'bob', 'carol', 'top']);
    expect(by.alice).toMatchObject({ status: 'gradable', kind: 'file', source: 'lms-alice/alice.replayground.json' });
    expect(by.bob).toMatchObject({ status: 'gradable', kind: 'folder', checksumOk: null, files: { 'OrderAggregate.ts': '// bob' } });
    expect(wordNotes(by.bob.notes, 'en')).toContain('notes.txt');
    expect(by.carol).toMatchObject({ status: 'empty' });
    expect(wordNotes(by.carol.notes, 'en')).toContain('OrderAggregate.ts');
  });

  it('keeps the newest duplicate, breaking ties by source, and fills missing files from the starter', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-dup-'));
    fs.writeFileSync(path.join(dir, 'a1.json'), sub('dup', '2026-01-02T00:00:00+03:00'));
    fs.writeFileSync(path.join(dir, 'a2.json'), sub('dup', '2026-01-01T22:00:00Z'));
    fs.writeFileSync(path.join(dir, 'a3.json'), sub('dup', '2026-01-01T22:00:00.000Z'));
    fs.writeFileSync(path.join(dir, 'extra.json'), sub('extra', '2026-01-01T00:00:00Z', [{ path: 'Other.ts', content: 'x' }]));
    const entries = classify(discover(dir), catalog);
    const dups = entries.filter((e) => e.studentId === 'dup');
    expect(dups.map((e) => [e.source, e.status])).toEqual([
      ['a1.json', 'superseded'],
      ['a2.json', 'superseded'],
      ['a3.json', 'gradable'],
    ]);
    const extra = entries.find((e) => e.studentId === 'extra')!;
    expect(extra.files!['OrderAggregate.ts']).toBe(fs.readFileSync(path.join(exercises, 'orders-lifecycle/starter/OrderAggregate.ts'), 'utf8'));
    expect(wordNotes(extra.notes, 'en')).toMatch(/starter file was used.*ignored files.*Other\.ts/);
  });
});
