// Bundles test files with the workspace (read-only files + the student's editable files, held in
// memory) into one self-contained script per entry for the sandbox. Everything is a value: the test
// and support files come as a map (path → source), never read from disk here, so a grading run can
// add hidden tests and the playground can call student code without writing an exercise folder.
// Runs esbuild in the host process; one incremental esbuild context per set of entries (each an entry
// point, so shared modules are parsed once), and only the workspace files are fed again on each run.
//
// What may be imported:
//   test and support files: 'vitest' (the harness), '@workspace/<file>', '@engine/<path>' (pure
//                           engine modules), relative files among the given test files, packages;
//   workspace files:        './<file>' or '@workspace/<file>' (the same flat folder), and exactly the
//                           modules the manifest's `allowedImports` names (answer-free helpers).
// A test run builds the tests once (editable files left out as stubs, `linked`) and each of the
// student's files on its own (studentModules.ts, the same import rules); the call API builds all at once.
// Anything else (the harness 'vitest'/'rg:init', '@engine/...' answers, node:fs, files outside those
// folders) fails the build with a message that names the rule. The harness module 'rg:init' is
// reachable only from the bundle's own entry and 'vitest' module.
//
// Every read-only workspace module ends by handing its own namespace to the harness's `__rg_freeze`,
// so its exports (classes, their prototypes and statics, objects, arrays) are frozen before any
// module that imports it — the student's included — can run.
import path from 'node:path';
import fs from 'node:fs';
import * as esbuild from 'esbuild';
import type { SourceLocation } from '../common/runResult';
import { FREEZE_HOOK } from './sandbox/hooks';
import { phrase, type Phrase } from '../common/phrase';
import { buildFailurePhrase, ruleError } from './buildErrors';

const WS = 'workspace';
const RG = 'rg';
/** An editable file inside a test bundle: a stub that links the student's module at run time (studentModules.ts). */
const LINK = 'rg-link';
/** Test and support files given in memory, by path relative to the exercise ('tests/visible/a.test.ts'). */
export const TESTS = 'tests';

/**
 * A built script. Every suite of a run shares one script (`entries` of tests are bundled into a single
 * output whose entry initialises only the suite the harness names), so shared modules are emitted,
 * shipped, compiled and source-mapped once per run instead of once per suite.
 */
export interface SuiteBundle {
  code: string;
  map: string;
}

export type BundleOutcome =
  | { ok: true; suites: SuiteBundle[]; /** Files read from disk (engine modules, packages), absolute; with `reportInputs` only. */ inputs?: string[] }
  | { ok: false; message: string; location?: SourceLocation; /** The message worded error by error, for the reader's language. */ phrase?: Phrase };

/** One script to build: a test file (path in `tests`), or generated entry code (the call API's). */
export type BundleEntry = { test: string } | { code: string };

export interface BundlerOptions {
  /** electron/engine, target of '@engine/'. */
  engineDir: string;
  /** Test and support files: path relative to the exercise folder → source. */
  tests: ReadonlyMap<string, string>;
  /** The scripts to build, one output each. */
  entries: readonly BundleEntry[];
  /** Read-only workspace files (frozen once loaded). */
  readonlyFiles?: readonly string[];
  /** Modules workspace files may import besides the workspace files (the manifest's `allowedImports`). */
  allowedImports?: readonly string[];
  /**
   * Editable files left out of the bundle (a test bundle, built once): each becomes a stub that asks
   * the harness for the student's module by name (`__rg_module`) and runs it with the registry's
   * `require`, which offers exactly what the student's file may import (see studentModules.ts).
   */
  linked?: readonly string[];
  /** List the files the build read from disk in the outcome (`inputs`): a disk cache of the bundle keys on their contents. */
  reportInputs?: boolean;
}

const SHIMS: Record<string, string> = {
  // Node built-ins that pure engine modules may touch, mapped onto the sandbox's globals.
  'node:crypto': 'export const randomUUID = () => crypto.randomUUID(); export default { randomUUID };',
  crypto: 'export const randomUUID = () => crypto.randomUUID(); export default { randomUUID };',
};

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.js'];

