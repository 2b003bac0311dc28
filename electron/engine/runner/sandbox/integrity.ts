// The student's code and the test files share one realm, so a student could patch a built-in the
// tests rely on (Array.prototype.reduce, Object.keys, JSON.stringify, …) and make a test compute the
// wrong expectation. Rather than freezing the realm (which breaks ordinary code such as
// `this.name = 'OrderError'` in an Error subclass), the harness takes a snapshot of the built-ins
// before any code runs and checks it after loading and after the tests: any change fails the run.
// The read-only modules' exports, frozen as they load (freeze.ts), are tracked here as well.
import vm from 'node:vm';

/**
 * One recorded object: its prototype and own properties as flat arrays (no descriptor objects are
 * kept): this runs for every built-in of every suite's context, so it avoids allocating.
 */
interface Entry {
  label: string;
  target: object;
  proto: object | null;
  keys: PropertyKey[];
  /** A data property's value, or an accessor's getter. */
  values: unknown[];
  /** An accessor's setter (undefined for data properties). */
  setters: unknown[];
  /** Per key: ACCESSOR, WRITABLE or READ_ONLY. */
  kinds: Uint8Array;
  frozen?: boolean;
}

const ACCESSOR = 0;
const WRITABLE = 1;
const READ_ONLY = 2;

export interface IntrinsicsSnapshot {
  /** The label of the first built-in or tracked object found changed (e.g. 'Array.prototype.reduce'), or null. */
  changed(): string | null;
  /** Whether a value is one of the realm's built-ins recorded here. */
  isBuiltin(value: object): boolean;
  /** Adds an object to the check (a read-only module's export, frozen once it loaded). */
  track(label: string, value: object): void;
}

// Engine and V8 hooks that code may set harmlessly, and that nothing in the harness trusts.
const IGNORED = new Set<PropertyKey>(['stackTraceLimit', 'prepareStackTrace']);

// Intrinsics that are not reachable as globals.
const HIDDEN = new vm.Script(
  `(() => {
    const P = Object.getPrototypeOf;
    return { global: globalThis, list: [
      ['%ArrayIteratorPrototype%', P([][Symbol.iterator]())],
      ['%IteratorPrototype%', P(P([][Symbol.iterator]()))],
      ['%MapIteratorPrototype%', P(new Map().entries())],
      ['%SetIteratorPrototype%', P(new Set().values())],
      ['%StringIteratorPrototype%', P(''[Symbol.iterator]())],
      ['%RegExpStringIteratorPrototype%', P(/x/[Symbol.matchAll](''))],
      ['%GeneratorFunction.prototype%', P(function* () {})],
      ['%GeneratorPrototype%', P(function* () {}).prototype],
      ['%AsyncFunction.prototype%', P(async function () {})],
      ['%AsyncGeneratorFunction.prototype%', P(async function* () {})],
      ['%AsyncGeneratorPrototype%', P(async function* () {}).prototype],
      ['%AsyncIteratorPrototype%', P(P(async function* () {}).prototype)],
      ['%TypedArray%', P(Uint8Array)],
      ['%TypedArray.prototype%', P(Uint8Array.prototype)],
      ['Object.prototype', Object.prototype],
      ['Function.prototype', Function.prototype],
    ] };
  })()`,
  { filename: 'harness-intrinsics.js' },
);

const kindOf = (d: PropertyDescriptor): number => ('value' in d ? (d.writable ? WRITABLE : READ_ONLY) : ACCESSOR);

function record(label: string, target: object): Entry {
  const keys = Reflect.ownKeys(target);
  const n = keys.length;
  const values = new Array<unknown>(n);
  const setters = new Array<unknown>(n);
  const kinds = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = Reflect.getOwnPropertyDescriptor(target, keys[i]!)!;
    const kind = kindOf(d);
    kinds[i] = kind;
    values[i] = kind === ACCESSOR ? d.get : d.value;
    setters[i] = d.set;
  }
  return { label, target, proto: Reflect.getPrototypeOf(target), keys, values, setters, kinds };
}

function keyLabel(k: PropertyKey): string {
  return typeof k === 'symbol' ? `[${String(k.description ?? 'symbol')}]` : String(k);
}

