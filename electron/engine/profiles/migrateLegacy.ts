// Moves a single-user install's progress (drafts, runs, hints, quiz attempts, reading progress, the
// hand-in identity) from the data folder's progress.sqlite into the first profile's own database.
// Copy first, check the copy row by row count, then drop the originals in one transaction: a crash at
// any point leaves the data in at least one complete place.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ProfileRegistry, Profile } from './registry';
import { PROFILES_NAMESPACE } from './registry';
import { openDatabase } from '../sqlite';

/** Every progress database keeps damaged rows aside in this table (electron/engine/progress/setAside.ts). */
const SET_ASIDE_TABLE = 'progress_set_aside';

/** Tables of the machine database itself; every other table holds one student's progress. */
const MACHINE_TABLES = new Set(['settings', 'schema_migrations', 'profiles', 'sqlite_sequence', SET_ASIDE_TABLE]);
const MACHINE_NAMESPACES = new Set(['settings', 'set_aside', PROFILES_NAMESPACE]);
const LEGACY_STUDENT_SETTING = 'handin.student';
const LegacyStudent = z.object({ name: z.string().trim().min(1).max(200), id: z.string().trim().min(1).max(100) });

export function legacyTables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => !MACHINE_TABLES.has(name) && !name.startsWith('sqlite_'));
}

function rowCounts(db: Database.Database, tables: string[]): Map<string, number> {
  return new Map(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

export interface LegacyMigration {
  profile: Profile;
  tables: Record<string, number>;
}

/**
 * When the machine database still holds progress tables and no profile exists yet, makes the first
 * profile from them. Returns null when there is nothing to move. `newProfile` gives the id and folder.
 */
export function migrateLegacyProgress(
  dataDir: string,
  machine: Database.Database,
  registry: ProfileRegistry,
  newProfile: () => { id: string; folder: string },
): LegacyMigration | null {
  if (registry.list().length > 0) return null;
  const tables = legacyTables(machine);
  if (tables.length === 0) return null;
  const before = rowCounts(machine, tables);
  const { id, folder } = newProfile();
  const dir = path.join(dataDir, folder);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, 'progress.sqlite');
  const tmp = `${target}.migrating`;
  fs.rmSync(tmp, { force: true });
  machine.prepare('VACUUM INTO ?').run(tmp);

  const copy = openDatabase(tmp);
  try {
    // The copy keeps the progress tables and their migration records; the registry stays behind.
    copy.exec('DROP TABLE IF EXISTS profiles');
    copy.prepare('DELETE FROM schema_migrations WHERE namespace = ?').run(PROFILES_NAMESPACE);
    const after = rowCounts(copy, tables);
    for (const [t, n] of before) {
      if (after.get(t) !== n) throw new Error(`copying ${t} gave ${after.get(t)} rows instead of ${n}`);
    }
  } finally {
    copy.close();
  }
  fs.renameSync(tmp, target);

  const student = LegacyStudent.safeParse(readSetting(machine, LEGACY_STUDENT_SETTING));
  const now = new Date().toISOString();
  const profile: Profile = {
    id,
    name: student.success ? student.data.name : null,
    studentId: student.success ? student.data.id : null,
    createdAt: now,
    lastUsedAt: now,
    folder,
  };
  const moved = machine.transaction(() => {
    // Another process sharing the data folder may have migrated meanwhile.
    if (registry.list().length > 0 || legacyTables(machine).length === 0) return false;
    registry.insert(profile);
    for (const t of tables) machine.exec(`DROP TABLE "${t.replace(/"/g, '""')}"`);
    const namespaces = (machine.prepare('SELECT DISTINCT namespace FROM schema_migrations').all() as { namespace: string }[]).map((r) => r.namespace);
    for (const ns of namespaces) if (!MACHINE_NAMESPACES.has(ns)) machine.prepare('DELETE FROM schema_migrations WHERE namespace = ?').run(ns);
    machine.prepare('DELETE FROM settings WHERE key = ?').run(LEGACY_STUDENT_SETTING);
    // Rows set aside from the moved tables went with the copy.
    if (legacyHas(machine, SET_ASIDE_TABLE)) machine.exec(`DELETE FROM ${SET_ASIDE_TABLE}`);
    return true;
  }).immediate();
  if (!moved) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return { profile, tables: Object.fromEntries(before) };
}

function legacyHas(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function readSetting(db: Database.Database, key: string): unknown {
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? JSON.parse(row.value) : null;
  } catch {
    return null;
  }
}
