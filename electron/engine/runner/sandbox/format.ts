// Turns any value (including the student's objects from the sandboxed realm) into a short, readable
// string for assertion messages and captured console output. Never throws: a getter that throws or a
// hostile Proxy becomes a placeholder instead of breaking the harness.
import { types } from 'node:util';

const MAX_DEPTH = 4;
const MAX_ITEMS = 25;
const MAX_CHARS = 2000;

export function safeGet(obj: unknown, key: PropertyKey): unknown {
  try {
    return (obj as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

export function className(v: object): string {
  try {
    const proto = Object.getPrototypeOf(v);
    if (proto === null) return '';
    const ctor = safeGet(proto, 'constructor');
    const name = typeof ctor === 'function' ? safeGet(ctor, 'name') : undefined;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  try {
    const proto = Object.getPrototypeOf(v);
    return proto === null || className(v) === 'Object';
  } catch {
    return false;
  }
}

function quote(s: string): string {
  const body = s.length > 300 ? s.slice(0, 300) + '…' : s;
  return JSON.stringify(body);
}

function keyText(k: string | symbol): string {
  if (typeof k === 'symbol') return `[${String(k)}]`;
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
}

function ownKeys(v: object): Array<string | symbol> {
  try {
    return Reflect.ownKeys(v).filter((k) => {
      const d = Reflect.getOwnPropertyDescriptor(v, k);
      return d?.enumerable === true;
    });
  } catch {
    return [];
  }
}

function inner(v: unknown, depth: number, seen: Set<object>): string {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${String(v)}n`;
    case 'boolean':
    case 'undefined':
      return String(v);
    case 'symbol':
      return String(v);
    case 'function': {
      const name = safeGet(v, 'name');
      return `[Function${typeof name === 'string' && name ? ' ' + name : ''}]`;
    }
  }
  if (v === null) return 'null';
  const o = v as object;
  if (types.isProxy(o)) return '[Proxy]';
  if (seen.has(o)) return '[Circular]';
  if (types.isDate(o)) {
    const t = Date.prototype.getTime.call(o);
    return Number.isNaN(t) ? 'Invalid Date' : Date.prototype.toISOString.call(o);
  }
  if (types.isRegExp(o)) return RegExp.prototype.toString.call(o);
  if (types.isNativeError(o) || o instanceof Error) {
    const name = safeGet(o, 'name');
    const message = safeGet(o, 'message');
    return `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message : ''}`;
  }
  if (types.isPromise(o)) return 'Promise {…}';
  if (depth >= MAX_DEPTH) return Array.isArray(o) ? '[Array]' : `[${className(o) || 'Object'}]`;
  seen.add(o);
  try {
    if (Array.isArray(o)) {
      const len = Number(safeGet(o, 'length')) || 0;
      const parts: string[] = [];
      for (let i = 0; i < Math.min(len, MAX_ITEMS); i++) parts.push(inner(safeGet(o, i), depth + 1, seen));
      if (len > MAX_ITEMS) parts.push(`… ${len - MAX_ITEMS} more`);
      return `[${parts.join(', ')}]`;
    }
    if (types.isMap(o)) {
      const parts: string[] = [];
      for (const [k, val] of Map.prototype.entries.call(o) as IterableIterator<[unknown, unknown]>) {
        if (parts.length >= MAX_ITEMS) break;
        parts.push(`${inner(k, depth + 1, seen)} => ${inner(val, depth + 1, seen)}`);
      }
      return `Map(${Reflect.get(Map.prototype, 'size', o) as number}) {${parts.length ? ' ' + parts.join(', ') + ' ' : ''}}`;
    }
    if (types.isSet(o)) {
      const parts: string[] = [];
      for (const val of Set.prototype.values.call(o) as IterableIterator<unknown>) {
        if (parts.length >= MAX_ITEMS) break;
        parts.push(inner(val, depth + 1, seen));
      }
      return `Set {${parts.length ? ' ' + parts.join(', ') + ' ' : ''}}`;
    }
    const keys = ownKeys(o);
    const name = className(o);
    const prefix = name && name !== 'Object' ? `${name} ` : '';
    if (keys.length === 0) return `${prefix}{}`;
    const parts: string[] = [];
    for (const k of keys.slice(0, MAX_ITEMS)) parts.push(`${keyText(k)}: ${inner(safeGet(o, k), depth + 1, seen)}`);
    if (keys.length > MAX_ITEMS) parts.push(`… ${keys.length - MAX_ITEMS} more`);
    return `${prefix}{ ${parts.join(', ')} }`;
  } finally {
    seen.delete(o);
  }
}

/** A one-line rendering of any value, capped in length. */
export function formatValue(v: unknown): string {
  let s: string;
  try {
    s = inner(v, 0, new Set());
  } catch {
    s = '[unprintable]';
  }
  return s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) + '…' : s;
}

/** console.log-style: strings as they are, other values formatted. */
export function formatArgs(args: readonly unknown[]): string {
  const parts: string[] = [];
  for (let i = 0; i < args.length && i < 50; i++) {
    const a = args[i];
    parts.push(typeof a === 'string' ? (a.length > 100_000 ? a.slice(0, 100_000) : a) : formatValue(a));
  }
  return parts.join(' ');
}
