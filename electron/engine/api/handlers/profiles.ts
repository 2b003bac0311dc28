// Handlers for profiles.*: the engine's profile session, with errors as codes and parameters.
import fs from 'node:fs';
import path from 'node:path';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { ApiError } from '../errors';
import { ProfileError, type Profile, type ProfileSession } from '../../profiles';

function view(p: Profile) {
  return { id: p.id, name: p.name, studentId: p.studentId, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt };
}

function coded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ProfileError) throw new ApiError(err.code, err.message, undefined, { params: err.params });
    throw err;
  }
}

/** Counts rows of a table that may not exist yet (a profile that never opened the quiz has no quiz table). */
function count(session: ProfileSession, id: string, table: string): number {
  const db = session.peek(id);
  const exists = db.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
}

export function createProfilesHandlers(ctx: EngineContext): HandlerGroup<'profiles.'> {
  const session = (): ProfileSession => {
    if (!ctx.profiles) throw new ApiError('PROFILES_UNAVAILABLE', 'This engine has no profiles.');
    return ctx.profiles;
  };
  return {
    'profiles.list': () => {
      const s = session();
      return {
        profiles: s.list().map(view),
        activeId: s.active()?.id ?? null,
        confirmed: s.confirmed(),
        migratedId: s.migrated?.profile.id ?? null,
      };
    },
    'profiles.create': ({ name, studentId }) => ({ profile: view(coded(() => session().create({ name, studentId }))) }),
    'profiles.select': ({ id }) => ({ profile: view(coded(() => session().select(id))) }),
    'profiles.update': ({ id, name, studentId }) => ({ profile: view(coded(() => session().update(id, { name, studentId }))) }),
    'profiles.summary': ({ id }) => {
      const s = session();
      coded(() => s.get(id));
      const folder = s.folderOf(id);
      const handIns = folder && fs.existsSync(path.join(folder, 'handins')) ? fs.readdirSync(path.join(folder, 'handins')).length : 0;
      return {
        drafts: count(s, id, 'exercise_drafts'),
        runs: count(s, id, 'exercise_runs'),
        quizAttempts: count(s, id, 'quiz_attempts'),
        readLessons: count(s, id, 'reading_progress'),
        handIns,
      };
    },
    'profiles.remove': ({ id }) => coded(() => session().remove(id)),
  };
}
