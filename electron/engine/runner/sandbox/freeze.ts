// Freezes what a read-only workspace module exports (classes, their prototypes and statics, objects,
// arrays, functions), deeply, before any module that imports it runs. Walks own properties and
// prototypes but stops at the realm's built-ins, which stay unfrozen (the integrity check covers
// those) so ordinary code such as `this.name = 'OrderError'` keeps working. Getters are never called,
// except the bundler's own accessors on the module namespace handed in.

const MAX_OBJECTS = 100_000;

export interface Freezer {
  /** Called by a read-only module with its own namespace object. */
  freezeModule(namespace: unknown): void;
  /** Everything frozen so far, with a label, for the integrity check. */
  frozen(): ReadonlyArray<readonly [label: string, value: object]>;
}

const isObject = (v: unknown): v is object => (typeof v === 'object' && v !== null) || typeof v === 'function';

export function createFreezer(isBuiltin: (v: object) => boolean): Freezer {
  const done = new Set<object>();
  const list: Array<readonly [string, object]> = [];

  const freezeDeep = (root: object, rootLabel: string) => {
    const stack: Array<[object, string]> = [[root, rootLabel]];
    while (stack.length && done.size < MAX_OBJECTS) {
      const [value, label] = stack.pop()!;
      if (done.has(value) || isBuiltin(value)) continue;
      done.add(value);
      try {
        Object.freeze(value);
      } catch {
        // a typed array with elements cannot be frozen: its properties still are walked below
      }
      list.push([label, value]);
      const proto = Reflect.getPrototypeOf(value);
      if (proto) stack.push([proto, `${label}.[[Prototype]]`]);
      for (const key of Reflect.ownKeys(value)) {
        const d = Reflect.getOwnPropertyDescriptor(value, key);
        if (!d) continue;
        // Most properties hold primitives: a label is made only for what is walked on.
        const { value: v, get, set } = d;
        if (!isObject(v) && !isObject(get) && !isObject(set)) continue;
        const name = `${label}.${typeof key === 'symbol' ? `[${String(key.description)}]` : key}`;
        if (isObject(v)) stack.push([v, name]);
        if (isObject(get)) stack.push([get, name]);
        if (isObject(set)) stack.push([set, name]);
      }
    }
  };

  return {
    freezeModule(namespace) {
      if (!isObject(namespace)) return;
      for (const key of Reflect.ownKeys(namespace)) {
        if (typeof key !== 'string') continue;
        const value: unknown = Reflect.get(namespace, key);
        if (isObject(value)) freezeDeep(value, key);
      }
      try {
        Object.freeze(namespace);
      } catch {
        // already frozen, or a namespace that refuses: its bindings are read-only anyway
      }
    },
    frozen: () => list,
  };
}
