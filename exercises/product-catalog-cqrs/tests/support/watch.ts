// A spy around the event store. It lets everything through and records what was used; inside
// `duringQueries(fn)` any use of the store is recorded as a violation and throws, because a
// query must answer from the read model alone.
import type { EventStore } from '@engine/store/memory';
import { say } from '@engine/testing/givenWhenThen';

export interface StoreWatch {
  /** Give this to the read model instead of the store. */
  store: EventStore;
  /** Store methods used while a query ran: must stay empty. */
  readonly touchedDuringQueries: string[];
  /** Runs `fn` as a query: the store is off limits while it runs. */
  duringQueries<T>(fn: () => T): T;
}

export function watchStore(store: EventStore): StoreWatch {
  const touchedDuringQueries: string[] = [];
  let querying = false;
  const spy = new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (querying) {
          touchedDuringQueries.push(String(property));
          throw new Error(say(`a query used the write side: store.${String(property)}()`, `запрос обратился к стороне записи: store.${String(property)}()`));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store: spy,
    touchedDuringQueries,
    duringQueries<T>(fn: () => T): T {
      querying = true;
      try {
        return fn();
      } finally {
        querying = false;
      }
    },
  };
}
