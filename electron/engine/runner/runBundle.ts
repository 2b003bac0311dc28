// A test run's scripts, built in two parts:
//   - the test bundle: test and support files, read-only files, the harness glue and the registry,
//     with every editable file left out as a stub (bundle.ts, `linked`). It does not depend on the
//     student's code, so it is built once per content and named by its hash: a sandbox process that
//     already holds it is not sent it again, and keeps it compiled between runs.
//   - the student's modules (studentModules.ts): each editable file on its own, wrapped here as a
//     factory `(function (exports, require, module) { … })` and placed after the test bundle in one
//     line space (the sandbox compiles it under the bundle's file name with this `lineOffset`), so
//     stack frames in either part go through one layered source map.
import { createHash } from 'node:crypto';
import { SuiteBundler, type BundleOutcome } from './bundle';
import type { BundleCache, CacheLookup } from './bundleCache';
import { StudentBuilder } from './studentModules';
import { LayeredSourceMap, SourceMap, type PositionLookup } from './sourcemap';

export interface TestBundle {
  /** Hash of the code: the sandbox keeps compiled bundles by it. */
  id: string;
  code: string;
}

export interface LinkedModule {
  /** Editable file name ('OrderAggregate.ts'). */
  name: string;
  /** The factory expression, as the sandbox compiles it. */
  code: string;
  /** `lineOffset` for the script: its first line is this line (0-based) of the line space. */
  line: number;
}

export type RunBundleOutcome =
  | { ok: true; bundle: TestBundle; modules: LinkedModule[]; map: PositionLookup }
  | Extract<BundleOutcome, { ok: false }>;

export interface RunBundlerOptions {
  engineDir: string;
  tests: ReadonlyMap<string, string>;
  /** The suites' test files, in order. */
  suites: readonly string[];
  readonlyFiles: readonly string[];
  editable: readonly string[];
  allowedImports: readonly string[];
  /**
   * A disk cache of test bundles (bundleCache.ts): looked up before the first build, written after it.
   * Only for the student's own visible runs; grading never passes one.
   */
  cache?: BundleCache;
  /** Each lookup's outcome, and 'write' after storing a built bundle (the runner's stats). */
  onCache?: (event: CacheLookup['kind'] | 'write') => void;
}

/**
 * A test bundle for a cache entry: `cacheKey` names everything the bundle depends on but the files it read
 * from disk (computed when the cache is looked at: after the runner started the run's process).
 */
export interface CacheRequest {
  cacheKey?: () => string;
}

/** The factory's first line; the module's own code starts on the next line. */
const HEADER = "(function (exports, require, module) {'use strict';\n";
const FOOTER = '\n})';

const lineCount = (text: string): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

interface Base {
  readonly: ReadonlyMap<string, string>;
  outcome: Extract<BundleOutcome, { ok: false }> | { ok: true; bundle: TestBundle; lines: number; map: SourceMap };
}

export class RunBundler {
  private readonly tests: SuiteBundler;
  private readonly students: StudentBuilder;
  private base: Base | undefined;

  constructor(private readonly opts: RunBundlerOptions) {
    this.tests = new SuiteBundler({
      engineDir: opts.engineDir,
      tests: opts.tests,
      entries: opts.suites.map((test) => ({ test })),
      readonlyFiles: opts.readonlyFiles,
      allowedImports: opts.allowedImports,
      linked: opts.editable,
      reportInputs: opts.cache !== undefined,
    });
    this.students = new StudentBuilder({
      engineDir: opts.engineDir,
      workspace: [...opts.readonlyFiles, ...opts.editable.filter((n) => !opts.readonlyFiles.includes(n))],
      editable: opts.editable,
      allowedImports: opts.allowedImports,
    });
  }

  /** The test bundle for these read-only files (built on first use; the same map object skips even the content check). */
  private async testBundle(readonly: ReadonlyMap<string, string>, keyOf: (() => string) | undefined): Promise<Base['outcome']> {
    if (this.base?.readonly === readonly) return this.base.outcome;
    // A cold start's sandbox process is the longest part of its run: let the runner start it (a few
    // microtasks away) before the key is hashed, the cache read and the map parsed (a few ms of the host).
    if (this.opts.cache && keyOf) await new Promise<void>((resolve) => setImmediate(resolve));
    const cacheKey = this.opts.cache && keyOf ? keyOf() : undefined;
    const cached = this.fromCache(cacheKey);
    let outcome: Base['outcome'];
    if (cached) outcome = this.outcome(cached.code, cached.map);
    else {
      const workspace = new Map(readonly);
      for (const name of this.opts.editable) workspace.set(name, '');
      const built = await this.tests.bundle(workspace);
      if (!built.ok) outcome = built;
      else {
        const { code, map } = built.suites[0]!;
        outcome = this.outcome(code, map);
        if (this.opts.cache && cacheKey !== undefined && built.inputs && this.opts.cache.write(cacheKey, { code, map, inputs: built.inputs })) {
          this.opts.onCache?.('write');
        }
      }
    }
    this.base = { readonly, outcome };
    return outcome;
  }

  private fromCache(cacheKey: string | undefined): { code: string; map: string } | undefined {
    if (!this.opts.cache || cacheKey === undefined) return undefined;
    const found = this.opts.cache.read(cacheKey);
    this.opts.onCache?.(found.kind);
    return found.kind === 'hit' ? found.bundle : undefined;
  }

  private outcome(code: string, map: string): Extract<Base['outcome'], { ok: true }> {
    const id = createHash('sha256').update(code).digest('hex').slice(0, 32);
    // The same content again (a new map object): keep the parsed map.
    const same = this.base?.outcome.ok && this.base.outcome.bundle.id === id ? this.base.outcome : undefined;
    return same ?? { ok: true, bundle: { id, code }, lines: lineCount(code), map: new SourceMap(map) };
  }

  /** Builds the run: the test bundle (cached) and the student's files (only they are parsed per run). */
  async bundle(readonly: ReadonlyMap<string, string>, files: Readonly<Record<string, string>>, request: CacheRequest = {}): Promise<RunBundleOutcome> {
    // The student's build goes to esbuild first; the test bundle (a cache read, or a build) meanwhile.
    const building = this.students.build(files);
    const [base, students] = await Promise.all([this.testBundle(readonly, request.cacheKey), building]);
    if (!base.ok) return base;
    if (!students.ok) return students;
    const modules: LinkedModule[] = [];
    const layers: Array<{ fromLine: number; shift: number; map: PositionLookup }> = [{ fromLine: 1, shift: 0, map: base.map }];
    let line = base.lines;
    for (const m of students.modules) {
      const code = `${HEADER}${m.code}${FOOTER}`;
      modules.push({ name: m.name, code, line });
      // 1-based: the header is line `line + 1`; the module's own line 1 is `line + 2`.
      layers.push({ fromLine: line + 1, shift: line + 1, map: new SourceMap(m.map) });
      line += lineCount(code);
    }
    return { ok: true, bundle: base.bundle, modules, map: new LayeredSourceMap(layers) };
  }

  async close(): Promise<void> {
    await Promise.all([this.tests.close(), this.students.close()]);
  }
}
