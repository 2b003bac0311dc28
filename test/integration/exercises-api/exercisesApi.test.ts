// The exercise API through the real dispatcher and progress database, with the real exercise
// content and a stand-in runner (the sandbox has its own tests): what the UI relies on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';
import { createDispatcher } from '../../../electron/engine/api/dispatch';
import { createExercisesHandlers, type RunTests } from '../../../electron/engine/api/handlers/exercises';
import { RunResult } from '../../../electron/engine/common/runResult';

const ID = 'orders-lifecycle';
const root = projectRoot();
const starter = fs.readFileSync(path.join(root, 'exercises', ID, 'starter/OrderAggregate.ts'), 'utf8');

function fakeResult(exerciseId: string, pass: boolean): RunResult {
  const test = (name: string, visibility: 'visible' | 'hidden', ok: boolean) => ({
    name, test_code: '', status: ok ? ('pass' as const) : ('fail' as const), message: ok ? null : 'boom', output: null,
    duration_ms: 1, points: ok ? 1 : 0, max_points: 1, suite: visibility === 'visible' ? 'pay' : 'edge', visibility,
  });
  return RunResult.parse({
    version: 3, status: pass ? 'pass' : 'fail', message: null, exercise_id: exerciseId,
    tests: [test('a', 'visible', true), test('b', 'visible', pass), test('secret', 'hidden', false)],
    suites: [
      { id: 'pay', file: 'tests/visible/pay.test.ts', visibility: 'visible', status: pass ? 'pass' : 'fail', message: null, tests: 2, passed: pass ? 2 : 1, points: pass ? 2 : 1, max_points: 2, duration_ms: 2 },
      { id: 'edge', file: 'tests/hidden/edge-cases.test.ts', visibility: 'hidden', status: 'fail', message: null, tests: 1, passed: 0, points: 0, max_points: 1, duration_ms: 1 },
    ],
    points: pass ? 2 : 1, max_points: 2, duration_ms: 5,
  });
}

let dataDir: string;
let engine: Engine;
let call: (name: string, input: unknown) => Promise<any>; // any: one test helper over many result shapes
let nextPass = true;