/** Whether a property's descriptor now differs from the one recorded at index i (its value, getter, setter or writability). */
function differs(e: Entry, i: number, after: PropertyDescriptor): boolean {
  const kind = kindOf(after);
  if (kind !== e.kinds[i]) return true;
  return kind === ACCESSOR ? after.get !== e.values[i] || after.set !== e.setters[i] : !Object.is(after.value, e.values[i]);
}

function changedIn(e: Entry): string | null {
  const { target, keys } = e;
  if (Reflect.getPrototypeOf(target) !== e.proto) return `the prototype of ${e.label}`;
  const now = Reflect.ownKeys(target);
  // The usual case: the same keys in the same order; one descriptor read per key, nothing else.
  let same = now.length === keys.length;
  for (let i = 0; same && i < keys.length; i++) same = now[i] === keys[i];
  if (same) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (IGNORED.has(k)) continue;
      if (differs(e, i, Reflect.getOwnPropertyDescriptor(target, k)!)) return `${e.label}.${keyLabel(k)}`;
    }
    return null;
  }
  // Keys were added, deleted or moved: find which, and name it.
  const recorded = new Set(keys);
  for (const k of now) {
    if (!recorded.has(k) && !IGNORED.has(k)) return `${e.label}.${keyLabel(k)} (added)`;
  }
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (IGNORED.has(k)) continue;
    const after = Reflect.getOwnPropertyDescriptor(target, k);
    if (!after) return `${e.label}.${keyLabel(k)} (deleted)`;
    if (differs(e, i, after)) return `${e.label}.${keyLabel(k)}`;
  }
  return null;
}

/** Snapshot of the context's standard globals, their prototypes, and the hidden intrinsics. */
export function snapshotIntrinsics(context: vm.Context, skipGlobals: ReadonlySet<string>): IntrinsicsSnapshot {
  const hidden = HIDDEN.runInContext(context) as { global: Record<string, unknown>; list: Array<[string, unknown]> };
  const global = hidden.global;
  const entries: Entry[] = [];
  const seen = new Set<object>();
  const add = (label: string, v: unknown) => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return;
    seen.add(v);
    entries.push(record(label, v));
  };
  // The global object itself: only its standard names matter (new globals are harmless).
  const globalNames = Object.getOwnPropertyNames(global).filter((n) => !skipGlobals.has(n));
  const globals = record('globalThis', global);
  const globalIndex = globalNames.map((n) => globals.keys.indexOf(n));
  for (let i = 0; i < globalNames.length; i++) {
    const name = globalNames[i]!;
    const k = globalIndex[i]!;
    const value = globals.kinds[k] === ACCESSOR ? undefined : globals.values[k];
    add(name, value);
    if (typeof value === 'function') add(`${name}.prototype`, (value as { prototype?: unknown }).prototype);
  }
  for (const [label, value] of hidden.list) add(label, value);

  const tracked: Entry[] = [];
  return {
    isBuiltin: (value) => seen.has(value),
    track(label, value) {
      tracked.push({ ...record(label, value), frozen: Object.isFrozen(value) });
    },
    changed() {
      for (let i = 0; i < globalNames.length; i++) {
        const name = globalNames[i]!;
        const after = Reflect.getOwnPropertyDescriptor(global, name);
        if (!after || differsAsGlobal(globals, globalIndex[i]!, after)) return `globalThis.${name}`;
      }
      for (const e of entries) {
        const c = changedIn(e);
        if (c) return c;
      }
      for (const e of tracked) {
        const c = changedIn(e) ?? (e.frozen && !Object.isFrozen(e.target) ? `${e.label} (no longer frozen)` : null);
        if (c) return `the read-only export ${c}`;
      }
      return null;
    },
  };
}

/** A global binding changed: its value, getter or setter (its writability may change: globals are only rebound). */
function differsAsGlobal(e: Entry, i: number, after: PropertyDescriptor): boolean {
  const accessor = e.kinds[i] === ACCESSOR;
  const before = { value: accessor ? undefined : e.values[i], get: accessor ? e.values[i] : undefined, set: e.setters[i] };
  return !Object.is(before.value, after.value) || before.get !== after.get || before.set !== after.set;
}
