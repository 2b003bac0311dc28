// The student's code and the test files share one realm, so a student could patch a built-in the
// tests rely on (Array.prototype.reduce, Object.keys, JSON.stringify, …) and make a test compute the
// wrong expectation. Rather than freezing the realm (which breaks ordinary code such as
// `this.name = 'OrderError'` in an Error subclass), the harness takes a snapshot of the built-ins
// before any code runs and checks it after loading and after the tests: any change fails the run.
// The read-only modules' exports, frozen as they load (freeze.ts), are tracked here as well.
import vm from 'node:vm';

interface Entry {
  label: string;
  target: object;
  proto: object | null;
  keys: PropertyKey[];
  descriptors: Map<PropertyKey, PropertyDescriptor>;
  frozen?: boolean;
}

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
    return [
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
    ];
  })()`,
  { filename: 'harness-intrinsics.js' },
);

function record(label: string, target: object): Entry {
  const keys = Reflect.ownKeys(target);
  const descriptors = new Map<PropertyKey, PropertyDescriptor>();
  for (const k of keys) descriptors.set(k, Reflect.getOwnPropertyDescriptor(target, k)!);
  return { label, target, proto: Reflect.getPrototypeOf(target), keys, descriptors };
}

function keyLabel(k: PropertyKey): string {
  return typeof k === 'symbol' ? `[${String(k.description ?? 'symbol')}]` : String(k);
}

function changedIn(e: Entry): string | null {
  if (Reflect.getPrototypeOf(e.target) !== e.proto) return `the prototype of ${e.label}`;
  const now = Reflect.ownKeys(e.target);
  for (const k of now) {
    if (!e.descriptors.has(k) && !IGNORED.has(k)) return `${e.label}.${keyLabel(k)} (added)`;
  }
  for (const k of e.keys) {
    if (IGNORED.has(k)) continue;
    const before = e.descriptors.get(k)!;
    const after = Reflect.getOwnPropertyDescriptor(e.target, k);
    if (!after) return `${e.label}.${keyLabel(k)} (deleted)`;
    if (!Object.is(before.value, after.value) || before.get !== after.get || before.set !== after.set || before.writable !== after.writable) {
      return `${e.label}.${keyLabel(k)}`;
    }
  }
  return null;
}

/** Snapshot of the context's standard globals, their prototypes, and the hidden intrinsics. */
export function snapshotIntrinsics(context: vm.Context, skipGlobals: ReadonlySet<string>): IntrinsicsSnapshot {
  const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
  const entries: Entry[] = [];
  const seen = new Set<object>();
  const add = (label: string, v: unknown) => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return;
    seen.add(v);
    entries.push(record(label, v));
  };
  // The global object itself: only its standard names matter (new globals are harmless).
  const globalNames = Object.getOwnPropertyNames(global).filter((n) => !skipGlobals.has(n));
  const globalDescriptors = new Map(globalNames.map((n) => [n, Reflect.getOwnPropertyDescriptor(global, n)!] as const));
  for (const name of globalNames) {
    const value = globalDescriptors.get(name)!.value as unknown;
    add(name, value);
    if (typeof value === 'function') add(`${name}.prototype`, (value as { prototype?: unknown }).prototype);
  }
  for (const [label, value] of HIDDEN.runInContext(context) as Array<[string, unknown]>) add(label, value);
  add('Object.prototype', vm.runInContext('Object.prototype', context));
  add('Function.prototype', vm.runInContext('Function.prototype', context));

  const tracked: Entry[] = [];
  return {
    isBuiltin: (value) => seen.has(value),
    track(label, value) {
      tracked.push({ ...record(label, value), frozen: Object.isFrozen(value) });
    },
    changed() {
      for (const name of globalNames) {
        const before = globalDescriptors.get(name)!;
        const after = Reflect.getOwnPropertyDescriptor(global, name);
        if (!after || !Object.is(before.value, after.value) || before.get !== after.get || before.set !== after.set) return `globalThis.${name}`;
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
