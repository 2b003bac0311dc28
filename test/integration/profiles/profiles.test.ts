// Student profiles on a shared machine: a single-user install's real progress.sqlite (written by the
// version before profiles) becomes the first profile without losing a row; each profile sees only its own
// drafts, runs, quiz attempts and reading progress; removing a profile deletes its data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/api/engine';
import { projectRoot } from '../../../electron/engine/projectRoot';

const ROOT = projectRoot();
const OLD_DB = path.join(ROOT, 'test/fixtures/progress/old-format-progress.sqlite');
const engines: Engine[] = [];

function start(dataDir: string): Engine {
  const engine = createEngine({ dataDir, shell: 'test', resourcesDir: ROOT });
  engines.push(engine);
  return engine;
}
async function stop(engine: Engine) {
  await engine.close();
  engines.splice(engines.indexOf(engine), 1);
}
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

function caller(engine: Engine) {
  return async <T = Record<string, any>>(name: string, input: unknown = {}): Promise<T> => {
    const r = await engine.dispatch(name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
    return r.value as T;
  };
}

function oldInstall(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-profiles-'));
  fs.copyFileSync(OLD_DB, path.join(dir, 'progress.sqlite'));
  return dir;
}

function counts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe('migrating a single-user install', () => {
  it('turns the old progress.sqlite into the first profile, every row kept', async () => {
    const dir = oldInstall();
    const before = counts(path.join(dir, 'progress.sqlite'));
    const call = caller(start(dir));
    const list = await call('profiles.list');
    expect(list.profiles).toHaveLength(1);
    const [p] = list.profiles;
    // The name and id the student typed for their last hand-in name the profile.
    expect(p).toMatchObject({ name: 'Анна Петрова', studentId: 's-042' });
    expect(list.migratedId).toBe(p.id);
    expect(list.confirmed).toBe(false);

    const moved = counts(path.join(dir, 'profiles', p.id, 'progress.sqlite'));
    for (const table of ['exercise_drafts', 'exercise_draft_history', 'exercise_hint_unlocks', 'exercise_runs', 'quiz_attempts', 'reading_progress']) {
      expect(before[table]).toBeGreaterThan(0);
      expect(moved[table], table).toBe(before[table]);
    }
    // What the student sees through the API is what the old version stored.
    const ex = await call('exercises.get', { id: 'orders-lifecycle', lang: 'en' });
    expect(ex.files.find((f: { editable: boolean }) => f.editable).content).toContain('my draft from the old version');
    expect(ex.hints.unlocked).toHaveLength(1);
    expect((await call('runs.list', { exerciseId: 'orders-lifecycle' })).runs).toHaveLength(2);
    expect((await call('quiz.attempts', { lessonId: '04-event-driven' })).attempts).toHaveLength(1);
    expect((await call('lesson.progress.get', { id: '04-event-driven', lang: 'ru' })).sectionsRead).toEqual(['intro', 'event-sourcing', 'cqrs']);
    expect(await call('submission.student')).toEqual({ student: { name: 'Анна Петрова', id: 's-042' } });
  });

  it('leaves only the machine tables behind and migrates once', async () => {
    const dir = oldInstall();
    const first = start(dir);
    const id = (await caller(first)('profiles.list')).profiles[0].id;
    await stop(first);
    expect(Object.keys(counts(path.join(dir, 'progress.sqlite'))).sort()).toEqual(['profiles', 'progress_set_aside', 'schema_migrations', 'settings']);
    const call = caller(start(dir));
    const list = await call('profiles.list');
    expect(list.profiles.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(list.migratedId).toBeNull();
    expect((await call('runs.list', { exerciseId: 'orders-lifecycle' })).runs).toHaveLength(2);
  });

  it('a fresh data folder starts with no profile and migrates nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-profiles-fresh-'));
    const list = await caller(start(dir))('profiles.list');
    expect(list).toEqual({ profiles: [], activeId: null, confirmed: false, migratedId: null });
  });
});