function start(): void {
  engine = createEngine({ dataDir, shell: 'test', resourcesDir: root });
  const runTests: RunTests = async ({ exerciseId }) => fakeResult(exerciseId, nextPass);
  const service = { ...engine.service, ...createExercisesHandlers(engine.ctx, { runTests }) };
  const dispatch = createDispatcher(service);
  call = async (name, input) => {
    const r = await dispatch(name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value;
  };
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-ex-api-'));
  nextPass = true;
  start();
});
afterEach(async () => {
  await engine.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('exercises API', () => {
  it('lists the exercise as not started, then in progress after a draft, then passing after a passing run', async () => {
    const list = async () => (await call('exercises.list', { lang: 'en' })).exercises.find((e: { id: string }) => e.id === ID);
    expect((await list()).status).toBe('not_started');
    await call('drafts.save', { exerciseId: ID, files: { 'OrderAggregate.ts': starter + '\n// x' }, cursor: null });
    expect((await list()).status).toBe('in_progress');
    nextPass = false;
    await call('exercises.run', { exerciseId: ID, files: { 'OrderAggregate.ts': starter } });
    expect((await list()).status).toBe('in_progress');
    nextPass = true;
    await call('exercises.run', { exerciseId: ID, files: { 'OrderAggregate.ts': starter } });
    const done = await list();
    expect(done.status).toBe('passing');
    expect(done.bestScore).toBe(2);
    expect(done.runs).toBe(2);
  });

  it('gets the exercise in the asked language with readonly files, the starter, visible tests only', async () => {
    const ru = await call('exercises.get', { id: ID, lang: 'ru' });
    const en = await call('exercises.get', { id: ID, lang: 'en' });
    expect(ru.description).not.toBe(en.description);
    const agg = en.files.find((f: { name: string }) => f.name === 'OrderAggregate.ts');
    expect(agg).toMatchObject({ editable: true, content: starter });
    expect(en.files.find((f: { name: string }) => f.name === 'events.ts')).toMatchObject({ editable: false });
    expect(en.tests.every((t: { file: string }) => t.file.startsWith('tests/visible/'))).toBe(true);
    expect(JSON.stringify(en)).not.toContain('tests/hidden');
    expect(JSON.stringify(en)).not.toContain('edge-cases');
  });

  it('restores the exact draft and cursor after the engine restarts', async () => {
    const code = starter.replace('not implemented', 'still thinking');
    await call('drafts.save', { exerciseId: ID, files: { 'OrderAggregate.ts': code }, cursor: { file: 'OrderAggregate.ts', line: 174, column: 9 } });
    await engine.close();
    start();
    const view = await call('exercises.get', { id: ID, lang: 'en' });
    expect(view.files.find((f: { name: string }) => f.name === 'OrderAggregate.ts').content).toBe(code);
    expect(view.draft.cursor).toEqual({ file: 'OrderAggregate.ts', line: 174, column: 9 });
  });

  it('refuses to save or run a file that is not editable', async () => {
    await expect(call('drafts.save', { exerciseId: ID, files: { 'events.ts': 'export {}' }, cursor: null })).rejects.toMatchObject({ code: 'NOT_EDITABLE' });
    await expect(call('exercises.run', { exerciseId: ID, files: { 'events.ts': 'x' } })).rejects.toMatchObject({ code: 'NOT_EDITABLE' });
  });

  it('reset returns the starter and keeps the replaced code in the history', async () => {
    await call('drafts.save', { exerciseId: ID, files: { 'OrderAggregate.ts': 'mine' }, cursor: null });
    const reset = await call('drafts.reset', { exerciseId: ID });
    expect(reset.files.find((f: { name: string }) => f.name === 'OrderAggregate.ts').content).toBe(starter);
    expect(reset.historyId).toBeGreaterThan(0);
    const row = engine.ctx.progress.db.prepare('SELECT files, reason FROM exercise_draft_history WHERE id = ?').get(reset.historyId) as { files: string; reason: string };
    expect(JSON.parse(row.files)).toEqual({ 'OrderAggregate.ts': 'mine' });
    expect(row.reason).toBe('reset');
  });

  it('unlocks hints one at a time and remembers when', async () => {
    await expect(call('hints.unlock', { exerciseId: ID, index: 1, lang: 'en' })).rejects.toMatchObject({ code: 'HINT_LOCKED' });
    const first = await call('hints.unlock', { exerciseId: ID, index: 0, lang: 'en' });
    expect(first.text.length).toBeGreaterThan(10);
    const again = await call('hints.unlock', { exerciseId: ID, index: 0, lang: 'ru' });
    expect(again.unlockedAt).toBe(first.unlockedAt);
    const view = await call('exercises.get', { id: ID, lang: 'en' });
    expect(view.hints.unlocked.map((h: { index: number }) => h.index)).toEqual([0]);
  });

  it('records each run with hash, counts and code, never hidden tests; a past run can be opened and restored', async () => {
    nextPass = false;
    const code = starter + '\n// run one';
    const { run, results } = await call('exercises.run', { exerciseId: ID, files: { 'OrderAggregate.ts': code } });
    expect(run).toMatchObject({ passed: 1, failed: 1, total: 2, status: 'fail', allPassed: false });
    expect(run.codeSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(results.tests.map((t: { name: string }) => t.name)).toEqual(['a', 'b']);
    expect(results.suites.map((s: { id: string }) => s.id)).toEqual(['pay']);

    await call('drafts.save', { exerciseId: ID, files: { 'OrderAggregate.ts': 'later' }, cursor: null });
    const { runs } = await call('runs.list', { exerciseId: ID });
    expect(runs.map((r: { id: number }) => r.id)).toEqual([run.id]);
    const past = await call('runs.get', { runId: run.id });
    expect(past.files.find((f: { name: string }) => f.name === 'OrderAggregate.ts').content).toBe(code);
    const restored = await call('runs.restore', { runId: run.id });
    expect(restored.files.find((f: { name: string }) => f.name === 'OrderAggregate.ts').content).toBe(code);
    const view = await call('exercises.get', { id: ID, lang: 'en' });
    expect(view.files.find((f: { name: string }) => f.name === 'OrderAggregate.ts').content).toBe(code);
    expect(view.lastRun.run.id).toBe(run.id);
  });

  it('the same code always hashes the same', async () => {
    const a = await call('exercises.run', { exerciseId: ID, files: { 'OrderAggregate.ts': starter } });
    const b = await call('exercises.run', { exerciseId: ID, files: { 'OrderAggregate.ts': starter } });
    const c = await call('exercises.run', { exerciseId: ID, files: { 'OrderAggregate.ts': starter + ' ' } });
    expect(a.run.codeSha256).toBe(b.run.codeSha256);
    expect(c.run.codeSha256).not.toBe(a.run.codeSha256);
  });

  it('an unknown exercise is NOT_FOUND', async () => {
    await expect(call('exercises.get', { id: 'nope', lang: 'en' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
