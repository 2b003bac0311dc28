// The list of student profiles on this machine, kept in the machine database (the data folder's
// progress.sqlite): who they are and where each one's own progress database lives.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { migrate } from '../sqlite';

export interface Profile {
  id: string;
  /** null for the profile made from a single-user install's data when no name was known. */
  name: string | null;
  studentId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** The folder of the profile's data, relative to the data folder. */
  folder: string;
}

const Row = z.object({
  id: z.string(),
  name: z.string().nullable(),
  student_id: z.string().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  folder: z.string(),
});

export const PROFILE_TABLES = ['profiles'] as const;
export const PROFILES_NAMESPACE = 'profiles';

export function createProfileRegistry(db: Database.Database) {
  migrate(db, PROFILES_NAMESPACE, [
    `CREATE TABLE profiles (
       id TEXT PRIMARY KEY, name TEXT, student_id TEXT, created_at TEXT NOT NULL, last_used_at TEXT,
       folder TEXT NOT NULL UNIQUE)`,
  ]);
  const q = {
    all: db.prepare('SELECT * FROM profiles ORDER BY COALESCE(last_used_at, created_at) DESC, created_at DESC'),
    one: db.prepare('SELECT * FROM profiles WHERE id = ?'),
    insert: db.prepare('INSERT INTO profiles (id, name, student_id, created_at, last_used_at, folder) VALUES (?, ?, ?, ?, ?, ?)'),
    update: db.prepare('UPDATE profiles SET name = ?, student_id = ? WHERE id = ?'),
    touch: db.prepare('UPDATE profiles SET last_used_at = ? WHERE id = ?'),
    remove: db.prepare('DELETE FROM profiles WHERE id = ?'),
  };
  function toProfile(raw: unknown): Profile {
    const r = Row.parse(raw);
    return { id: r.id, name: r.name, studentId: r.student_id, createdAt: r.created_at, lastUsedAt: r.last_used_at, folder: r.folder };
  }
  return {
    list(): Profile[] {
      return q.all.all().map(toProfile);
    },
    get(id: string): Profile | null {
      const row = q.one.get(id);
      return row ? toProfile(row) : null;
    },
    insert(p: Profile): void {
      q.insert.run(p.id, p.name, p.studentId, p.createdAt, p.lastUsedAt, p.folder);
    },
    update(id: string, name: string | null, studentId: string | null): void {
      q.update.run(name, studentId, id);
    },
    touch(id: string, at = new Date().toISOString()): void {
      q.touch.run(at, id);
    },
    remove(id: string): void {
      q.remove.run(id);
    },
  };
}
export type ProfileRegistry = ReturnType<typeof createProfileRegistry>;
