// The progress database never stops the app: a file whose tables have an unexpected shape is moved aside
// (kept, never deleted) and the host starts on a fresh one; one damaged row (a draft, a run, a setting)
// is set aside with a notice while everything else keeps working; the web host answers a path that does
// not decode with 400.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { startWebHost } from '../../../electron/host/server';

const ROOT = path.resolve(__dirname, '../../..');
const EXERCISE = 'orders-lifecycle';
const FILE = 'OrderAggregate.ts';

function dataDirWith(sql: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-progress-safety-'));
  const db = new Database(path.join(dir, 'progress.sqlite'));
  db.exec(sql);
  db.close();
  return dir;
}

async function call(engine: Engine, name: string, input: unknown) {
  const r = await engine.dispatch(name, input);
  if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { code: r.error.code });
  return r.value as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads loosely typed API answers
}

async function usable(engine: Engine): Promise<void> {
  await call(engine, 'drafts.save', { exerciseId: EXERCISE, files: { [FILE]: '// mine' }, cursor: null });
  const view = await call(engine, 'exercises.get', { id: EXERCISE, lang: 'en' });
  expect(view.files.find((f: { name: string }) => f.name === FILE).content).toBe('// mine');
}

describe('a progress database with an unexpected schema', () => {
  for (const [what, sql] of [
    ['a feature table with other columns', 'CREATE TABLE exercise_drafts (something_else TEXT); INSERT INTO exercise_drafts VALUES (\'kept\');'],
    ['a migrations table of another shape', 'CREATE TABLE schema_migrations (id INTEGER); CREATE TABLE settings (k TEXT);'],
    ['recorded migrations whose tables are not what they say', "CREATE TABLE schema_migrations (namespace TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (namespace, version)); INSERT INTO schema_migrations VALUES ('exercises', 1, 'x'), ('exercises', 2, 'x'), ('exercises', 3, 'x'), ('exercises', 4, 'x'), ('exercises', 5, 'x'); CREATE TABLE exercise_drafts (nope TEXT);"],
  ] as const) {
    it(`is moved aside and the host starts: ${what}`, async () => {
      const dir = dataDirWith(sql);
      const engine = createEngine({ dataDir: dir, shell: 'test', resourcesDir: ROOT });
      try {
        expect(engine.ctx.progress.recoveredFrom).toMatch(/progress\.sqlite\.broken-/);
        // Kept, not deleted: the old file is still there with its content.
        const old = new Database(engine.ctx.progress.recoveredFrom!, { readonly: true });
        expect(old.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toMatchObject({ n: expect.any(Number) });
        old.close();
        await usable(engine);
      } finally {
        await engine.close();
      }
    });
  }
});

describe('one damaged row', () => {
  it('a draft with invalid JSON is set aside with a notice, and the exercise keeps working', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-progress-row-'));
    let engine = createEngine({ dataDir: dir, shell: 'test', resourcesDir: ROOT });
    await call(engine, 'drafts.save', { exerciseId: EXERCISE, files: { [FILE]: '// before' }, cursor: null });
    await engine.close();
    const db = new Database(path.join(dir, 'progress.sqlite'));
    db.prepare('UPDATE exercise_drafts SET files = ? WHERE exercise_id = ?').run('{"OrderAggregate.ts": "unterminated', EXERCISE);
    db.close();

    engine = createEngine({ dataDir: dir, shell: 'test', resourcesDir: ROOT });
    try {
      const view = await call(engine, 'exercises.get', { id: EXERCISE, lang: 'en' });
      const starter = fs.readFileSync(path.join(ROOT, 'exercises', EXERCISE, 'starter', FILE), 'utf8');
      expect(view.files.find((f: { name: string }) => f.name === FILE).content).toBe(starter);
      expect(view.draft.setAside).toMatchObject({ reason: expect.stringMatching(/invalid JSON/) });
      await call(engine, 'drafts.save', { exerciseId: EXERCISE, files: { [FILE]: '// after' }, cursor: null });
      const again = await call(engine, 'exercises.get', { id: EXERCISE, lang: 'en' });
      expect(again.files.find((f: { name: string }) => f.name === FILE).content).toBe('// after');
      expect(again.draft.setAside).toBeNull();
      // The damaged text is kept, word for word.
      const kept = engine.ctx.progress.db.prepare("SELECT raw FROM progress_set_aside WHERE source = 'exercise_drafts'").get() as { raw: string };
      expect(JSON.parse(kept.raw).files).toBe('{"OrderAggregate.ts": "unterminated');
    } finally {
      await engine.close();
    }
  });

  it('a run or a setting with invalid JSON reads as absent instead of failing the call', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-progress-run-'));
    const engine = createEngine({ dataDir: dir, shell: 'test', resourcesDir: ROOT });
    try {
      const { run } = await call(engine, 'exercises.run', { exerciseId: EXERCISE, files: { [FILE]: fs.readFileSync(path.join(ROOT, 'exercises', EXERCISE, 'starter', FILE), 'utf8') } });
      await call(engine, 'settings.set', { key: 'k', value: { a: 1 } });
      const db = engine.ctx.progress.db;
      db.prepare('UPDATE exercise_runs SET results = ? WHERE id = ?').run('{broken', run.id);
      db.prepare("UPDATE settings SET value = '{broken' WHERE key = 'k'").run();
      const view = await call(engine, 'exercises.get', { id: EXERCISE, lang: 'en' });
      expect(view.lastRun).toBeNull();
      await expect(call(engine, 'runs.get', { runId: run.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await call(engine, 'settings.get', { key: 'k' })).toEqual({ value: null });
      expect((db.prepare('SELECT COUNT(*) AS n FROM progress_set_aside').get() as { n: number }).n).toBe(2);
    } finally {
      await engine.close();
    }
  });
});

describe('the web host and a path that does not decode', () => {
  it('answers GET /% and /api/% with 400, and keeps serving', async () => {
    const engine = createEngine({ dataDir: ':memory:', shell: 'test', resourcesDir: ROOT });
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    const host = await startWebHost({ engine, port: 0, staticDir });
    try {
      for (const p of ['/%', '/%E0%A4%A', '/assets/%zz']) expect((await fetch(`${host.url}${p}`)).status, p).toBe(400);
      expect((await fetch(`${host.url}/api/%`, { method: 'POST', body: '{}' })).status).toBe(400);
      expect((await fetch(`${host.url}/`)).status).toBe(200);
    } finally {
      await host.close();
      await engine.close();
    }
  });
});
