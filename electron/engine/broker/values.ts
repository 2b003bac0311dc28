// Record values cross a boundary (producer → log → consumers), so they are validated and stored as
// deep-frozen copies: what a consumer sees is exactly what was sent, whatever the producer does later.
import { BrokerError } from './errors';
import type { Headers } from './types';

export const EMPTY_HEADERS: Headers = Object.freeze({});

function fail(path: string, why: string): never {
  throw new BrokerError('NOT_SERIALIZABLE', `value${path} cannot be serialised: ${why}`);
}

function cloneInner(v: unknown, path: string, seen: Set<object>, inPlace = false): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      if (!Number.isFinite(v)) fail(path, `${String(v)} is not a finite number`);
      return v;
    case 'undefined':
      fail(path, 'undefined (use null)');
    // eslint-disable-next-line no-fallthrough
    case 'bigint':
      fail(path, 'BigInt');
    // eslint-disable-next-line no-fallthrough
    case 'function':
      fail(path, 'function');
    // eslint-disable-next-line no-fallthrough
    case 'symbol':
      fail(path, 'symbol');
  }
  if (v === null) return null;
  const obj = v as object;
  if (seen.has(obj)) fail(path, 'cycle');
  seen.add(obj);
  let out: unknown;
  if (Array.isArray(obj)) {
    const arr: unknown[] = inPlace ? obj : new Array(obj.length);
    for (let i = 0; i < obj.length; i++) arr[i] = cloneInner(obj[i], `${path}[${i}]`, seen, inPlace);
    out = Object.freeze(arr);
  } else {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      fail(path, `${(obj as { constructor?: { name?: string } }).constructor?.name ?? 'object'} is not a plain object`);
    }
    const rec: Record<string, unknown> = inPlace ? (obj as Record<string, unknown>) : {};
    for (const k of Object.keys(obj)) rec[k] = cloneInner((obj as Record<string, unknown>)[k], `${path}.${k}`, seen, inPlace);
    out = Object.freeze(rec);
  }
  seen.delete(obj);
  return out;
}

/** Validates that `value` is JSON data (plain objects, arrays, strings, finite numbers, booleans, null) and returns a frozen copy. */
export function freezeValue(value: unknown): unknown {
  const t = typeof value;
  if (t === 'string' || t === 'boolean' || value === null) return value;
  return cloneInner(value, '', new Set());
}

/**
 * Same validation, but freezes `value` itself instead of copying it: only for values the caller built
 * and hands over for good (the relay's records, made from the store's fresh objects).
 */
export function freezeOwnedValue(value: unknown): unknown {
  const t = typeof value;
  if (t === 'string' || t === 'boolean' || value === null) return value;
  if (t === 'object' && Object.isFrozen(value)) return cloneInner(value, '', new Set());
  return cloneInner(value, '', new Set(), true);
}

export function freezeHeaders(headers: Record<string, string> | undefined): Headers {
  if (headers === undefined) return EMPTY_HEADERS;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new BrokerError('INVALID_RECORD', 'headers must be an object of string values');
  }
  const out: Record<string, string> = {};
  for (const k of Object.keys(headers)) {
    const v = headers[k];
    if (typeof v !== 'string') throw new BrokerError('INVALID_RECORD', `header ${JSON.stringify(k)} must be a string`);
    out[k] = v;
  }
  return Object.freeze(out);
}
