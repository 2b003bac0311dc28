// Deep comparison for toEqual / toStrictEqual / toMatchObject that returns the differences as
// paths ("items[0].quantity: expected 2, received 3") so a student sees exactly what is off; the
// words around the values are phrases (common/testWords.ts), worded in the reader's language.
// Runs in the harness's own realm: the student cannot patch the built-ins it relies on.
import { types } from 'node:util';
import { className, formatValue, safeGet } from './format';
import { phrase, type Phrase } from '../../common/phrase';

export type EqualityMode = 'equal' | 'strict' | 'match';

/** A formatted value, or words standing for one ("nothing (property missing)"). */
export type DiffText = string | Phrase;

export interface Difference {
  path: string;
  expected: DiffText;
  received: DiffText;
  note?: Phrase;
}

/** Asymmetric matchers (expect.any, expect.objectContaining, ...): marker object → predicate. */
export interface Asymmetric {
  test(actual: unknown): boolean;
  describe(): Phrase;
}
export const asymmetric = new WeakMap<object, Asymmetric>();

const MAX_DIFFS = 10;

function keysFor(v: object, mode: EqualityMode): string[] {
  let keys: Array<string | symbol>;
  try {
    keys = Reflect.ownKeys(v);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const k of keys) {
    if (typeof k !== 'string') continue;
    const d = Reflect.getOwnPropertyDescriptor(v, k);
    if (!d?.enumerable) continue;
    if (Array.isArray(v) && k === 'length') continue;
    if (mode !== 'strict' && safeGet(v, k) === undefined) continue;
    out.push(k);
  }
  return out;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

function walk(a: unknown, e: unknown, mode: EqualityMode, path: string, out: Difference[], seen: Array<[unknown, unknown]>): void {
  if (out.length >= MAX_DIFFS) return;
  const push = (note?: Phrase): void => void out.push({ path: path || '(value)', expected: formatValue(e), received: formatValue(a), note });
  if (e !== null && typeof e === 'object') {
    const asym = asymmetric.get(e);
    if (asym) {
      if (!asym.test(a)) out.push({ path: path || '(value)', expected: asym.describe(), received: formatValue(a) });
      return;
    }
  }
  if (Object.is(a, e)) return;
  if (a === null || e === null || typeof a !== 'object' || typeof e !== 'object') {
    if (typeof a === 'function' && typeof e === 'function') return push(phrase('noteFunctions'));
    return push();
  }
  for (const [x, y] of seen) if (x === a && y === e) return;
  seen.push([a, e]);
  try {
    if (types.isDate(a) || types.isDate(e)) {
      if (!(types.isDate(a) && types.isDate(e)) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(e)) push();
      return;
    }
    if (types.isRegExp(a) || types.isRegExp(e)) {
      if (!(types.isRegExp(a) && types.isRegExp(e)) || RegExp.prototype.toString.call(a) !== RegExp.prototype.toString.call(e)) push();
      return;
    }
    if (types.isNativeError(e) || e instanceof Error) {
      if (!(types.isNativeError(a) || a instanceof Error) || safeGet(a, 'message') !== safeGet(e, 'message')) push();
      return;
    }
    const aArr = Array.isArray(a);
    const eArr = Array.isArray(e);
    if (aArr !== eArr) return push(phrase(eArr ? 'noteArrayExpected' : 'noteArrayUnexpected'));
    if (mode === 'strict' && className(a) !== className(e)) {
      return push(phrase('noteType', { expected: className(e) || 'Object.create(null)', received: className(a) || 'Object.create(null)' }));
    }
    if (aArr) {
      const al = Number(safeGet(a, 'length'));
      const el = Number(safeGet(e, 'length'));
      if (al !== el) out.push({ path: join(path, 'length') , expected: String(el), received: String(al), note: phrase('noteLength') });
      for (let i = 0; i < Math.min(al, el) && out.length < MAX_DIFFS; i++) walk(safeGet(a, i), safeGet(e, i), mode, join(path, i), out, seen);
      if (mode === 'strict') {
        for (let i = 0; i < Math.min(al, el); i++) {
          if (Object.prototype.hasOwnProperty.call(a, i) !== Object.prototype.hasOwnProperty.call(e, i)) {
            out.push({ path: join(path, i), expected: phrase('anElement'), received: phrase('aHole'), note: phrase('noteSparse') });
            break;
          }
        }
      }
      return;
    }
    if (types.isMap(a) || types.isMap(e)) {
      if (!(types.isMap(a) && types.isMap(e))) return push();
      const am = a as Map<unknown, unknown>;
      const em = e as Map<unknown, unknown>;
      if (Reflect.get(Map.prototype, 'size', am) !== Reflect.get(Map.prototype, 'size', em)) return push(phrase('noteMapSize'));
      for (const [k, v] of Map.prototype.entries.call(em) as IterableIterator<[unknown, unknown]>) {
        if (!Map.prototype.has.call(am, k)) return push(phrase('noteMissingKey', { key: formatValue(k) }));
        walk(Map.prototype.get.call(am, k), v, mode, `${path}.get(${formatValue(k)})`, out, seen);
      }
      return;
    }
    if (types.isSet(a) || types.isSet(e)) {
      if (!(types.isSet(a) && types.isSet(e))) return push();
      const av = [...(Set.prototype.values.call(a) as IterableIterator<unknown>)];
      const ev = [...(Set.prototype.values.call(e) as IterableIterator<unknown>)];
      if (av.length !== ev.length || !ev.every((x) => av.some((y) => differences(y, x, mode).length === 0))) push();
      return;
    }
    const ek = keysFor(e, mode);
    const ak = mode === 'match' ? ek : keysFor(a, mode);
    for (const k of ek) {
      if (out.length >= MAX_DIFFS) return;
      if (mode === 'match' && !(k in (a as object))) {
        out.push({ path: join(path, k), expected: formatValue(safeGet(e, k)), received: phrase('propertyMissing') });
        continue;
      }
      if (mode !== 'match' && !ak.includes(k) && !(mode === 'equal' && safeGet(a, k) === undefined && safeGet(e, k) === undefined)) {
        out.push({ path: join(path, k), expected: formatValue(safeGet(e, k)), received: phrase('propertyMissing') });
        continue;
      }
      walk(safeGet(a, k), safeGet(e, k), mode, join(path, k), out, seen);
    }
    if (mode !== 'match') {
      for (const k of ak) {
        if (out.length >= MAX_DIFFS) return;
        if (!ek.includes(k)) out.push({ path: join(path, k), expected: phrase('noSuchProperty'), received: formatValue(safeGet(a, k)) });
      }
    }
  } finally {
    seen.pop();
  }
}

/** Every difference (up to a cap) between actual and expected; empty means equal. */
export function differences(actual: unknown, expected: unknown, mode: EqualityMode): Difference[] {
  const out: Difference[] = [];
  try {
    walk(actual, expected, mode, '', out, []);
  } catch (err) {
    out.push({ path: '(value)', expected: formatValue(expected), received: formatValue(actual), note: phrase('noteComparisonFailed', { error: formatValue(err) }) });
  }
  return out;
}

/** The differences as lines ("  • items[0].quantity: expected 2, received 3"). */
export function describeDifferences(diffs: Difference[]): Phrase[] {
  const lines = diffs.map((d) =>
    d.note ? phrase('differenceNote', { path: d.path, expected: d.expected, received: d.received, note: d.note }) : phrase('difference', { path: d.path, expected: d.expected, received: d.received }),
  );
  if (diffs.length >= MAX_DIFFS) lines.push(phrase('moreDifferences'));
  return lines;
}
