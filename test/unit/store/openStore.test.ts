// Opening a store file: it survives reopening, integrity is checked, and a file that is not a
// valid store gets an error naming it; callers may move it aside and start fresh, nothing deleted.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFileError, InvalidInputError, openEventStore } from '../../../electron/engine/store';

describe('opening a store file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-open-'));
    file = path.join(dir, 'nested', 'events.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the folder and file, and a reopened store has every event, in WAL mode', () => {
    const store = openEventStore({ path: file });
    store.appendToStream('s', [{ type: 'A', data: { n: 1 } }, { type: 'B', data: { n: 2 } }]);
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    store.close();
    const again = openEventStore({ path: file, durability: 'full' });
    expect(again.database.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(again.readAll().map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(again.appendToStream('s', [{ type: 'C', data: {} }], { expectedVersion: 2 }).lastGlobalPosition).toBe(3);
    again.close();
  });

  it('a file that is not a database gets an error naming the file', () => {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    let error: unknown;
    try {
      openEventStore({ path: file });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseFileError);
    expect((error as Error).message).toContain(file);
    expect((error as DatabaseFileError).file).toBe(file);
  });

  it('another SQLite database is refused rather than written into', () => {
    fs.mkdirSync(path.dirname(file));
    const other = new Database(file);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(() => openEventStore({ path: file })).toThrow(new RegExp(`${escape(file)}.*not a Replayground event store \\(it has tables: notes\\)`));
    const check = new Database(file);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    check.close();
  });

  it('a damaged page fails the integrity check on open', () => {
    const store = openEventStore({ path: file });
    for (let i = 0; i < 200; i++) store.appendToStream(`s-${i}`, [{ type: 'A', data: { text: 'x'.repeat(200) } }]);
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the middle of a b-tree page (not the header), as a bad disk or a stray write would.
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0x5a, page * pageSize + 8, page * pageSize + pageSize - 8);
    fs.writeFileSync(file, bytes);
    expect(() => openEventStore({ path: file })).toThrow(DatabaseFileError);
  });

  it('moveAsideIfDamaged keeps the bad file next to a fresh store', () => {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, 'garbage '.repeat(1000));
    const store = openEventStore({ path: file, moveAsideIfDamaged: true });
    expect(store.recoveredFrom).toMatch(/events\.sqlite\.broken-/);
    expect(fs.readFileSync(store.recoveredFrom!, 'utf8')).toBe('garbage '.repeat(1000));
    expect(store.headPosition()).toBe(0);
    store.close();
  });

  it('refuses bad options', () => {
    // @ts-expect-error no path
    expect(() => openEventStore({})).toThrow(InvalidInputError);
    // @ts-expect-error unknown durability
    expect(() => openEventStore({ path: ':memory:', durability: 'extreme' })).toThrow(/durability/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