function within(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export function workspaceName(files: ReadonlyMap<string, string>, spec: string): string | undefined {
  const clean = spec.replace(/^\.\//, '');
  if (clean.includes('/') || clean.includes('\\')) return undefined;
  for (const candidate of [clean, `${clean}.ts`, `${clean}.tsx`, `${clean}.js`]) if (files.has(candidate)) return candidate;
  return undefined;
}

function resolveOnDisk(base: string): string | undefined {
  return EXTENSIONS.map((ext) => base + (ext.startsWith('/') ? ext.replace('/', path.sep) : ext)).find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/** An '@engine/<path>' module on disk inside the engine folder, or undefined. */
export function engineModule(engineDir: string, spec: string): string | undefined {
  const target = path.resolve(engineDir, spec.slice('@engine/'.length));
  return spec.startsWith('@engine/') && within(engineDir, target) ? resolveOnDisk(target) : undefined;
}

/**
 * What a workspace file's import names: another workspace file, or a module the manifest's
 * `allowedImports` lists; anything else is refused with the rule in the message.
 */
export function workspaceImport(
  files: ReadonlyMap<string, string>,
  allowed: ReadonlySet<string>,
  spec: string,
): { workspace: string } | { allowed: string } | { error: Phrase } {
  const bare = spec.startsWith('@workspace/') ? spec.slice('@workspace/'.length) : spec.startsWith('./') ? spec : undefined;
  const name = bare === undefined ? undefined : workspaceName(files, bare);
  if (name) return { workspace: name };
  if (allowed.has(spec)) return { allowed: spec };
  const names = [...files.keys()].map((f) => `'./${f.replace(/\.ts$/, '')}'`).join(', ');
  const list = allowed.size ? [...allowed].map((a) => `'${a}'`).join(', ') : phrase('nothingListed');
  return { error: phrase('importNotAllowed', { spec: `'${spec}'`, names, list }) };
}

/** A relative import between given test files ('../support/world' from 'tests/visible/a.test.ts'). */
function resolveTestFile(tests: ReadonlyMap<string, string>, importer: string, spec: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(importer), spec));
  if (base.startsWith('../') || base.startsWith('/')) return undefined;
  return EXTENSIONS.map((ext) => base + ext).find((c) => tests.has(c));
}

/** Bundles entries against changing workspace contents. Call close() when done. */
export class SuiteBundler {
  private ctx: esbuild.BuildContext | undefined;
  private files: ReadonlyMap<string, string> = new Map();
  private chain: Promise<unknown> = Promise.resolve();
  private last: { key: string; outcome: BundleOutcome } | undefined;

  private readonly readonlyFiles: ReadonlySet<string>;
  private readonly allowed: ReadonlySet<string>;
  private readonly linked: ReadonlySet<string>;

  constructor(private readonly opts: BundlerOptions) {
    this.readonlyFiles = new Set(opts.readonlyFiles ?? []);
    this.allowed = new Set(opts.allowedImports ?? []);
    this.linked = new Set(opts.linked ?? []);
  }

  /** Test entries share one script; generated code (the call API) is built on its own. */
  private combined(): boolean {
    return this.opts.entries.every((e) => 'test' in e);
  }

  /** Bundles with these workspace files (name → source). Calls are serialized. */
  bundle(files: ReadonlyMap<string, string>): Promise<BundleOutcome> {
    const next = this.chain.then(() => this.build(files));
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.ctx?.dispose();
    this.ctx = undefined;
  }

  /** A workspace file by name: a stub for a linked (editable) file, else the file itself. */
  private workspaceFile(name: string): esbuild.OnResolveResult {
    return this.linked.has(name) ? { path: name, namespace: LINK } : { path: name, namespace: WS };
  }

  /** Workspace files import only the other workspace files and the manifest's allowed modules. */
  private resolveFromWorkspace(spec: string): esbuild.OnResolveResult {
    const found = workspaceImport(this.files, this.allowed, spec);
    if ('error' in found) return ruleError(found.error);
    return 'workspace' in found ? this.workspaceFile(found.workspace) : this.resolveEngine(spec);
  }

  private resolveEngine(spec: string): esbuild.OnResolveResult {
    const file = engineModule(this.opts.engineDir, spec);
    if (!file) return ruleError(phrase('importNotEngine', { spec: `'${spec}'` }));
    return { path: file };
  }

  /** The registry a test bundle hands the student's modules as `require`: only what they may import. */
  private registry(): string {
    const cases = [...this.files.keys()].map((n) => `    case ${JSON.stringify(`@workspace/${n}`)}: return require(${JSON.stringify(`@workspace/${n}`)});`);
    for (const a of [...this.allowed].sort()) cases.push(`    case ${JSON.stringify(a)}: return require(${JSON.stringify(a)});`);
    return (
      'function lookup(name) {\n  switch (name) {\n' +
      cases.join('\n') +
      "\n  }\n  throw new Error('cannot import ' + JSON.stringify(String(name)) + ' here');\n}\n" +
      // The student's module runs as a CommonJS factory made in the sandbox's realm (the harness hands
      // each one out once, to its stub); its imports are calls to `lookup`.
      'export function instantiate(name) {\n  const factory = __rg_module(name);\n  const module = { exports: {} };\n  factory(module.exports, lookup, module);\n  return module.exports;\n}\n'
    );
  }

  private plugin(): esbuild.Plugin {
    const { engineDir, tests, entries } = this.opts;
    return {
      name: 'replayground-workspace',
      setup: (build) => {
        build.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === 'entry-point') return { path: args.path, namespace: RG };
          const spec = args.path;
          if (args.namespace === WS) return this.resolveFromWorkspace(spec);
          if (args.namespace === RG && spec.startsWith('rg-test:')) return { path: spec.slice('rg-test:'.length), namespace: TESTS };
          if (spec === 'rg:init') {
            if (args.namespace === RG) return { path: 'init', namespace: RG };
            return ruleError(phrase('importHarness', { spec: `'rg:init'` }));
          }
          if (spec === 'vitest') return { path: 'vitest', namespace: RG };
          if (spec === 'rg:registry' && args.namespace === LINK) return { path: 'registry', namespace: RG };
          if (spec.startsWith('@workspace/')) {
            const name = workspaceName(this.files, spec.slice('@workspace/'.length));
            if (!name) return ruleError(phrase('importNotWorkspace', { spec: `'${spec}'` }));
            return this.workspaceFile(name);
          }
          if (spec.startsWith('@engine/')) return this.resolveEngine(spec);
          if (SHIMS[spec] !== undefined) return { path: spec, namespace: RG };
          if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined; // inside a package
          if (spec.startsWith('.') && args.namespace === TESTS) {
            const file = resolveTestFile(tests, args.importer, spec);
            if (!file) return ruleError(phrase('importNotTestFile', { spec: `'${spec}'` }));
            return { path: file, namespace: TESTS };
          }
          if (spec.startsWith('.') && args.resolveDir) {
            const file = resolveOnDisk(path.resolve(args.resolveDir, spec));
            if (!file || !within(engineDir, file)) return ruleError(phrase('importOutsideEngine', { spec: `'${spec}'` }));
            return { path: file };
          }
          if (spec.startsWith('node:') || path.isAbsolute(spec)) {
            return ruleError(phrase('importInSandbox', { spec: `'${spec}'` }));
          }
          return undefined; // a package from node_modules, imported by an engine or support module
        });
        build.onLoad({ filter: /.*/, namespace: RG }, (args) => {
          if (args.path === 'entry:suites') {
            // The harness is taken first; then only the suite this context runs is initialised
            // (esbuild wraps each required module in a lazy initialiser), so suites stay apart.
            // Its namespace then goes to the harness, which copies the suite's Russian names (`ruNames`).
            const cases = entries.map((e, i) => `  case ${i}: api.names(require(${JSON.stringify(`rg-test:${(e as { test: string }).test}`)})); break;`).join('\n');
            return { contents: `import { api } from 'rg:init';\nswitch (__rg_suite()) {\n${cases}\n}\n`, loader: 'js', resolveDir: engineDir };
          }
          const entry = /^entry:(\d+)$/.exec(args.path);
          if (entry) {
            // The harness is taken first, before any workspace module can run.
            const e = entries[Number(entry[1])]!;
            const contents =
              'test' in e
                ? `import { api } from 'rg:init';\nimport * as suite from ${JSON.stringify(`rg-test:${e.test}`)};\napi.names(suite);\n`
                : `import 'rg:init';\n${e.code}`;
            return { contents, loader: 'ts', resolveDir: engineDir };
          }
          if (args.path === 'init') return { contents: 'export const api = __rg_take();\n', loader: 'js' };
          if (args.path === 'registry') return { contents: this.registry(), loader: 'js', resolveDir: engineDir };
          if (args.path === 'vitest') {
            return {
              contents:
                "import { api } from 'rg:init';\n" +
                'export const { describe, suite, it, test, expect, beforeAll, afterAll, beforeEach, afterEach } = api;\n',
              loader: 'js',
            };
          }
          const shim = SHIMS[args.path];
          if (shim !== undefined) return { contents: shim, loader: 'js' };
          return { errors: [{ text: `unknown module ${args.path}` }] };
        });
        build.onLoad({ filter: /.*/, namespace: TESTS }, (args) => {
          const contents = tests.get(args.path);
          if (contents === undefined) return { errors: [{ text: `no test file ${args.path}` }] };
          // Packages a support file imports resolve from the engine's node_modules.
          return { contents, loader: args.path.endsWith('.js') ? 'js' : 'ts', resolveDir: engineDir };
        });
        build.onLoad({ filter: /.*/, namespace: LINK }, (args) => ({
          contents: `module.exports = require('rg:registry').instantiate(${JSON.stringify(args.path)});\n`,
          loader: 'js',
        }));
        build.onLoad({ filter: /.*/, namespace: WS }, (args) => {
          const contents = this.files.get(args.path);
          if (contents === undefined) return { errors: [{ text: `no workspace file ${args.path}` }] };
          const loader = args.path.endsWith('.js') ? 'js' : 'ts';
          if (!this.readonlyFiles.has(args.path)) return { contents, loader };
          // Frozen at the end of its own evaluation, before any importer runs (a module may import itself).
          const self = JSON.stringify(`./${args.path}`);
          return { contents: `${contents}\n;import * as __rg_self from ${self};\n${FREEZE_HOOK}(__rg_self);\n`, loader };
        });
      },
    };
  }

  private async build(files: ReadonlyMap<string, string>): Promise<BundleOutcome> {
    // Same workspace as last time (Run pressed again without edits): reuse the output.
    const key = JSON.stringify([...files].sort(([a], [b]) => a.localeCompare(b)));
    if (this.last && this.last.key === key) return this.last.outcome;
    const outcome = await this.rebuild(files);
    this.last = { key, outcome };
    return outcome;
  }

  private async rebuild(files: ReadonlyMap<string, string>): Promise<BundleOutcome> {
    this.files = files;
    try {
      this.ctx ??= await esbuild.context({
        entryPoints: this.combined() ? [{ in: 'entry:suites', out: 'suites' }] : this.opts.entries.map((_, i) => ({ in: `entry:${i}`, out: `suite-${i}` })),
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        target: 'es2022',
        sourcemap: 'external',
        sourcesContent: false,
        outdir: this.opts.engineDir,
        keepNames: true,
        logLevel: 'silent',
        charset: 'utf8',
        metafile: this.opts.reportInputs === true,
        plugins: [this.plugin()],
      });
      const result = await this.ctx.rebuild();
      const inputs = result.metafile ? diskInputs(result.metafile) : undefined;
      const outputs = new Map((result.outputFiles ?? []).map((o) => [path.basename(o.path), o.text]));
      if (this.combined()) {
        const code = outputs.get('suites.js');
        const map = outputs.get('suites.js.map');
        if (code === undefined || map === undefined) return { ok: false, message: 'the bundler produced no output' };
        const shared = { code, map };
        return { ok: true, suites: this.opts.entries.map(() => shared), ...(inputs ? { inputs } : {}) };
      }
      const suites: SuiteBundle[] = [];
      for (let i = 0; i < this.opts.entries.length; i++) {
        const code = outputs.get(`suite-${i}.js`);
        const map = outputs.get(`suite-${i}.js.map`);
        if (code === undefined || map === undefined) return { ok: false, message: 'the bundler produced no output' };
        suites.push({ code, map });
      }
      return { ok: true, suites, ...(inputs ? { inputs } : {}) };
    } catch (err) {
      return describeBuildFailure(err, this.opts.engineDir);
    }
  }
}

