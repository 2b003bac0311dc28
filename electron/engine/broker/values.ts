// Record values cross a boundary (producer → log → consumers), so they are validated and stored as
// deep-frozen copies: what a consumer sees is exactly what was sent, whatever the producer does later.
import { BrokerError } from './errors';
import type { Headers } from './types';

export const EMPTY_HEADERS: Headers = Object.freeze({});

/** Keys from the root to the value being checked; turned into a path string only for an error. */
type Trail = (string | number)[];

function fail(trail: Trail, why: string): never {
  const path = trail.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  throw new BrokerError('NOT_SERIALIZABLE', `value${path} cannot be serialised: ${why}`);
}

/**
 * Deep copy (or, inPlace, deep freeze) of JSON data. `ancestors` holds the objects on the current
 * path, so a cycle is found without a Set per value.
 */
function cloneInner(v: unknown, trail: Trail, ancestors: object[], inPlace: boolean): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      if (!Number.isFinite(v)) fail(trail, `${String(v)} is not a finite number`);
      return v;
    case 'undefined':
      return fail(trail, 'undefined (use null)');
    case 'bigint':
      return fail(trail, 'BigInt');
    case 'function':
      return fail(trail, 'function');
    case 'symbol':
      return fail(trail, 'symbol');
  }
  if (v === null) return null;
  const obj = v as object;
  if (ancestors.includes(obj)) fail(trail, 'cycle');
  ancestors.push(obj);
  let out: unknown;
  if (Array.isArray(obj)) {
    const arr: unknown[] = inPlace ? obj : new Array(obj.length);
    for (let i = 0; i < obj.length; i++) {
      trail.push(i);
      const c = cloneInner(obj[i], trail, ancestors, inPlace);
      if (!inPlace) arr[i] = c; // in place the child is itself (and may already be frozen)
      trail.pop();
    }
    out = Object.isFrozen(arr) ? arr : Object.freeze(arr);
  } else {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      fail(trail, `${(obj as { constructor?: { name?: string } }).constructor?.name ?? 'object'} is not a plain object`);
    }
    const src = obj as Record<string, unknown>;
    const rec: Record<string, unknown> = inPlace ? src : {};
    for (const k in src) {
      if (!Object.prototype.hasOwnProperty.call(src, k)) continue;
      trail.push(k);
      const c = cloneInner(src[k], trail, ancestors, inPlace);
      if (!inPlace) rec[k] = c;
      trail.pop();
    }
    out = Object.isFrozen(rec) ? rec : Object.freeze(rec);
  }
  ancestors.pop();
  return out;
}

/** Validates that `value` is JSON data (plain objects, arrays, strings, finite numbers, booleans, null) and returns a frozen copy. */
export function freezeValue(value: unknown): unknown {
  const t = typeof value;
  if (t === 'string' || t === 'boolean' || value === null) return value;
  return cloneInner(value, [], [], false);
}

/**
 * Same validation, but freezes `value` itself instead of copying it: only for values the caller built
 * and hands over for good (the relay's records, made from the store's fresh objects).
 */
export function freezeOwnedValue(value: unknown): unknown {
  const t = typeof value;
  if (t === 'string' || t === 'boolean' || value === null) return value;
  return cloneInner(value, [], [], true);
}

/**
 * Validates headers (an object of string values) and returns a frozen copy. `owned`: the caller built
 * this plain object and gives it up (the relay), so it is checked and frozen in place, not copied.
 */
export function freezeHeaders(headers: Record<string, string> | undefined, owned = false): Headers {
  if (headers === undefined) return EMPTY_HEADERS;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new BrokerError('INVALID_RECORD', 'headers must be an object of string values');
  }
  if (owned && Object.getPrototypeOf(headers) === Object.prototype) {
    for (const k of Object.keys(headers)) {
      if (typeof headers[k] !== 'string') throw new BrokerError('INVALID_RECORD', `header ${JSON.stringify(k)} must be a string`);
    }
    return Object.freeze(headers);
  }
  const out: Record<string, string> = {};
  for (const k of Object.keys(headers)) {
    const v = headers[k];
    if (typeof v !== 'string') throw new BrokerError('INVALID_RECORD', `header ${JSON.stringify(k)} must be a string`);
    out[k] = v;
  }
  return Object.freeze(out);
}
