// Each numbered schema migration of the event store, tested on its own, plus upgrading an older store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../electron/engine/sqlite';
import { DatabaseFileError, openEventStore, STORE_MIGRATIONS, STORE_NAMESPACE } from '../../../electron/engine/store';
import { STORE_APPLICATION_ID } from '../../../electron/engine/store/schema';

function migratedTo(n: number): Database.Database {
  const db = openDatabase(':memory:');
  migrate(db, STORE_NAMESPACE, STORE_MIGRATIONS.slice(0, n));
  return db;
}
const columns = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
const insertEvent = (db: Database.Database, stream: string, version: number, id: string) =>
  db
    .prepare("INSERT INTO events (stream_id, stream_version, event_id, type, data, recorded_at) VALUES (?, ?, ?, 'T', '{}', '2026-01-01T00:00:00.000Z')")
    .run(stream, version, id);

describe('event store migrations', () => {
  it('there are 5 numbered steps, recorded in schema_migrations', () => {
    expect(STORE_MIGRATIONS).toHaveLength(5);
    const db = migratedTo(5);
    expect(db.prepare('SELECT version FROM schema_migrations WHERE namespace = ? ORDER BY version').pluck().all(STORE_NAMESPACE)).toEqual([1, 2, 3, 4, 5]);
    migrate(db, STORE_NAMESPACE, STORE_MIGRATIONS); // applying again changes nothing
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(5);
  });

  it('1 creates streams and events, marks the file as a store, and never reuses a position', () => {
    const db = migratedTo(1);
    expect(tables(db)).toEqual(['events', 'schema_migrations', 'streams']);
    expect(db.pragma('application_id', { simple: true })).toBe(STORE_APPLICATION_ID);
    expect(columns(db, 'events')).toEqual(['global_position', 'stream_id', 'stream_version', 'event_id', 'type', 'schema_version', 'data', 'metadata', 'recorded_at']);
    expect(columns(db, 'streams')).toEqual(['stream_id', 'version', 'created_at', 'updated_at']);
    insertEvent(db, 's', 1, 'a');
    expect(() => insertEvent(db, 's', 1, 'b')).toThrow(/UNIQUE constraint failed: events.stream_id, events.stream_version/);
    expect(() => insertEvent(db, 't', 1, 'a')).toThrow(/UNIQUE constraint failed: events.event_id/);
    expect(() => insertEvent(db, 't', 0, 'c')).toThrow(/CHECK constraint failed/);
    // AUTOINCREMENT: deleting the newest row (allowed before step 2) must not free its position.
    insertEvent(db, 's', 2, 'b');
    db.prepare('DELETE FROM events WHERE event_id = ?').run('b');
    expect(insertEvent(db, 's', 2, 'c').lastInsertRowid).toBe(3);
  });

  it('2 makes events append-only and stream versions grow-only, in the database itself', () => {
    const db = migratedTo(2);
    insertEvent(db, 's', 1, 'a');
    db.prepare("INSERT INTO streams VALUES ('s', 1, 'x', 'x')").run();
    expect(() => db.prepare("UPDATE events SET data = '{\"hacked\":1}'").run()).toThrow(/append-only: UPDATE is forbidden/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only: DELETE is forbidden/);
    expect(() => db.prepare('DELETE FROM streams').run()).toThrow(/streams cannot be deleted/);
    expect(() => db.prepare("UPDATE streams SET version = 0 WHERE stream_id = 's'").run()).toThrow(/only grows/);
    db.prepare("UPDATE streams SET version = 2 WHERE stream_id = 's'").run();
    expect(db.prepare('SELECT data FROM events').pluck().get()).toBe('{}');
  });

  it('3 adds the snapshots cache, one row per stream and aggregate name', () => {
    const db = migratedTo(3);
    expect(tables(db)).toContain('snapshots');
    expect(columns(db, 'snapshots')).toEqual(['stream_id', 'name', 'snapshot_version', 'stream_version', 'state', 'created_at']);
    const put = db.prepare("INSERT INTO snapshots VALUES ('s', ?, 1, 5, '{}', 'x')");
    put.run('a');
    put.run('b');
    expect(() => put.run('a')).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare('DELETE FROM snapshots').run(); // a cache may be dropped
  });

  it('4 adds subscription checkpoints, never negative', () => {
    const db = migratedTo(4);
    expect(columns(db, 'checkpoints')).toEqual(['name', 'position', 'updated_at']);
    db.prepare("INSERT INTO checkpoints VALUES ('p', 3, 'x')").run();
    expect(() => db.prepare("INSERT INTO checkpoints VALUES ('q', -1, 'x')").run()).toThrow(/CHECK constraint failed/);
  });

  it('5 turns streams into a view of the events: same columns, versions from the events themselves', () => {
    const db = migratedTo(4);
    insertEvent(db, 's', 1, 'a');
    db.prepare("INSERT INTO streams VALUES ('s', 1, 'x', 'x')").run();
    migrate(db, STORE_NAMESPACE, STORE_MIGRATIONS.slice(0, 5));
    expect(tables(db)).not.toContain('streams');
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'streams'").pluck().get()).toBe('view');
    expect(columns(db, 'streams')).toEqual(['stream_id', 'version', 'created_at', 'updated_at']);
    insertEvent(db, 's', 2, 'b');
    insertEvent(db, 't', 1, 'c');
    expect(db.prepare('SELECT stream_id, version FROM streams ORDER BY stream_id').raw().all()).toEqual([
      ['s', 2],
      ['t', 1],
    ]);
    // the append-only triggers of step 2 still guard the events
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only: DELETE is forbidden/);
  });

  describe('upgrading files', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-mig-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('a store created at schema 2 is brought up to date on open and keeps its events', () => {
      const file = path.join(dir, 'old.sqlite');
      const db = openDatabase(file);
      migrate(db, STORE_NAMESPACE, STORE_MIGRATIONS.slice(0, 2));
      insertEvent(db, 's', 1, 'old-1');
      db.prepare("INSERT INTO streams VALUES ('s', 1, 'x', 'x')").run();
      db.close();
      const store = openEventStore({ path: file });
      expect(store.readStream('s').events.map((e) => e.eventId)).toEqual(['old-1']);
      store.appendToStream('s', [{ type: 'T', data: {} }], { expectedVersion: 1 });
      store.aggregateStream('s', { initialState: () => 0, evolve: (n) => n + 1, snapshot: { version: 1, every: 1 } });
      store.setCheckpoint('p', 2);
      expect(store.database.prepare('SELECT MAX(version) FROM schema_migrations WHERE namespace = ?').pluck().get(STORE_NAMESPACE)).toBe(5);
      store.close();
    });

    it('a store from a newer Replayground is refused, untouched', () => {
      const file = path.join(dir, 'new.sqlite');
      openEventStore({ path: file }).close();
      const db = openDatabase(file);
      db.prepare('INSERT INTO schema_migrations VALUES (?, 99, ?)').run(STORE_NAMESPACE, 'x');
      db.close();
      expect(() => openEventStore({ path: file })).toThrow(DatabaseFileError);
      expect(() => openEventStore({ path: file })).toThrow(/newer Replayground \(schema 99; this version knows 5\)/);
    });
  });
});
