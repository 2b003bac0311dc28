// Node-only helpers (SQLite): the relay's checkpoint table and the inbox. Not re-exported from
// index.ts, which must stay importable inside the exercise sandbox.
import type Database from 'better-sqlite3';
import { migrate } from '../sqlite';
import type { Inbox } from './inbox';
import type { CheckpointStore } from './relay';

/** Relay checkpoints in a table of the given database (ideally the event store's own file). */
export function createSqliteCheckpointStore(db: Database.Database): CheckpointStore {
  migrate(db, 'broker-relay', ['CREATE TABLE broker_relay_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID']);
  const get = db.prepare('SELECT position FROM broker_relay_checkpoints WHERE name = ?').pluck();
  const put = db.prepare('INSERT INTO broker_relay_checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position');
  return {
    load: (name) => (get.get(name) as number | undefined) ?? 0,
    save: (name, position) => void put.run(name, position),
  };
}

/**
 * An inbox in the consumer's own database: `process` inserts the event id and runs `apply` (which
 * writes the consumer's rows through the same `db`) in one transaction. A duplicate id inserts
 * nothing and skips `apply`; a throwing `apply` rolls back both. Exactly once in effect.
 */
export function createSqliteInbox(db: Database.Database, consumer: string): Inbox {
  migrate(db, 'broker-inbox', [
    'CREATE TABLE broker_inbox (consumer TEXT NOT NULL, event_id TEXT NOT NULL, processed_at TEXT NOT NULL, PRIMARY KEY (consumer, event_id)) WITHOUT ROWID',
  ]);
  const insert = db.prepare('INSERT OR IGNORE INTO broker_inbox (consumer, event_id, processed_at) VALUES (?, ?, ?)');
  const has = db.prepare('SELECT 1 FROM broker_inbox WHERE consumer = ? AND event_id = ?').pluck();
  const run = db.transaction((eventId: string, apply: () => void): boolean => {
    if (insert.run(consumer, eventId, new Date().toISOString()).changes === 0) return false;
    apply();
    return true;
  });
  const runBatch = db.transaction(<T>(items: readonly T[], idOf: (item: T) => string, apply: (item: T) => void): number => {
    const at = new Date().toISOString();
    let applied = 0;
    for (const item of items) {
      if (insert.run(consumer, idOf(item), at).changes === 0) continue;
      apply(item);
      applied++;
    }
    return applied;
  });
  return {
    process: (eventId, apply) => run(eventId, apply),
    processBatch: (items, idOf, apply) => runBatch(items, idOf as (item: unknown) => string, apply as (item: unknown) => void),
    has: (eventId) => has.get(consumer, eventId) !== undefined,
  };
}
