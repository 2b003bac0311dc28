// Rows of the progress database that cannot be used (invalid JSON, a wrong shape) are moved to a side
// table with their raw text: never deleted, and never allowed to make a feature answer INTERNAL. One bad
// row costs that row only; the rest keeps working, and the feature can tell the student it happened.
import type Database from 'better-sqlite3';
import { migrate } from '../sqlite';

export interface SetAsideRow {
  id: number;
  /** The table the row came from, e.g. 'exercise_drafts'. */
  source: string;
  /** The row's key in that table (an exercise id, a run id, a setting key). */
  key: string;
  reason: string;
  setAsideAt: string;
}

export function createSetAside(db: Database.Database) {
  migrate(db, 'set_aside', [
    `CREATE TABLE progress_set_aside (
       id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, key TEXT NOT NULL, raw TEXT NOT NULL,
       reason TEXT NOT NULL, set_aside_at TEXT NOT NULL)`,
    'CREATE INDEX progress_set_aside_by_key ON progress_set_aside (source, key, id)',
  ]);
  const insert = db.prepare('INSERT INTO progress_set_aside (source, key, raw, reason, set_aside_at) VALUES (?, ?, ?, ?, ?)');
  const latest = db.prepare('SELECT id, source, key, reason, set_aside_at FROM progress_set_aside WHERE source = ? AND key = ? ORDER BY id DESC LIMIT 1');
  return {
    /**
     * Moves one row aside in a transaction: `remove` deletes it from its table, its raw columns are kept
     * here as JSON text. Returns the record.
     */
    put(source: string, key: string, raw: Record<string, unknown>, reason: string, remove: () => void): SetAsideRow {
      const at = new Date().toISOString();
      const id = db.transaction(() => {
        const info = insert.run(source, key, JSON.stringify(raw), reason, at);
        remove();
        return Number(info.lastInsertRowid);
      }).immediate();
      console.warn(`progress: a damaged ${source} row (${key}) was set aside: ${reason}`);
      return { id, source, key, reason, setAsideAt: at };
    },
    latest(source: string, key: string): SetAsideRow | null {
      const r = latest.get(source, key) as { id: number; source: string; key: string; reason: string; set_aside_at: string } | undefined;
      return r ? { id: r.id, source: r.source, key: r.key, reason: r.reason, setAsideAt: r.set_aside_at } : null;
    },
  };
}
export type SetAside = ReturnType<typeof createSetAside>;

/** JSON.parse that answers with a reason instead of throwing. */
export function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text === null) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, reason: `invalid JSON (${(err as Error).message})` };
  }
}
