// The SQLite event store's schema as numbered, append-only migrations (namespace 'event_store').
// Never edit a released step: add a new one. Each step has its own test in test/unit/store/migrations.test.ts.

export const STORE_NAMESPACE = 'event_store';
/** 'RPLY' in the SQLite header's application_id, so a store file can be told from any other database. */
export const STORE_APPLICATION_ID = 0x52504c59;

export const STORE_MIGRATIONS: readonly string[] = [
  // 1: streams and the global log. AUTOINCREMENT: a global position is never reused, even after the
  //    newest event's transaction rolls back and another takes its place.
  `PRAGMA application_id = ${STORE_APPLICATION_ID};
   CREATE TABLE streams (
     stream_id TEXT PRIMARY KEY NOT NULL,
     version INTEGER NOT NULL CHECK (version > 0),
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE events (
     global_position INTEGER PRIMARY KEY AUTOINCREMENT,
     stream_id TEXT NOT NULL,
     stream_version INTEGER NOT NULL CHECK (stream_version > 0),
     event_id TEXT NOT NULL UNIQUE,
     type TEXT NOT NULL,
     schema_version INTEGER NOT NULL DEFAULT 1 CHECK (schema_version > 0),
     data TEXT NOT NULL,
     metadata TEXT NOT NULL DEFAULT '{}',
     recorded_at TEXT NOT NULL,
     UNIQUE (stream_id, stream_version)
   );`,
  // 2: stored events are facts: the database itself refuses to change or remove them, and a
  //    stream's version only ever grows.
  `CREATE TRIGGER events_no_update BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE is forbidden'); END;
   CREATE TRIGGER events_no_delete BEFORE DELETE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE is forbidden'); END;
   CREATE TRIGGER streams_no_delete BEFORE DELETE ON streams
     BEGIN SELECT RAISE(ABORT, 'streams cannot be deleted'); END;
   CREATE TRIGGER streams_version_grows BEFORE UPDATE OF version ON streams WHEN NEW.version <= OLD.version
     BEGIN SELECT RAISE(ABORT, 'a stream version only grows'); END;`,
  // 3: snapshots, a cache keyed by stream and aggregate name; snapshot_version is the state's shape.
  `CREATE TABLE snapshots (
     stream_id TEXT NOT NULL,
     name TEXT NOT NULL,
     snapshot_version INTEGER NOT NULL,
     stream_version INTEGER NOT NULL,
     state TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (stream_id, name)
   ) WITHOUT ROWID;`,
  // 4: checkpoints of named subscriptions and projections (the last global position handled).
  `CREATE TABLE checkpoints (
     name TEXT PRIMARY KEY NOT NULL,
     position INTEGER NOT NULL CHECK (position >= 0),
     updated_at TEXT NOT NULL
   ) WITHOUT ROWID;`,
  // 5: a stream's version is the newest stream_version of its events, one seek in the
  //    UNIQUE (stream_id, stream_version) index that every append writes anyway. The streams table
  //    duplicated it and cost each append one more page written to the WAL; it becomes a view with
  //    the same columns, so the file still answers "SELECT … FROM streams".
  `DROP TABLE streams;
   CREATE VIEW streams (stream_id, version, created_at, updated_at) AS
     SELECT stream_id, MAX(stream_version), MIN(recorded_at), MAX(recorded_at) FROM events GROUP BY stream_id;`,
];
