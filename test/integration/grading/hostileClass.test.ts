// The hostile corpus for grading, through the CLI as an instructor runs it: every per-file failure becomes
// that student's row with a clear status naming the file, a row whose identity or time lies is flagged and
// never replaces another student's work, and every honest submission is still graded and reported.
// As root, file permissions do not apply; the grader then runs as "nobody", so an unreadable file is
// really unreadable (EACCES), not simulated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHostileClass, type HostileCase } from './hostileClass';
import { gradeCli, readCsv, type CliRun } from './gradeCli';

const NOBODY = { uid: 65534, gid: 65534 };
const isRoot = process.getuid?.() === 0;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-hostile-class-'));
const input = path.join(work, 'class');
const out = path.join(work, 'out');
let cases: HostileCase[];
let run: CliRun;

beforeAll(() => {
  fs.chmodSync(work, 0o755);
  cases = buildHostileClass(input, { unreadable: true });
  fs.mkdirSync(out);
  if (isRoot) fs.chownSync(out, NOBODY.uid, NOBODY.gid);
  run = gradeCli([input, '--out', out, '--concurrency', '2'], isRoot ? NOBODY : undefined);
}, 600_000);

describe('grading a class that holds every kind of broken hand-in', () => {
  it('finishes with exit 0 and writes every report', () => {
    expect(run.stderr).not.toMatch(/^grade: /m);
    expect(run.status, run.stderr).toBe(0);
    for (const f of ['gradebook.csv', 'gradebook.json', 'gradebook-wide.csv', 'summary.html']) expect(fs.existsSync(path.join(out, f)), f).toBe(true);
  });

  it('gives each hostile file its own row with a clear status that names the file', () => {
    const rows = readCsv(path.join(out, 'gradebook.csv'));
    const gb = JSON.parse(fs.readFileSync(path.join(out, 'gradebook.json'), 'utf8')) as { entries: Array<{ source: string; status: string; score: number | null }>; exercises: Array<{ max_score: number }> };
    expect(rows).toHaveLength(cases.length);
    for (const c of cases) {
      const entry = gb.entries.find((e) => e.source === c.source);
      expect(entry, `${c.source}\n${JSON.stringify(rows, null, 1)}`).toBeDefined();
      const row = rows[gb.entries.indexOf(entry!)];
      expect({ source: c.source, student: row.student_id, status: row.status }).toEqual({ source: c.source, student: c.student_id, status: c.status });
      expect(row.notes, c.source).toMatch(c.notes);
      if (c.score === 'max') expect(Number(row.score), c.source).toBe(gb.exercises[0].max_score);
    }
  });

  it('scores a flagged row for the instructor, but never counts it or lets it replace the real work', () => {
    const wide = readCsv(path.join(out, 'gradebook-wide.csv'));
    const max = JSON.parse(fs.readFileSync(path.join(out, 'gradebook.json'), 'utf8')).exercises[0].max_score;
    expect(wide.find((r) => r.student_id === 'alice')).toMatchObject({ student_name: 'Alice Real', 'orders-lifecycle': String(max) });
    expect(wide.find((r) => r.student_id === 'bob')).toMatchObject({ 'orders-lifecycle': String(max) });
    const long = readCsv(path.join(out, 'gradebook.csv'));
    const mallory = long.find((r) => r.status === 'identity_mismatch')!;
    expect(mallory.score).toBe('0');
    const summary = fs.readFileSync(path.join(out, 'summary.html'), 'utf8');
    expect(summary).toMatch(/Needs your decision/);
    expect(summary).toContain('mallory/alice-2099.replayground.json');
  });

  it('takes a student\'s name in the wide gradebook from the graded row, not a superseded one', () => {
    const wide = readCsv(path.join(out, 'gradebook-wide.csv'));
    expect(wide.find((r) => r.student_id === 'carl')!.student_name).toBe('Carl Right');
  });
});
