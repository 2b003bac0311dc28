// describe / it / hooks as test files see them: while the file loads they build a tree of blocks
// and tests (with where each `it` was called); afterwards they refuse to register anything.
// Also receives the suite module's Russian names (the bundle's entry hands them over once, after the
// file loaded). Everything handed to the sandbox is frozen.
import { types } from 'node:util';
import { bundleFrames } from './callSites';
import type { Frame } from './errors';
import { formatValue, safeGet } from './format';
import { copyRuNames } from './ruNames';

export type Fn = (...args: unknown[]) => unknown;

export interface Block {
  name: string;
  parent: Block | null;
  items: Array<Block | TestCase>;
  beforeAll: Fn[];
  afterAll: Fn[];
  beforeEach: Fn[];
  afterEach: Fn[];
  skip: boolean;
  only: boolean;
}

export interface TestCase {
  kind: 'test';
  name: string;
  fn: Fn | undefined;
  block: Block;
  frames: Frame[];
  skip: boolean;
  only: boolean;
}

export function isBlock(x: Block | TestCase): x is Block {
  return (x as TestCase).kind !== 'test';
}

export interface Collector {
  /** The vitest-compatible API object for the bundle's 'vitest' module. */
  api: Readonly<Record<string, unknown>>;
  root: Block;
  /** Whether some test or block is marked `.only`. */
  anyOnly(): boolean;
  /** Ends the loading phase: later describe/it/hook calls throw. */
  close(): void;
  /** The suite's Russian names (its module's `ruNames` export), or null when it has none. */
  ruNames(): ReadonlyMap<string, string> | null;
  /** Every describe and it name registered (skipped ones too), in order. */
  segments(): string[];
}

function formatName(template: string, row: unknown[], index: number): string {
  let i = 0;
  let name = template.replace(/%[sdifjo#%]/g, (tok) => {
    if (tok === '%%') return '%';
    if (tok === '%#') return String(index);
    const v = row[i++];
    return typeof v === 'string' && tok === '%s' ? v : formatValue(v);
  });
  const first = row[0];
  if (row.length === 1 && first !== null && typeof first === 'object') {
    name = name.replace(/\$([A-Za-z_][\w.]*)/g, (_, key: string) => formatValue(safeGet(first, key)));
  }
  return name;
}

export function createCollector(filename: string, expect: unknown): Collector {
  const root: Block = { name: '', parent: null, items: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], skip: false, only: false };
  let current = root;
  let collecting = true;
  let anyOnly = false;

  const guard = (what: string) => {
    if (!collecting) throw new Error(`${what}() can only be called while the test file is loading`);
  };

  const describeImpl = (skip: boolean, only: boolean) => (name: unknown, fn?: unknown) => {
    guard('describe');
    const block: Block = { name: String(name), parent: current, items: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], skip: skip || current.skip, only };
    if (only) anyOnly = true;
    current.items.push(block);
    if (typeof fn === 'function') {
      const prev = current;
      current = block;
      try {
        const r = Reflect.apply(fn, undefined, []);
        if (types.isPromise(r)) throw new Error(`describe('${String(name)}') callback must not be async`);
      } finally {
        current = prev;
      }
    }
  };

  const testImpl = (skip: boolean, only: boolean) => (name: unknown, fn?: unknown) => {
    guard('it');
    // Where it was registered: the host counts a result only when this is the suite's own test file.
    const frames = bundleFrames(filename);
    if (only) anyOnly = true;
    current.items.push({
      kind: 'test',
      name: String(name),
      fn: typeof fn === 'function' ? (fn as Fn) : undefined,
      block: current,
      frames,
      skip: skip || current.skip || typeof fn !== 'function',
      only,
    });
  };

  const eachImpl = (register: (name: unknown, fn?: unknown) => void) => (table: unknown) => (name: unknown, fn: unknown) => {
    if (!Array.isArray(table)) throw new TypeError('each() needs an array');
    table.forEach((row: unknown, index: number) => {
      const args = Array.isArray(row) ? [...row] : [row];
      register(formatName(String(name), args, index), typeof fn === 'function' ? () => Reflect.apply(fn, undefined, args) : undefined);
    });
  };

  const withVariants = (make: (skip: boolean, only: boolean) => (name: unknown, fn?: unknown) => void) => {
    const base = Object.freeze(make(false, false));
    const skipped = Object.freeze(make(true, false));
    return Object.freeze(
      Object.assign((name: unknown, fn?: unknown) => base(name, fn), {
        skip: skipped,
        only: Object.freeze(make(false, true)),
        todo: Object.freeze((name: unknown) => skipped(name)),
        each: Object.freeze(eachImpl(base)),
        skipIf: Object.freeze((cond: unknown) => (cond ? skipped : base)),
        runIf: Object.freeze((cond: unknown) => (cond ? base : skipped)),
      }),
    );
  };

  const hook = (kind: 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach') =>
    Object.freeze((fn: unknown) => {
      guard(kind);
      if (typeof fn !== 'function') throw new TypeError(`${kind} needs a function`);
      current[kind].push(fn as Fn);
    });

  // Called by the bundle's entry (never reachable from test or workspace files: the 'vitest' module
  // does not export it) with the suite module's namespace, once.
  let ruNames: ReadonlyMap<string, string> | null = null;
  let namesTaken = false;
  const names = Object.freeze((namespace: unknown) => {
    if (namesTaken) return;
    namesTaken = true;
    if (namespace === null || typeof namespace !== 'object') return;
    const descriptor = Reflect.getOwnPropertyDescriptor(namespace, 'ruNames');
    // esbuild exposes a module's exports as getters on its namespace object; this one returns the
    // exported binding and runs no code of the test file.
    ruNames = copyRuNames(descriptor && 'value' in descriptor ? descriptor.value : descriptor?.get ? safeGet(namespace, 'ruNames') : undefined);
  });

  const describe = withVariants(describeImpl);
  const it = withVariants(testImpl);
  const api = Object.freeze({
    describe,
    suite: describe,
    it,
    test: it,
    expect,
    beforeAll: hook('beforeAll'),
    afterAll: hook('afterAll'),
    beforeEach: hook('beforeEach'),
    afterEach: hook('afterEach'),
    names,
  });

  return {
    api,
    root,
    anyOnly: () => anyOnly,
    close() {
      collecting = false;
    },
    ruNames: () => ruNames,
    segments() {
      const out: string[] = [];
      const walk = (b: Block) => {
        for (const x of b.items) {
          out.push(x.name);
          if (isBlock(x)) walk(x);
        }
      };
      walk(root);
      return out.filter((n) => n !== '');
    },
  };
}
