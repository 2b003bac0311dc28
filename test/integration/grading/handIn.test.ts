// The student's hand-in from the app, graded by the instructor's CLI: same code, same visible score as
// the app's own last run; the student's identity is asked once and remembered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { readSubmissionFile } from '../../../electron/engine/grading';
import { hashFiles } from '../../../electron/engine/progress/exercisesProgress';
import { EXERCISE_ID, EDITABLE, ROOT, variant } from './fixtureClass';
import { gradeCli } from './gradeCli';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-handin-'));
let engine: Engine;

async function call(name: string, input: unknown) {
  const r = await engine.dispatch(name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as Record<string, unknown>;
}

beforeAll(() => {
  engine = createEngine({ dataDir: path.join(work, 'data'), shell: 'test', resourcesDir: ROOT });
});
afterAll(async () => {
  await engine.close();
});

describe('hand-in from the app', () => {
  it('asks for the student once, then remembers them', async () => {
    await expect(call('submission.handIn', { exerciseId: EXERCISE_ID })).rejects.toMatchObject({ code: 'STUDENT_REQUIRED' });
    expect(await call('submission.student', {})).toEqual({ student: null });
    const out = await call('submission.handIn', { exerciseId: EXERCISE_ID, student: { name: 'Мария', id: 'm-7' }, folder: path.join(work, 'first') });
    expect(await call('submission.student', {})).toEqual({ student: { name: 'Мария', id: 'm-7' } });
    expect(path.basename(out.path as string)).toMatch(/^m-7-orders-lifecycle-.*\.replayground\.json$/);
    expect(readSubmissionFile(out.path as string).kind).toBe('ok');
    // Nothing edited yet: the starter is what is handed in.
    expect(JSON.parse(out.json as string).files).toEqual([{ path: EDITABLE, content: variant('starter') }]);
  });

  it('writes a file the CLI grades to the same score as the app\'s last run of the same code', async () => {
    const code = variant('mutants/no-state-check');
    await call('drafts.save', { exerciseId: EXERCISE_ID, files: { [EDITABLE]: code }, cursor: null });
    await call('hints.unlock', { exerciseId: EXERCISE_ID, index: 0 }).catch(() => undefined);
    await call('quiz.submit', { lessonId: '04-event-driven', lang: 'en', seed: 3, answers: [] });
    await call('exercises.run', { exerciseId: EXERCISE_ID, files: { [EDITABLE]: variant('starter') } });
    const last = (await call('exercises.run', { exerciseId: EXERCISE_ID, files: { [EDITABLE]: code } })) as { run: { points: number; maxPoints: number; passed: number; failed: number } };
    expect(last.run.points).toBeGreaterThan(0);
    expect(last.run.points).toBeLessThan(last.run.maxPoints);

    const handins = path.join(work, 'handins');
    const out = (await call('submission.handIn', { exerciseId: EXERCISE_ID, folder: handins, again: true })) as { path: string; json: string; checksum: string };
    const read = readSubmissionFile(out.path);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    const s = read.submission;
    expect(s.student).toEqual({ name: 'Мария', id: 'm-7' });
    expect(s.files).toEqual([{ path: EDITABLE, content: code }]);
    expect(s.runs).toHaveLength(2);
    expect(s.runs[1]).toMatchObject({ points: last.run.points, maxPoints: last.run.maxPoints, codeHash: hashFiles({ [EDITABLE]: code }) });
    // Quiz attempts come from the quiz feature's store, every lesson's.
    expect(s.quizAttempts).toEqual([expect.objectContaining({ quizId: '04-event-driven', score: 0, answers: expect.objectContaining({ lang: 'en' }) })]);
    expect(s.checksum.value).toBe(out.checksum);
    expect(out.json).toBe(fs.readFileSync(out.path, 'utf8'));

    const outDir = path.join(work, 'graded');
    const cli = gradeCli([handins, '--out', outDir]);
    expect(cli.status, cli.stderr).toBe(0);
    const gb = JSON.parse(fs.readFileSync(path.join(outDir, 'gradebook.json'), 'utf8'));
    expect(gb.entries).toHaveLength(1);
    const entry = gb.entries[0];
    expect(entry).toMatchObject({ student_id: 'm-7', student_name: 'Мария', status: 'graded', checksum_ok: true });
    expect(entry.visible.points).toBe(last.run.points);
    expect(entry.visible.max_points).toBe(last.run.maxPoints);
    expect(entry.visible.passed).toBe(last.run.passed);
  });

  it('grades a folder in the app and serves a student\'s code beside the results', async () => {
    const { jobId, outDir } = (await call('grading.start', { inputDir: path.join(work, 'handins'), outDir: path.join(work, 'app-graded') })) as { jobId: string; outDir: string };
    const pushes: unknown[] = [];
    const off = engine.onPush((topic, payload) => topic === 'grading.progress' && pushes.push(payload));
    let result: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      result = await call('grading.result', { jobId });
      if (result.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    off();
    expect(result.state).toBe('done');
    expect(result.outDir).toBe(outDir);
    expect(fs.existsSync(path.join(outDir, 'gradebook.csv'))).toBe(true);
    expect(pushes.length).toBeGreaterThan(0);
    const code = (await call('grading.studentCode', { jobId, studentId: 'm-7' })) as { files: Array<{ name: string; content: string }>; entry: { score: number } };
    expect(code.files).toEqual([{ name: EDITABLE, content: variant('mutants/no-state-check') }]);
    expect(code.entry.score).toBeGreaterThan(0);
  });

  it('keeps the grading on the machine\'s list, so it opens again after a restart with its students\' code', async () => {
    const { runs } = (await call('grading.history', {})) as { runs: Array<{ id: string; state: string; outDir: string; found: number; graded: number; inputDir: string }> };
    const run = runs.find((r) => r.outDir === path.join(work, 'app-graded'))!;
    expect(run).toMatchObject({ state: 'done', found: 1, graded: 1, inputDir: path.join(work, 'handins') });

    await engine.close();
    engine = createEngine({ dataDir: path.join(work, 'data'), shell: 'test', resourcesDir: ROOT });
    await expect(call('grading.result', { jobId: run.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(((await call('grading.history', {})) as { runs: Array<{ id: string }> }).runs[0]!.id).toBe(run.id);
    const { jobId } = (await call('grading.open', { runId: run.id })) as { jobId: string };
    const result = (await call('grading.result', { jobId })) as { state: string; gradebook: { entries: Array<{ student_id: string; score: number }> }; files: string[] };
    expect(result.state).toBe('done');
    expect(result.gradebook.entries.map((e) => e.student_id)).toEqual(['m-7']);
    expect(result.files).toContain('summary.html');
    const code = (await call('grading.studentCode', { jobId, studentId: 'm-7' })) as { files: Array<{ name: string; content: string }> };
    expect(code.files).toEqual([{ name: EDITABLE, content: variant('mutants/no-state-check') }]);

    // Reports deleted by hand: opening says so and names the file; forgetting takes it off the list.
    const moved = path.join(work, 'app-graded-moved');
    fs.renameSync(path.join(work, 'app-graded'), moved);
    await engine.close();
    engine = createEngine({ dataDir: path.join(work, 'data'), shell: 'test', resourcesDir: ROOT });
    await expect(call('grading.open', { runId: run.id })).rejects.toMatchObject({ code: 'GRADING_REPORT_MISSING' });
    fs.renameSync(moved, path.join(work, 'app-graded'));
    await call('grading.forget', { runId: run.id });
    expect(((await call('grading.history', {})) as { runs: Array<{ id: string }> }).runs.map((r) => r.id)).not.toContain(run.id);
  });

  it('grades in an installed (student-build) app from an instructor\'s copy of the exercises', async () => {
    // The student build ships no solution/, mutants/ or tests/hidden/: it cannot grade on its own.
    const resources = path.join(work, 'student-build');
    const copy = path.join(resources, 'exercises', EXERCISE_ID);
    fs.cpSync(path.join(ROOT, 'exercises', EXERCISE_ID), copy, { recursive: true });
    for (const dir of ['solution', 'mutants', 'tests/hidden']) fs.rmSync(path.join(copy, dir), { recursive: true, force: true });
    const installed = createEngine({ dataDir: path.join(work, 'installed-data'), shell: 'test', resourcesDir: resources });
    const grade = async (extra: Record<string, string>) => {
      const start = await installed.dispatch('grading.start', { inputDir: path.join(work, 'handins'), ...extra });
      if (!start.ok) throw new Error(start.error.message);
      const { jobId } = start.value as { jobId: string };
      for (let i = 0; i < 300; i++) {
        const r = await installed.dispatch('grading.result', { jobId });
        const value = (r.ok ? r.value : {}) as { state?: string; gradebook?: { entries: Array<{ status: string }> } };
        if (value.state !== 'running') return value;
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error('grading did not finish');
    };
    try {
      const alone = await grade({});
      expect(alone.gradebook?.entries.map((e) => e.status)).toEqual(['unknown_exercise']);
      const withInstructorCopy = await grade({ exercisesDir: path.join(ROOT, 'exercises') });
      expect(withInstructorCopy.gradebook?.entries.map((e) => e.status)).toEqual(['graded']);
    } finally {
      await installed.close();
    }
  });
});

describe('what a hand-in holds, and handing in twice', () => {
  let own: Engine;
  const data = path.join(work, 'twice-data');
  async function ask(name: string, input: unknown) {
    const r = await own.dispatch(name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, params: r.error.params });
    return r.value as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads loose JSON
  }
  beforeAll(() => {
    own = createEngine({ dataDir: data, shell: 'test', resourcesDir: ROOT });
  });
  afterAll(async () => {
    await own.close();
  });

  it('shows the exercise, the code, the visible score, the runs and this profile\'s quiz attempts before writing', async () => {
    const before = await ask('submission.preview', { exerciseId: EXERCISE_ID, lang: 'ru' });
    expect(before.exercise.id).toBe(EXERCISE_ID);
    expect(before.exercise.title).toMatch(/[а-я]/i);
    expect(before).toMatchObject({ runs: 0, lastRun: null, bestRun: null, hintsOpened: 0, quizAttempts: [], handIns: [], student: null });
    expect(before.files).toEqual([{ path: EDITABLE, lines: variant('starter').split('\n').length, fromStarter: true }]);
    expect(before.defaultFolder).toMatch(/handins$/);

    const code = variant('mutants/no-state-check');
    await ask('exercises.run', { exerciseId: EXERCISE_ID, files: { [EDITABLE]: code } });
    await ask('drafts.save', { exerciseId: EXERCISE_ID, files: { [EDITABLE]: code }, cursor: null });
    await ask('quiz.submit', { lessonId: '04-event-driven', lang: 'en', seed: 5, answers: [] });
    const after = await ask('submission.preview', { exerciseId: EXERCISE_ID, lang: 'en' });
    expect(after.runs).toBe(1);
    expect(after.lastRun.points).toBeGreaterThan(0);
    expect(after.lastRun.points).toBeLessThan(after.lastRun.maxPoints);
    expect(after.bestRun).toEqual(after.lastRun);
    expect(after.quizAttempts).toEqual([expect.objectContaining({ quizId: '04-event-driven', score: 0 })]);
    expect(after.files[0]).toMatchObject({ path: EDITABLE, fromStarter: false, lines: code.split('\n').length });
    // What the preview promised is what the file holds.
    const out = await ask('submission.handIn', { exerciseId: EXERCISE_ID, student: { name: 'Ann', id: 'a-1' } });
    const file = JSON.parse(out.json);
    expect(file.runs).toHaveLength(after.runs);
    expect(file.quizAttempts).toHaveLength(after.quizAttempts.length);
    expect(file.exercise.id).toBe(after.exercise.id);
  });

  it('refuses a silent second hand-in, writes a clearly named version 2 when asked, and never overwrites unasked', async () => {
    const first = (await ask('submission.preview', { exerciseId: EXERCISE_ID, lang: 'en' })).handIns;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ version: 1 });
    expect(fs.existsSync(first[0].path)).toBe(true);

    // The second click: refused, naming the earlier hand-in; nothing new is written.
    const folder = path.dirname(first[0].path);
    const filesBefore = fs.readdirSync(folder);
    await expect(ask('submission.handIn', { exerciseId: EXERCISE_ID })).rejects.toMatchObject({
      code: 'ALREADY_HANDED_IN',
      params: { version: 1, path: first[0].path },
    });
    expect(fs.readdirSync(folder)).toEqual(filesBefore);

    // Deliberately again: version 2, its own file; the first one stays.
    const second = await ask('submission.handIn', { exerciseId: EXERCISE_ID, again: true });
    expect(second.version).toBe(2);
    expect(second.fileName).toMatch(/^a-1-orders-lifecycle-.+-v2\.replayground\.json$/);
    expect(fs.existsSync(first[0].path)).toBe(true);
    expect((await ask('submission.preview', { exerciseId: EXERCISE_ID, lang: 'en' })).handIns.map((h: { version: number }) => h.version)).toEqual([1, 2]);

    // A chosen name that exists already: asked, then replaced only when the student says so.
    const usb = path.join(work, 'usb');
    await ask('submission.handIn', { exerciseId: EXERCISE_ID, again: true, folder: usb, fileName: 'ann' });
    await expect(ask('submission.handIn', { exerciseId: EXERCISE_ID, again: true, folder: usb, fileName: 'ann' })).rejects.toMatchObject({
      code: 'FILE_EXISTS',
      params: { path: path.join(usb, 'ann.replayground.json') },
    });
    const replaced = await ask('submission.handIn', { exerciseId: EXERCISE_ID, again: true, folder: usb, fileName: 'ann', replace: true });
    expect(replaced).toMatchObject({ replaced: true, version: 4 });
    expect(JSON.parse(fs.readFileSync(replaced.path, 'utf8')).checksum.value).toBe(replaced.checksum);
  });

  it('writes to the exact file the native save dialog chose (a USB stick)', async () => {
    const target = path.join(work, 'stick', 'ann-final.replayground.json');
    const out = await ask('submission.handIn', { exerciseId: EXERCISE_ID, again: true, target, replace: true });
    expect(out.path).toBe(target);
    expect(readSubmissionFile(target).kind).toBe('ok');
  });
});
