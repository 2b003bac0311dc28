// The fixture class graded end to end through the CLI: every kind of submission gets the row it must,
// hostile code harms nothing, reports are self-contained and escaped, and grading is deterministic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BANK, CATALOG, EXERCISE_ID, buildFixtureClass, type Expected } from './fixtureClass';
import { gradeCli, readCsv, type CliRun } from './gradeCli';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-grade-class-'));
const input = path.join(work, 'class');
const marker = path.join(work, 'ESCAPED');
const out1 = path.join(work, 'out1');
const out2 = path.join(work, 'out2');
let expected: Expected[];
let run1: CliRun;
let run2: CliRun;

beforeAll(() => {
  expected = buildFixtureClass(input, marker);
  run1 = gradeCli([input, '--out', out1, '--concurrency', '2']);
  run2 = gradeCli([input, '--out', out2, '--concurrency', '1']);
}, 600_000);

describe('grading a class through the CLI', () => {
  it('completes with exit 0 and prints a summary', () => {
    expect(run1.stderr).not.toMatch(/grade: /);
    expect(run1.status).toBe(0);
    expect(run1.stdout).toMatch(new RegExp(`Graded \\d+ of ${expected.length} submission`));
    // Not a terminal: plain progress lines, no carriage-return bar.
    expect(run1.stderr).toMatch(/^graded 1\/\d+/m);
    expect(run1.stderr).not.toContain('\r');
  });

  it('writes the gradebook with exactly the documented columns', () => {
    const header = fs.readFileSync(path.join(out1, 'gradebook.csv'), 'utf8').split('\r\n')[0];
    expect(header).toBe('\uFEFFstudent_id,student_name,exercise_id,score,max_score,passed,failed,errored,status,duration_ms,submitted_at,checksum_ok,notes');
  });

  it('gives every submission the row it must, row by row', () => {
    const rows = readCsv(path.join(out1, 'gradebook.csv'));
    expect(rows).toHaveLength(expected.length);
    const gb = JSON.parse(fs.readFileSync(path.join(out1, 'gradebook.json'), 'utf8')) as { exercises: Array<{ id: string; max_score: number }> };
    // Each exercise's maximum comes from its own reference run.
    expect(gb.exercises.map((x) => x.id)).toEqual([BANK, EXERCISE_ID, CATALOG]);
    const maxOf = (id: string) => gb.exercises.find((x) => x.id === id)!.max_score;
    for (const x of gb.exercises) expect(x.max_score, x.id).toBeGreaterThan(0);
    for (const want of expected) {
      const exerciseId = want.exercise_id ?? EXERCISE_ID;
      const max = maxOf(exerciseId);
      const candidates = rows.filter((r) => r.student_id === want.student_id && r.status === want.status && (want.score === null || r.exercise_id === exerciseId));
      expect(candidates, `${want.student_id} ${want.status}\n${JSON.stringify(rows, null, 1)}`).toHaveLength(1);
      const row = candidates[0];
      expect(row.checksum_ok, want.student_id).toBe(want.checksum_ok);
      if (want.notes) expect(row.notes, want.student_id).toMatch(want.notes);
      const score = row.score === '' ? null : Number(row.score);
      switch (want.score) {
        case null:
          expect(score, want.student_id).toBeNull();
          expect(row.max_score).toBe('');
          break;
        case 'max':
          expect(score, want.student_id).toBe(max);
          break;
        case 'zero':
          expect(score, want.student_id).toBe(0);
          break;
        case 'partial':
          expect(score, want.student_id).toBeGreaterThan(0);
          expect(score, want.student_id).toBeLessThan(max);
          break;
        case 'below-max':
          expect(score, want.student_id).toBeLessThan(max);
          break;
      }
      if (want.score !== null) {
        expect(Number(row.max_score)).toBe(max);
        expect(Number(row.passed) + Number(row.failed) + Number(row.errored)).toBeGreaterThan(0);
        expect(row.exercise_id).toBe(exerciseId);
      }
    }
  });

  it('writes the wide gradebook: one row per student, one column per exercise, and the total', () => {
    const text = fs.readFileSync(path.join(out1, 'gradebook-wide.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe(`\uFEFFstudent_id,student_name,${BANK},${EXERCISE_ID},${CATALOG},total`);
    const wide = readCsv(path.join(out1, 'gradebook-wide.csv'));
    const long = readCsv(path.join(out1, 'gradebook.csv'));
    const students = [...new Set(long.map((r) => r.student_id).filter(Boolean))].sort();
    expect(wide.map((r) => r.student_id)).toEqual(students);
    for (const w of wide) {
      let total = 0;
      for (const id of [BANK, EXERCISE_ID, CATALOG]) {
        const graded = long.filter((r) => r.student_id === w.student_id && r.exercise_id === id && r.score !== '');
        expect(graded.length, `${w.student_id} ${id}`).toBeLessThanOrEqual(1);
        expect(w[id], `${w.student_id} ${id}`).toBe(graded[0]?.score ?? '');
        total += Number(graded[0]?.score ?? 0);
      }
      expect(Number(w.total)).toBeCloseTo(total, 2);
    }
    const ada = wide.find((r) => r.student_id === 's01-correct')!;
    expect(ada.student_name).toBe('Ада Лавлейс');
    expect([ada[BANK], ada[EXERCISE_ID], ada[CATALOG]].every((v) => Number(v) > 0)).toBe(true);
  });

  it('summarises every exercise in its own section', () => {
    const summary = fs.readFileSync(path.join(out1, 'summary.html'), 'utf8');
    for (const id of [BANK, EXERCISE_ID, CATALOG]) {
      const start = summary.indexOf(`<section class="card" id="exercise-${id}">`);
      expect(start, id).toBeGreaterThan(0);
      const section = summary.slice(start, summary.indexOf('</section>', start));
      expect(section, id).toContain('<svg');
      expect(section, id).toMatch(/Most often failed/);
      expect(section, id).toMatch(/Pass rate per test/);
    }
    // The product catalogue's folder submission (a paging mutant) fails a paging test there, not elsewhere.
    const catalog = summary.slice(summary.indexOf(`id="exercise-${CATALOG}"`));
    expect(catalog.slice(0, catalog.indexOf('</section>'))).toMatch(/failed by [1-9]/);
  });

  it('writes the similarity report: copies of the solution flagged, the untouched starter never', () => {
    const gb = JSON.parse(fs.readFileSync(path.join(out1, 'gradebook.json'), 'utf8'));
    expect(gb.similarity.threshold).toBe(0.6);
    expect(gb.similarity.references).toEqual(expect.arrayContaining(['solution', 'engine: domain/orders']));
    const row = (id: string, ex = EXERCISE_ID) => gb.entries.find((e: { student_id: string; exercise_id: string; status: string }) => e.student_id === id && e.exercise_id === ex && e.status !== 'superseded');
    expect(row('s01-correct').similarity.score).toBeGreaterThanOrEqual(0.6);
    expect(row('s03-starter').similarity).toBeNull();
    // Rows that did not run are not compared.
    expect(row('s08-badsum').similarity).toBeUndefined();
    const toSolution = gb.similarity.pairs.filter((p: { b: { label: string }; exercise_id: string }) => p.b.label === 'solution' && p.exercise_id === EXERCISE_ID);
    expect(toSolution.map((p: { a: { student_id: string } }) => p.a.student_id)).toEqual(expect.arrayContaining(['s01-correct', 's11-dup', 's14-oldversion']));
    const html = fs.readFileSync(path.join(out1, 'similarity.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toContain('<script');
    expect(html).toMatch(/s01-correct ↔ /);
    expect(html).toContain('<div class="side">');
    // The ;-separated copies for Excel in a Russian locale are written next to the RFC 4180 files.
    expect(fs.readFileSync(path.join(out1, 'gradebook-semicolon.csv'), 'utf8')).toMatch(/^\uFEFFstudent_id;student_name;/);
    expect(fs.readFileSync(path.join(out1, 'gradebook-wide-semicolon.csv'), 'utf8')).toMatch(/^\uFEFFstudent_id;student_name;/);
  });

  it('never lets hostile code escape the sandbox', () => {
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('scores a forged submission on what its code does', () => {
    const gb = JSON.parse(fs.readFileSync(path.join(out1, 'gradebook.json'), 'utf8'));
    const forged = gb.entries.find((e: { student_id: string }) => e.student_id === 's09-forged');
    expect(forged.score).toBe(0);
    expect(forged.tests.length).toBeGreaterThan(10);
    expect(forged.tests.every((t: { status: string; max_points: number }) => t.status !== 'pass' || t.max_points === 0)).toBe(true);
  });

  it('writes feedback per graded student, with hidden tests by name and result only', () => {
    const md = fs.readFileSync(path.join(out1, 'feedback', 's02-partial.md'), 'utf8');
    expect(md).toMatch(/### Hidden tests/);
    const gb = JSON.parse(fs.readFileSync(path.join(out1, 'gradebook.json'), 'utf8'));
    const hiddenFailing = gb.entries
      .find((e: { student_id: string }) => e.student_id === 's02-partial')
      .tests.filter((t: { visibility: string; status: string; message: string | null }) => t.visibility === 'hidden' && t.status !== 'pass' && t.message);
    const hiddenPart = md.slice(md.indexOf('### Hidden tests'));
    for (const t of hiddenFailing) expect(hiddenPart).not.toContain(t.message.split('\n')[0]);
    const hiddenSource = fs.readFileSync(path.join(__dirname, '../../../exercises/orders-lifecycle/tests/hidden/edge-cases.test.ts'), 'utf8');
    const someLine = hiddenSource.split('\n').find((l) => l.includes('given('))!.trim();
    const html = fs.readFileSync(path.join(out1, 'feedback', 's02-partial.html'), 'utf8');
    expect(html).not.toContain(someLine);
    expect(fs.existsSync(path.join(out1, 'feedback', 's07-malformed.html'))).toBe(false);
  });

  it('escapes student text and uses no external assets', () => {
    const summary = fs.readFileSync(path.join(out1, 'summary.html'), 'utf8');
    const hostile = fs.readFileSync(path.join(out1, 'feedback', 's06-hostile.html'), 'utf8');
    for (const html of [summary, hostile]) {
      expect(html).not.toContain('<script');
      expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    }
    expect(summary).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(summary).toContain('<svg');
    expect(summary).toMatch(/Pass rate per test/);
    expect(summary).toMatch(/Not graded/);
    expect(summary).toContain('s07-malformed.replayground.json');
  });

  it('gives the same gradebook twice, apart from timing columns', () => {
    const strip = (dir: string) => {
      const gb = JSON.parse(fs.readFileSync(path.join(dir, 'gradebook.json'), 'utf8'));
      delete gb.generated_at;
      for (const e of gb.entries) {
        delete e.duration_ms;
        for (const t of e.tests) delete t.duration_ms;
      }
      return gb;
    };
    expect(run2.status).toBe(0);
    expect(strip(out2)).toEqual(strip(out1));
    const csv = (dir: string) => readCsv(path.join(dir, 'gradebook.csv')).map((r) => ({ ...r, duration_ms: '' }));
    expect(csv(out2)).toEqual(csv(out1));
    for (const f of fs.readdirSync(path.join(out1, 'feedback'))) {
      expect(fs.readFileSync(path.join(out2, 'feedback', f), 'utf8'), f).toBe(fs.readFileSync(path.join(out1, 'feedback', f), 'utf8'));
    }
  });
});
