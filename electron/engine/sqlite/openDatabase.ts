// The one place the engine opens SQLite. The Electron shell points better-sqlite3 at a binary
// built for Electron's ABI (nativeBinding); tests and the web host use the Node build.
import { CodedError } from '../common/codedError';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

let nativeBinding: string | undefined;

/** Called once by the Electron main process before anything opens a database. */
export function useSqliteNativeBinding(bindingPath: string | undefined): void {
  nativeBinding = bindingPath;
}

export class DatabaseFileError extends CodedError {
  readonly code = 'BAD_DATABASE';
  constructor(readonly file: string, reason: string) {
    super(`${file} is not a usable Replayground database: ${reason}`, { file, reason });
  }
}

export interface OpenOptions {
  durability?: 'normal' | 'full';
  readonly?: boolean;
  /** 'quick' (default) runs quick_check; 'full' runs the slower integrity_check (the event store asks for it). */
  integrityCheck?: 'quick' | 'full';
}

/** Opens (creating if needed) a WAL database and checks its integrity; a damaged file gets a DatabaseFileError naming it. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, nativeBinding });
  } catch (err) {
    throw new DatabaseFileError(file, (err as Error).message);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // Switching to WAL needs a moment alone with the file; SQLite answers "locked" at once, without its
    // busy handler, while another process is creating the same file, so wait and retry here.
    if (file !== ':memory:') retryWhileLocked(() => db.pragma('journal_mode = WAL'));
    db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    const check = db.pragma(options.integrityCheck === 'full' ? 'integrity_check' : 'quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
  } catch (err) {
    db.close();
    throw err instanceof DatabaseFileError ? err : new DatabaseFileError(file, (err as Error).message);
  }
  return db;
}

function retryWhileLocked<T>(fn: () => T, deadlineMs = 5000): T {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      return fn();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') || Date.now() > until) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // a synchronous 10 ms pause
    }
  }
}

/** Moves a damaged database (and its WAL files) aside so the app can start fresh without deleting anything. */
export function moveAside(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.broken-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** Numbered migrations per namespace, each applied once in its own transaction. */
export function migrate(db: Database.Database, namespace: string, steps: readonly string[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (namespace TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (namespace, version))');
  const current = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations WHERE namespace = ?');
  const record = db.prepare('INSERT INTO schema_migrations (namespace, version, applied_at) VALUES (?, ?, ?)');
  steps.forEach((sql, index) => {
    const version = index + 1;
    if (version <= (current.get(namespace) as { v: number }).v) return;
    db.transaction(() => {
      // Checked again under the write lock: another process may have applied it meanwhile.
      if (version <= (current.get(namespace) as { v: number }).v) return;
      db.exec(sql);
      record.run(namespace, version, new Date().toISOString());
    }).immediate();
  });
}