describe('profiles keep students apart', () => {
  it("one student's drafts, runs, attempts and reading never show in another's profile", async () => {
    const dir = oldInstall();
    const call = caller(start(dir));
    const anna = (await call('profiles.list')).profiles[0];
    const boris = (await call('profiles.create', { name: 'Борис', studentId: 'b-1' })).profile;
    expect((await call('profiles.list')).activeId).toBe(boris.id);
    expect((await call('profiles.list')).confirmed).toBe(true);

    const ex = await call('exercises.get', { id: 'orders-lifecycle', lang: 'en' });
    expect(ex.files.find((f: { editable: boolean }) => f.editable).content).not.toContain('my draft from the old version');
    expect((await call('runs.list', { exerciseId: 'orders-lifecycle' })).runs).toHaveLength(0);
    expect((await call('quiz.attempts', { lessonId: '04-event-driven' })).attempts).toHaveLength(0);
    expect((await call('lesson.progress.get', { id: '04-event-driven', lang: 'ru' })).sectionsRead).toEqual([]);
    expect(await call('submission.student')).toEqual({ student: { name: 'Борис', id: 'b-1' } });
    await call('lesson.progress.set', { id: '04-event-driven', lang: 'ru', scrollFraction: 0.1, anchor: null, anchorOffset: 0, sectionsRead: ['boris-read'] });

    // Boris's hand-in carries none of Anna's quiz attempts or runs.
    const handIn = await call('submission.handIn', { exerciseId: 'orders-lifecycle' });
    const file = JSON.parse(handIn.json);
    expect(file.student).toEqual({ name: 'Борис', id: 'b-1' });
    expect(file.runs).toEqual([]);
    expect(file.quizAttempts).toEqual([]);
    expect(handIn.path.startsWith(path.join(dir, 'profiles', boris.id))).toBe(true);

    await call('profiles.select', { id: anna.id });
    expect((await call('runs.list', { exerciseId: 'orders-lifecycle' })).runs).toHaveLength(2);
    expect((await call('lesson.progress.get', { id: '04-event-driven', lang: 'ru' })).sectionsRead).not.toContain('boris-read');
  });

  it('removing a profile deletes its folder and only its data', async () => {
    const dir = oldInstall();
    const call = caller(start(dir));
    const anna = (await call('profiles.list')).profiles[0];
    const boris = (await call('profiles.create', { name: 'Борис' })).profile;
    await call('submission.handIn', { exerciseId: 'orders-lifecycle', student: { name: 'Борис', id: 'b-2' } });
    expect(await call('profiles.summary', { id: boris.id })).toMatchObject({ runs: 0, quizAttempts: 0, handIns: 1 });
    expect(await call('profiles.summary', { id: anna.id })).toMatchObject({ drafts: 1, runs: 2, quizAttempts: 1, readLessons: 1 });
    const removed = await call('profiles.remove', { id: boris.id });
    expect(removed.files).toBeGreaterThanOrEqual(2);
    expect(fs.existsSync(path.join(dir, 'profiles', boris.id))).toBe(false);
    const list = await call('profiles.list');
    expect(list.profiles.map((p: { id: string }) => p.id)).toEqual([anna.id]);
    // The one who removed their data is nobody now: the app asks again.
    expect(list).toMatchObject({ activeId: null, confirmed: false });
    await call('profiles.select', { id: anna.id });
    expect((await call('runs.list', { exerciseId: 'orders-lifecycle' })).runs).toHaveLength(2);
  });

  it('names are unique and errors come as codes with parameters', async () => {
    const call = caller(start(fs.mkdtempSync(path.join(os.tmpdir(), 'rg-profiles-names-'))));
    await call('profiles.create', { name: 'Вера' });
    await expect(call('profiles.create', { name: 'вера' })).rejects.toMatchObject({ code: 'PROFILE_NAME_TAKEN', details: { params: { name: 'вера' } } });
    await expect(call('profiles.select', { id: 'p-0000000000' })).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    await expect(call('profiles.create', { name: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('without anyone picking, the API works on the last used profile (or a new unnamed one)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-profiles-auto-'));
    const call = caller(start(dir));
    await call('drafts.save', { exerciseId: 'orders-lifecycle', files: {}, cursor: null });
    const list = await call('profiles.list');
    expect(list.profiles).toHaveLength(1);
    expect(list.profiles[0].name).toBeNull();
    expect(list.confirmed).toBe(false);
  });
});
