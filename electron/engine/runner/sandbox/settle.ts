// Settles a value (a promise or not) into ok/error through the host realm's own `then`, shared by the
// test harness and the call API: a patched Promise.prototype.then in the sandbox cannot report completion early.
import { types } from 'node:util';

export type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Settles a promise through this realm's `then`: a patched Promise.prototype.then in the sandbox cannot report completion early. */
export function settle(value: unknown): Promise<Settled> {
  return new Promise((resolve) => {
    const ok = (v: unknown) => resolve({ ok: true, value: v });
    const bad = (e: unknown) => resolve({ ok: false, error: e });
    try {
      if (types.isPromise(value)) Reflect.apply(Promise.prototype.then, value, [ok, bad]);
      else Promise.resolve(value).then(ok, bad);
    } catch (err) {
      bad(err);
    }
  });
}
