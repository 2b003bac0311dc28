// The student's progress database (settings, drafts, runs, quiz attempts, reading progress).
// Kept apart from the playground's event store so resetting the playground never touches it.
// Features add their own tables with migrate(db, '<feature>', [...]) on first use.
// A file it cannot use (damaged, or holding tables of an unexpected shape) is moved aside, never deleted,
// and a fresh one is started: the host always starts. withProgressDb() extends that to the features'
// own tables, which are created and prepared when the engine's handlers are built.
import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate, moveAside, openDatabase, DatabaseFileError } from '../sqlite';
import { createSetAside } from './setAside';

export interface ProgressDb {
  readonly db: Database.Database;
  getSetting(key: string): unknown;
  setSetting(key: string, value: unknown): void;
  close(): void;
  /** Set when the previous file was damaged and moved aside at start-up. */
  readonly recoveredFrom?: string;
}

/** A failure that says the file's tables are not what this version expects (rather than a bug of ours). */
export function isSchemaProblem(err: unknown): boolean {
  return err instanceof DatabaseFileError || err instanceof Database.SqliteError;
}

export function openProgressDb(dataDir: string | ':memory:', recovered?: string): ProgressDb {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, 'progress.sqlite');
  let recoveredFrom = recovered;
  try {
    return openOnce(file, recoveredFrom);
  } catch (err) {
    if (!isSchemaProblem(err) || file === ':memory:') throw err;
    recoveredFrom = moveAside(file);
    console.warn(`progress: ${file} could not be used (${(err as Error).message}); moved aside to ${recoveredFrom}, starting fresh`);
    return openOnce(file, recoveredFrom);
  }
}

/**
 * Opens the progress database and builds what uses it (the engine's handlers). When that fails because
 * the file's tables have an unexpected shape, the file is moved aside and everything is built once more
 * on a fresh one; `recoveredFrom` then names the kept file.
 */
export function withProgressDb<T>(dataDir: string | ':memory:', build: (progress: ProgressDb) => T): { progress: ProgressDb; value: T } {
  const progress = openProgressDb(dataDir);
  try {
    return { progress, value: build(progress) };
  } catch (err) {
    if (!isSchemaProblem(err) || dataDir === ':memory:') throw err;
    progress.close();
    const file = path.join(dataDir, 'progress.sqlite');
    const movedTo = moveAside(file);
    console.warn(`progress: ${file} has tables of an unexpected shape (${(err as Error).message}); moved aside to ${movedTo}, starting fresh`);
    const fresh = openProgressDb(dataDir, movedTo);
    return { progress: fresh, value: build(fresh) };
  }
}

function openOnce(file: string, recoveredFrom: string | undefined): ProgressDb {
  const db = openDatabase(file, { durability: 'full' });
  let get: Database.Statement;
  let set: Database.Statement;
  let del: Database.Statement;
  let setAside: ReturnType<typeof createSetAside>;
  try {
    migrate(db, 'settings', [
      'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)',
    ]);
    setAside = createSetAside(db);
    get = db.prepare('SELECT value FROM settings WHERE key = ?');
    set = db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    del = db.prepare('DELETE FROM settings WHERE key = ?');
  } catch (err) {
    db.close();
    throw err;
  }
  return {
    db,
    recoveredFrom,
    getSetting(key) {
      const row = get.get(key) as { value: string } | undefined;
      if (!row) return null;
      try {
        return JSON.parse(row.value) as unknown;
      } catch (err) {
        // One damaged setting reads as unset; its text is kept aside.
        setAside.put('settings', key, { key, value: row.value }, `invalid JSON (${(err as Error).message})`, () => del.run(key));
        return null;
      }
    },
    setSetting(key, value) {
      set.run(key, JSON.stringify(value ?? null), new Date().toISOString());
    },
    close() {
      db.close();
    },
  };
}
