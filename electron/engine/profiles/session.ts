// Who is working on this machine right now: the profiles, the active one and its open progress
// database. Every feature reads and writes progress through the active profile's database, so a
// student's drafts, runs, quiz attempts, reading progress and hand-ins never mix with another's.
// The session starts unconfirmed: the UI asks who is working before showing anything of a profile.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { withProgressDb, type ProgressDb } from '../progress';
import { moveAside } from '../sqlite';
import { createProfileRegistry, type Profile } from './registry';
import { migrateLegacyProgress, type LegacyMigration } from './migrateLegacy';

export class ProfileError extends Error {
  constructor(readonly code: 'PROFILE_NOT_FOUND' | 'PROFILE_NAME_TAKEN', readonly params: Record<string, string>) {
    super(code === 'PROFILE_NOT_FOUND' ? `There is no profile ${params.id}.` : `A profile named "${params.name}" already exists.`);
    this.name = 'ProfileError';
  }
}

export interface ProfileInput {
  name: string;
  studentId?: string | null;
}

export interface ProfileSession {
  list(): Profile[];
  /** Throws PROFILE_NOT_FOUND. */
  get(id: string): Profile;
  active(): Profile | null;
  /** Whether someone picked or created a profile since the engine started. */
  confirmed(): boolean;
  create(input: ProfileInput): Profile;
  select(id: string): Profile;
  update(id: string, input: ProfileInput): Profile;
  /** Deletes the profile and its data folder; returns the files removed. */
  remove(id: string): { files: number };
  /** The active profile's database; with none yet, the last used one (or a new unnamed one) unconfirmed. */
  db(): ProgressDb;
  /** When a feature finds the active profile's tables in an unexpected shape: the file is moved aside (kept) and a fresh one opened. */
  setAsideActive(reason: unknown): ProgressDb;
  /**
   * A feature's tables and statements, built on each profile database as it opens: a file whose tables
   * have an unexpected shape is then moved aside (kept) and a fresh one opened, as for the machine's.
   */
  onOpen(build: (db: ProgressDb['db']) => void): void;
  /** The machine file moved aside at start-up, if its tables had an unexpected shape. */
  machineRecoveredFrom(): string | undefined;
  /** Any profile's database, opened without making it active (to count what it holds). */
  peek(id: string): ProgressDb;
  /** A profile's data folder (absolute; the active one's without an id), null in memory. */
  folderOf(id?: string): string | null;
  /** Set when a single-user install's data became the first profile at start-up. */
  readonly migrated: LegacyMigration | null;
  close(): void;
}

function newId(): string {
  return `p-${randomBytes(5).toString('hex')}`;
}

export function openProfileSession(dataDir: string | ':memory:', machine: ProgressDb): ProfileSession {
  const registry = createProfileRegistry(machine.db);
  const inMemory = dataDir === ':memory:';
  const newProfileIds = () => {
    const id = newId();
    return { id, folder: `profiles/${id}` };
  };
  const migrated = inMemory ? null : migrateLegacyProgress(dataDir, machine.db, registry, newProfileIds);
  const open = new Map<string, ProgressDb>();
  let activeId: string | null = null;
  let confirmed = false;

  function mustGet(id: string): Profile {
    const p = registry.get(id);
    if (!p) throw new ProfileError('PROFILE_NOT_FOUND', { id });
    return p;
  }
  const builders: Array<(db: ProgressDb['db']) => void> = [];
  function dbOf(p: Profile): ProgressDb {
    let db = open.get(p.id);
    if (!db) {
      db = withProgressDb(inMemory ? ':memory:' : path.join(dataDir, p.folder), (progress) => {
        for (const build of builders) build(progress.db);
      }).progress;
      open.set(p.id, db);
    }
    return db;
  }
  function checkName(name: string, exceptId: string | null) {
    const taken = registry.list().some((p) => p.id !== exceptId && p.name !== null && p.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (taken) throw new ProfileError('PROFILE_NAME_TAKEN', { name });
  }
  function insert(name: string | null, studentId: string | null): Profile {
    const { id, folder } = newProfileIds();
    const now = new Date().toISOString();
    const profile: Profile = { id, name, studentId, createdAt: now, lastUsedAt: now, folder };
    registry.insert(profile);
    return profile;
  }
  function activate(p: Profile, confirm: boolean): Profile {
    dbOf(p);
    activeId = p.id;
    if (confirm) {
      confirmed = true;
      registry.touch(p.id);
    }
    return registry.get(p.id) ?? p;
  }

  return {
    migrated,
    list: () => registry.list(),
    get: mustGet,
    peek: (id) => dbOf(mustGet(id)),
    active: () => (activeId ? registry.get(activeId) : null),
    confirmed: () => confirmed,
    create({ name, studentId }) {
      checkName(name, null);
      return activate(insert(name, studentId?.trim() || null), true);
    },
    select(id) {
      return activate(mustGet(id), true);
    },
    update(id, { name, studentId }) {
      mustGet(id);
      checkName(name, id);
      registry.update(id, name, studentId?.trim() || null);
      return mustGet(id);
    },
    remove(id) {
      const p = mustGet(id);
      open.get(id)?.close();
      open.delete(id);
      let files = 0;
      if (!inMemory) {
        const dir = path.join(dataDir, p.folder);
        files = countFiles(dir);
        fs.rmSync(dir, { recursive: true, force: true });
      }
      registry.remove(id);
      if (activeId === id) {
        activeId = null;
        confirmed = false;
      }
      return { files };
    },
    db() {
      if (!activeId) {
        const [last] = registry.list();
        activate(last ?? insert(null, null), false);
      }
      return dbOf(mustGet(activeId!));
    },
    onOpen(build) {
      builders.push(build);
      for (const db of open.values()) build(db.db);
    },
    machineRecoveredFrom: () => machine.recoveredFrom,
    setAsideActive(reason) {
      const p = mustGet(activeId ?? '');
      open.get(p.id)?.close();
      open.delete(p.id);
      if (!inMemory) {
        const file = path.join(dataDir, p.folder, 'progress.sqlite');
        const movedTo = moveAside(file);
        console.warn(`progress: ${file} has tables of an unexpected shape (${(reason as Error).message}); moved aside to ${movedTo}, starting fresh`);
      }
      return dbOf(p);
    },
    folderOf(id) {
      const which = id ?? activeId;
      const p = which ? registry.get(which) : null;
      return p && !inMemory ? path.join(dataDir, p.folder) : null;
    },
    close() {
      for (const db of open.values()) db.close();
      open.clear();
    },
  };
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1;
  }
  return n;
}