/** The metafile's inputs that are files on disk (absolute paths); the in-memory ones carry our namespaces. */
function diskInputs(metafile: esbuild.Metafile): string[] {
  const virtual = [WS, RG, LINK, TESTS].map((ns) => `${ns}:`);
  return Object.keys(metafile.inputs)
    .filter((key) => !virtual.some((prefix) => key.startsWith(prefix)))
    .map((key) => path.resolve(key))
    .sort();
}

export function describeBuildFailure(err: unknown, engineDir: string): BundleOutcome {
  const errors = (err as { errors?: esbuild.Message[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    return { ok: false, message: `could not build the code: ${err instanceof Error ? err.message : String(err)}` };
  }
  const first = errors[0]!;
  const loc = first.location;
  let location: SourceLocation | undefined;
  if (loc) {
    location = { file: displayName(loc, engineDir), line: loc.line, column: loc.column + 1 };
  }
  // Each error's place and line, shared by the compiler-style English message and the worded phrase.
  const shown = errors.slice(0, 5).map((e) => {
    const l = e.location;
    const place = l ? `${displayName(l, engineDir)}:${l.line}:${l.column + 1}` : null;
    const code = l ? `    ${l.lineText}\n    ${' '.repeat(l.column)}^` : null;
    return { text: e.text, detail: e.detail as unknown, place, code };
  });
  const lines = shown.map((e) => (e.place ? `${e.place}: ${e.text}\n${e.code}` : e.text));
  return { ok: false, message: lines.join('\n'), location, phrase: buildFailurePhrase(shown) };
}

/** A workspace or test file by its own name ('OrderAggregate.ts', 'tests/visible/a.test.ts'); an engine file relative to the engine. */
export function displayName(loc: { file: string; namespace?: string }, engineDir: string): string {
  for (const ns of [WS, TESTS]) if (loc.namespace === ns || loc.file.startsWith(`${ns}:`)) return loc.file.replace(new RegExp(`^${ns}:`), '');
  if (loc.namespace === RG || loc.file.startsWith(`${RG}:`)) return loc.file;
  return path.relative(engineDir, loc.file) || loc.file;
}
