// A feature's repository (drafts, attempts, reading progress…) that always works on the active
// profile's database: one instance per profile database, made on first use, chosen at each call.
import type Database from 'better-sqlite3';
import { isSchemaProblem, type ProgressDb } from '../progress';
import type { ProfileSession } from './session';

export function profileScoped<T extends object>(
  ctx: { readonly progress: ProgressDb; readonly profiles?: Pick<ProfileSession, 'setAsideActive' | 'onOpen'> },
  factory: (db: Database.Database) => T,
): T {
  const made = new WeakMap<Database.Database, T>();
  // Built as each profile's database opens, so an unexpected schema is found (and set aside) there.
  ctx.profiles?.onOpen((db) => {
    if (!made.has(db)) made.set(db, factory(db));
  });
  const current = (): T => {
    let db = ctx.progress.db;
    let repo = made.get(db);
    if (!repo) {
      try {
        repo = factory(db);
      } catch (err) {
        // The profile's file has tables of a shape this version does not know: keep it aside, start fresh.
        if (!isSchemaProblem(err) || !ctx.profiles) throw err;
        db = ctx.profiles.setAsideActive(err).db;
        repo = factory(db);
      }
      made.set(db, repo);
    }
    return repo;
  };
  return new Proxy({} as T, {
    get(_target, prop) {
      const repo = current();
      const value: unknown = Reflect.get(repo, prop, repo);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(repo) : value;
    },
  });
}
