// CLI options: hidden tests from a separate folder (an instructor copy without tests/hidden), only one
// exercise selected, bad arguments, and a missing input folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISE_DIR, EXERCISE_ID, makeSubmission, variant } from './fixtureClass';
import { gradeCli, readCsv } from './gradeCli';
import { serializeSubmission } from '../../../electron/engine/grading';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-grade-opts-'));

function classOf(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'a.replayground.json'), serializeSubmission(makeSubmission('a', variant('mutants/loose-amount'))));
  fs.writeFileSync(path.join(dir, 'b.replayground.json'), serializeSubmission(makeSubmission('b', variant('solution'), { exerciseId: 'other-exercise' })));
}

describe('grade CLI options', () => {
  it('takes hidden tests from --hidden-tests when the exercise copy has none', () => {
    const exercises = path.join(work, 'exercises');
    fs.cpSync(EXERCISE_DIR, path.join(exercises, EXERCISE_ID), { recursive: true });
    fs.cpSync(path.join(exercises, EXERCISE_ID, 'tests/hidden'), path.join(work, 'hidden', EXERCISE_ID), { recursive: true });
    fs.rmSync(path.join(exercises, EXERCISE_ID, 'tests/hidden'), { recursive: true });
    const input = path.join(work, 'class');
    classOf(input);

    const without = gradeCli([input, '--out', path.join(work, 'out-a'), '--exercises', exercises]);
    expect(without.status, without.stderr).toBe(0);
    const withHidden = gradeCli([input, '--out', path.join(work, 'out-b'), '--exercises', exercises, '--hidden-tests', path.join(work, 'hidden'), '--exercise', EXERCISE_ID]);
    expect(withHidden.status, withHidden.stderr).toBe(0);

    const a = JSON.parse(fs.readFileSync(path.join(work, 'out-a', 'gradebook.json'), 'utf8'));
    const b = JSON.parse(fs.readFileSync(path.join(work, 'out-b', 'gradebook.json'), 'utf8'));
    const rowA = a.entries.find((e: { student_id: string }) => e.student_id === 'a');
    const rowB = b.entries.find((e: { student_id: string }) => e.student_id === 'a');
    expect(rowA.hidden.max_points).toBe(0);
    expect(rowB.hidden.max_points).toBeGreaterThan(0);
    // The loose-amount mutant passes every visible test and is caught by a hidden one.
    expect(rowB.visible.points).toBe(rowB.visible.max_points);
    expect(rowB.hidden.points).toBeLessThan(rowB.hidden.max_points);
    // The student's copy (no hidden tests) and this one hash the same: no mismatch.
    expect(rowB.status).toBe('graded');
    const other = readCsv(path.join(work, 'out-b', 'gradebook.csv')).find((r) => r.student_id === 'b')!;
    expect(other.status).toBe('unknown_exercise');
  });

  it('lists submissions of other exercises as not selected', () => {
    const exercises = path.join(work, 'exercises2');
    fs.cpSync(EXERCISE_DIR, path.join(exercises, EXERCISE_ID), { recursive: true });
    fs.cpSync(EXERCISE_DIR, path.join(exercises, 'other-exercise'), { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(exercises, 'other-exercise', 'exercise.json'), 'utf8'));
    fs.writeFileSync(path.join(exercises, 'other-exercise', 'exercise.json'), JSON.stringify({ ...manifest, id: 'other-exercise' }));
    const input = path.join(work, 'class2');
    classOf(input);
    const r = gradeCli([input, '--out', path.join(work, 'out-c'), '--exercises', exercises, '--exercise', EXERCISE_ID]);
    expect(r.status, r.stderr).toBe(0);
    const rows = readCsv(path.join(work, 'out-c', 'gradebook.csv'));
    expect(rows.find((x) => x.student_id === 'b')).toMatchObject({ status: 'not_selected', score: '' });
    expect(rows.find((x) => x.student_id === 'a')!.status).toMatch(/graded|hash_mismatch/);
  });

  it('exits 2 on bad arguments and 1 when the input is missing', () => {
    expect(gradeCli([]).status).toBe(2);
    expect(gradeCli([work, '--out', path.join(work, 'x'), '--concurrency', '0']).status).toBe(2);
    const missing = gradeCli([path.join(work, 'nope'), '--out', path.join(work, 'x')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Input not found/);
  });

  it('grades an empty input folder to an empty gradebook', () => {
    const empty = path.join(work, 'empty-class');
    fs.mkdirSync(empty);
    const r = gradeCli([empty, '--out', path.join(work, 'out-empty')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readCsv(path.join(work, 'out-empty', 'gradebook.csv'))).toEqual([]);
    expect(fs.readFileSync(path.join(work, 'out-empty', 'summary.html'), 'utf8')).toContain('no submission files or student folders found');
    expect(r.stdout).toContain('no submission files or student folders found');
  });
});
