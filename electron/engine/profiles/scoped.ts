// A feature's repository (drafts, attempts, reading progress…) that always works on the active
// profile's database: one instance per profile database, made on first use, chosen at each call.
import type Database from 'better-sqlite3';
import type { ProgressDb } from '../progress';

export function profileScoped<T extends object>(ctx: { readonly progress: ProgressDb }, factory: (db: Database.Database) => T): T {
  const made = new WeakMap<Database.Database, T>();
  const current = (): T => {
    const db = ctx.progress.db;
    let repo = made.get(db);
    if (!repo) {
      repo = factory(db);
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
