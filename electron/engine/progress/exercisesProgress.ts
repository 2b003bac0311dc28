// The student's exercise progress in the progress database: drafts (with cursor), the history of
// replaced drafts, hint unlocks and test runs. Plain rows with JSON columns so grading can export them.
// A row whose JSON is damaged is set aside (kept, with a reason) and reads as absent: one bad row never
// makes the exercise unusable.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { migrate } from '../sqlite';
import { createSetAside, parseJson } from './setAside';

export type FileMap = Record<string, string>;
export interface Cursor {
  file: string;
  line: number;
  column: number;
}
export interface DraftRow {
  exerciseId: string;
  files: FileMap;
  cursor: Cursor | null;
  updatedAt: string;
}
export interface HintUnlock {
  index: number;
  unlockedAt: string;
}
export interface RunRow {
  id: number;
  exerciseId: string;
  startedAt: string;
  codeSha256: string;
  status: 'pass' | 'fail' | 'error';
  passed: number;
  failed: number;
  total: number;
  points: number;
  maxPoints: number;
  durationMs: number;
  /** All visible tests passed (the status the exercise list shows). */
  allPassed: boolean;
}
/** A run to record: the row's summary (the rest is derived on write) with the code and the full results. */
export interface NewRun extends Omit<RunRow, 'id' | 'codeSha256' | 'allPassed'> {
  files: FileMap;
  results: unknown;
}

const MIGRATIONS = [
  `CREATE TABLE exercise_drafts (
     exercise_id TEXT PRIMARY KEY, files TEXT NOT NULL, cursor TEXT, updated_at TEXT NOT NULL)`,
  `CREATE TABLE exercise_draft_history (
     id INTEGER PRIMARY KEY AUTOINCREMENT, exercise_id TEXT NOT NULL, files TEXT NOT NULL,
     reason TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE TABLE exercise_hint_unlocks (
     exercise_id TEXT NOT NULL, hint_index INTEGER NOT NULL, unlocked_at TEXT NOT NULL,
     PRIMARY KEY (exercise_id, hint_index))`,
  `CREATE TABLE exercise_runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT, exercise_id TEXT NOT NULL, started_at TEXT NOT NULL,
     code_sha256 TEXT NOT NULL, status TEXT NOT NULL, passed INTEGER NOT NULL, failed INTEGER NOT NULL,
     total INTEGER NOT NULL, points REAL NOT NULL, max_points REAL NOT NULL, duration_ms REAL NOT NULL,
     results TEXT NOT NULL, files TEXT NOT NULL)`,
  'CREATE INDEX exercise_runs_by_exercise ON exercise_runs (exercise_id, id)',
];

/** sha256 over the files in name order, so the same code always hashes the same. */
export function hashFiles(files: FileMap): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    hash.update(name).update('\0').update(files[name]).update('\0');
  }
  return hash.digest('hex');
}

interface RunDbRow {
  id: number;
  exercise_id: string;
  started_at: string;
  code_sha256: string;
  status: string;
  passed: number;
  failed: number;
  total: number;
  points: number;
  max_points: number;
  duration_ms: number;
}
const RUN_COLUMNS = 'id, exercise_id, started_at, code_sha256, status, passed, failed, total, points, max_points, duration_ms';

function toRun(r: RunDbRow): RunRow {
  return {
    id: r.id,
    exerciseId: r.exercise_id,
    startedAt: r.started_at,
    codeSha256: r.code_sha256,
    status: r.status as RunRow['status'],
    passed: r.passed,
    failed: r.failed,
    total: r.total,
    points: r.points,
    maxPoints: r.max_points,
    durationMs: r.duration_ms,
    allPassed: r.status === 'pass' && r.failed === 0 && r.total > 0,
  };
}

const StoredFiles = z.record(z.string(), z.string());
const StoredCursor = z.object({ file: z.string(), line: z.number(), column: z.number() }).nullable();

/** Parses a stored JSON column against its shape; a reason when it is damaged. */
function readColumn<T>(text: string | null, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; reason: string } {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `unexpected shape (${parsed.error.issues[0]?.message ?? 'invalid'})` };
}

