// The student's progress database (settings, drafts, runs, quiz attempts, reading progress).
// Kept apart from the playground's event store so resetting the playground never touches it.
// Features add their own tables with migrate(db, '<feature>', [...]) on first use.
import type Database from 'better-sqlite3';
import path from 'node:path';
import { migrate, moveAside, openDatabase, DatabaseFileError } from '../sqlite';

export interface ProgressDb {
  readonly db: Database.Database;
  getSetting(key: string): unknown;
  setSetting(key: string, value: unknown): void;
  close(): void;
  /** Set when the previous file was damaged and moved aside at start-up. */
  readonly recoveredFrom?: string;
}

export function openProgressDb(dataDir: string | ':memory:'): ProgressDb {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, 'progress.sqlite');
  let recoveredFrom: string | undefined;
  let db: Database.Database;
  try {
    db = openDatabase(file, { durability: 'full' });
  } catch (err) {
    if (!(err instanceof DatabaseFileError) || file === ':memory:') throw err;
    recoveredFrom = moveAside(file);
    db = openDatabase(file, { durability: 'full' });
  }
  migrate(db, 'settings', [
    'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)',
  ]);
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    db,
    recoveredFrom,
    getSetting(key) {
      const row = get.get(key) as { value: string } | undefined;
      return row ? JSON.parse(row.value) : null;
    },
    setSetting(key, value) {
      set.run(key, JSON.stringify(value ?? null), new Date().toISOString());
    },
    close() {
      db.close();
    },
  };
}