export function createExercisesProgress(db: Database.Database) {
  migrate(db, 'exercises', MIGRATIONS);
  const setAside = createSetAside(db);
  const q = {
    getDraft: db.prepare('SELECT files, cursor, updated_at FROM exercise_drafts WHERE exercise_id = ?'),
    putDraft: db.prepare(
      `INSERT INTO exercise_drafts (exercise_id, files, cursor, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(exercise_id) DO UPDATE SET files = excluded.files, cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ),
    addHistory: db.prepare('INSERT INTO exercise_draft_history (exercise_id, files, reason, created_at) VALUES (?, ?, ?, ?)'),
    hints: db.prepare('SELECT hint_index, unlocked_at FROM exercise_hint_unlocks WHERE exercise_id = ? ORDER BY hint_index'),
    addHint: db.prepare('INSERT OR IGNORE INTO exercise_hint_unlocks (exercise_id, hint_index, unlocked_at) VALUES (?, ?, ?)'),
    addRun: db.prepare(
      `INSERT INTO exercise_runs (exercise_id, started_at, code_sha256, status, passed, failed, total, points, max_points,
       duration_ms, results, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    runs: db.prepare(`SELECT ${RUN_COLUMNS} FROM exercise_runs WHERE exercise_id = ? ORDER BY id DESC LIMIT ?`),
    run: db.prepare(`SELECT ${RUN_COLUMNS}, results, files FROM exercise_runs WHERE id = ?`),
    stats: db.prepare(
      `SELECT exercise_id, COUNT(*) AS runs, MAX(points) AS best, MAX(max_points) AS max_points, MAX(started_at) AS last_run,
       MAX(CASE WHEN status = 'pass' AND failed = 0 AND total > 0 THEN 1 ELSE 0 END) AS ever_passed
       FROM exercise_runs GROUP BY exercise_id`,
    ),
    draftIds: db.prepare('SELECT exercise_id, updated_at FROM exercise_drafts'),
    deleteDraft: db.prepare('DELETE FROM exercise_drafts WHERE exercise_id = ?'),
    deleteRun: db.prepare('DELETE FROM exercise_runs WHERE id = ?'),
    historyAll: db.prepare('SELECT id, exercise_id, reason, created_at, files FROM exercise_draft_history ORDER BY id'),
    hintsAll: db.prepare('SELECT exercise_id, hint_index, unlocked_at FROM exercise_hint_unlocks ORDER BY exercise_id, hint_index'),
    runsAll: db.prepare(`SELECT ${RUN_COLUMNS}, results, files FROM exercise_runs ORDER BY id`),
  };

  /** A run with its JSON columns, or null when they are damaged (then the row is set aside). */
  function readRun(row: RunDbRow & { results: string; files: string }): (RunRow & { files: FileMap; results: unknown }) | null {
    const files = readColumn(row.files, StoredFiles);
    const results = parseJson(row.results);
    if (!files.ok || !results.ok) {
      const reason = !files.ok ? `files: ${files.reason}` : `results: ${(results as { reason: string }).reason}`;
      setAside.put('exercise_runs', String(row.id), { ...row }, reason, () => q.deleteRun.run(row.id));
      return null;
    }
    return { ...toRun(row), files: files.value, results: results.value };
  }

  return {
    getDraft(exerciseId: string): DraftRow | null {
      const row = q.getDraft.get(exerciseId) as { files: string; cursor: string | null; updated_at: string } | undefined;
      if (!row) return null;
      const files = readColumn(row.files, StoredFiles);
      const cursor = readColumn(row.cursor, StoredCursor);
      if (!files.ok || !cursor.ok) {
        const reason = `${!files.ok ? `files: ${files.reason}` : ''}${!files.ok && !cursor.ok ? '; ' : ''}${!cursor.ok ? `cursor: ${cursor.reason}` : ''}`;
        setAside.put('exercise_drafts', exerciseId, { ...row, exercise_id: exerciseId }, reason, () => q.deleteDraft.run(exerciseId));
        return null;
      }
      return { exerciseId, files: files.value, cursor: cursor.value, updatedAt: row.updated_at };
    },
    /**
     * When this exercise's draft was last set aside as damaged, unless the student saved since then
     * (the notice the workspace shows once: "your saved draft could not be read and was kept aside").
     */
    draftSetAside(exerciseId: string): { at: string; reason: string } | null {
      const last = setAside.latest('exercise_drafts', exerciseId);
      if (!last) return null;
      const current = q.getDraft.get(exerciseId) as { updated_at: string } | undefined;
      if (current && current.updated_at > last.setAsideAt) return null;
      return { at: last.setAsideAt, reason: last.reason };
    },
    saveDraft(exerciseId: string, files: FileMap, cursor: Cursor | null, at = new Date().toISOString()): string {
      q.putDraft.run(exerciseId, JSON.stringify(files), cursor ? JSON.stringify(cursor) : null, at);
      return at;
    },
    /** Replaces the draft, keeping what it replaces in the history (reset, restore). */
    replaceDraft(exerciseId: string, files: FileMap, reason: 'reset' | 'restore', at = new Date().toISOString()): number | null {
      return db.transaction(() => {
        const previous = this.getDraft(exerciseId);
        let historyId: number | null = null;
        if (previous) historyId = Number(q.addHistory.run(exerciseId, JSON.stringify(previous.files), reason, at).lastInsertRowid);
        q.putDraft.run(exerciseId, JSON.stringify(files), null, at);
        return historyId;
      }).immediate();
    },
    hintUnlocks(exerciseId: string): HintUnlock[] {
      return (q.hints.all(exerciseId) as { hint_index: number; unlocked_at: string }[]).map((r) => ({ index: r.hint_index, unlockedAt: r.unlocked_at }));
    },
    unlockHint(exerciseId: string, index: number, at = new Date().toISOString()): void {
      q.addHint.run(exerciseId, index, at);
    },
    recordRun(run: NewRun): RunRow {
      const sha = hashFiles(run.files);
      const info = q.addRun.run(
        run.exerciseId, run.startedAt, sha, run.status, run.passed, run.failed, run.total, run.points, run.maxPoints,
        run.durationMs, JSON.stringify(run.results), JSON.stringify(run.files),
      );
      return toRun({
        id: Number(info.lastInsertRowid), exercise_id: run.exerciseId, started_at: run.startedAt, code_sha256: sha,
        status: run.status, passed: run.passed, failed: run.failed, total: run.total, points: run.points,
        max_points: run.maxPoints, duration_ms: run.durationMs,
      });
    },
    listRuns(exerciseId: string, limit = 200): RunRow[] {
      return (q.runs.all(exerciseId, limit) as RunDbRow[]).map(toRun);
    },
    getRun(id: number): (RunRow & { files: FileMap; results: unknown }) | null {
      const row = q.run.get(id) as (RunDbRow & { results: string; files: string }) | undefined;
      if (!row) return null;
      return readRun(row);
    },
    /** Per exercise: run count, best score, whether all visible tests ever passed; plus which have drafts. */
    overview(): Map<string, { runs: number; best: number | null; maxPoints: number | null; lastRun: string | null; passed: boolean; hasDraft: boolean }> {
      const out = new Map<string, { runs: number; best: number | null; maxPoints: number | null; lastRun: string | null; passed: boolean; hasDraft: boolean }>();
      for (const r of q.stats.all() as { exercise_id: string; runs: number; best: number | null; max_points: number | null; last_run: string | null; ever_passed: number }[]) {
        out.set(r.exercise_id, { runs: r.runs, best: r.best, maxPoints: r.max_points, lastRun: r.last_run, passed: r.ever_passed === 1, hasDraft: false });
      }
      for (const r of q.draftIds.all() as { exercise_id: string }[]) {
        const cur = out.get(r.exercise_id) ?? { runs: 0, best: null, maxPoints: null, lastRun: null, passed: false, hasDraft: false };
        cur.hasDraft = true;
        out.set(r.exercise_id, cur);
      }
      return out;
    },
    /** Everything the hand-in needs, as plain data. */
    exportAll() {
      return {
        drafts: (q.draftIds.all() as { exercise_id: string }[]).map((r) => this.getDraft(r.exercise_id)).filter((d) => d !== null),
        draftHistory: q.historyAll.all(),
        hintUnlocks: q.hintsAll.all(),
        runs: (q.runsAll.all() as (RunDbRow & { results: string; files: string })[]).map(readRun).filter((r) => r !== null),
      };
    },
  };
}
export type ExercisesProgress = ReturnType<typeof createExercisesProgress>;
