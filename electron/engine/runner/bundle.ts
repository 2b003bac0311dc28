// Bundles test files with the workspace (read-only files + the student's editable files, held in
// memory) into one self-contained script per test file for the sandbox. Runs esbuild in the host
// process; one incremental esbuild context per set of test files (each file an entry point, so shared
// modules are parsed once), and only the student's files are fed again on each run.
//
// What may be imported:
//   test and support files: 'vitest' (the harness), '@workspace/<file>', '@engine/<path>' (pure
//                           engine modules), relative files inside the exercises folder, packages;
//   workspace files:        './<file>' or '@workspace/<file>' (the same flat folder), and exactly the
//                           modules the manifest's `allowedImports` names (answer-free helpers).
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

const WS = 'workspace';
const RG = 'rg';

export interface SuiteBundle {
  code: string;
  map: string;
}

export type BundleOutcome =
  | { ok: true; suites: SuiteBundle[] }
  | { ok: false; message: string; location?: SourceLocation };

export interface BundlerOptions {
  /** exercises/<id> */
  exerciseDir: string;
  /** The folder whose files tests and support files may import relatively (exercises/). */
  contentRoot: string;
  /** electron/engine, target of '@engine/'. */
  engineDir: string;
  /** Test file paths relative to exerciseDir, one script each. */
  testFiles: string[];
  /** Read-only workspace files (frozen once loaded). */
  readonlyFiles?: readonly string[];
  /** Modules workspace files may import besides the workspace files (the manifest's `allowedImports`). */
  allowedImports?: readonly string[];
}


const SHIMS: Record<string, string> = {
  // Node built-ins that pure engine modules may touch, mapped onto the sandbox's globals.
  'node:crypto': 'export const randomUUID = () => crypto.randomUUID(); export default { randomUUID };',
  crypto: 'export const randomUUID = () => crypto.randomUUID(); export default { randomUUID };',
};

function within(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function workspaceName(files: ReadonlyMap<string, string>, spec: string): string | undefined {
  const clean = spec.replace(/^\.\//, '');
  if (clean.includes('/') || clean.includes('\\')) return undefined;
  for (const candidate of [clean, `${clean}.ts`, `${clean}.tsx`, `${clean}.js`]) if (files.has(candidate)) return candidate;
  return undefined;
}

function resolveOnDisk(base: string): string | undefined {
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/** Bundles test files against changing workspace contents. Call close() when done. */
export class SuiteBundler {
  private ctx: esbuild.BuildContext | undefined;
  private files: ReadonlyMap<string, string> = new Map();
  private chain: Promise<unknown> = Promise.resolve();
  private readonly testAbs: string[];
  private last: { key: string; outcome: BundleOutcome } | undefined;

  private readonly readonlyFiles: ReadonlySet<string>;
  private readonly allowed: ReadonlySet<string>;

  constructor(private readonly opts: BundlerOptions) {
    this.testAbs = opts.testFiles.map((f) => path.join(opts.exerciseDir, f));
    this.readonlyFiles = new Set(opts.readonlyFiles ?? []);
    this.allowed = new Set(opts.allowedImports ?? []);
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

  /** Workspace files import only the other workspace files and the manifest's allowed modules. */
  private resolveFromWorkspace(spec: string): esbuild.OnResolveResult {
    const bare = spec.startsWith('@workspace/') ? spec.slice('@workspace/'.length) : spec.startsWith('./') ? spec : undefined;
    const name = bare === undefined ? undefined : workspaceName(this.files, bare);
    if (name) return { path: name, namespace: WS };
    if (this.allowed.has(spec)) return this.resolveEngine(spec);
    const files = [...this.files.keys()].map((f) => `'./${f.replace(/\.ts$/, '')}'`).join(', ');
    const allowed = this.allowed.size ? [...this.allowed].map((a) => `'${a}'`).join(', ') : 'none';
    return {
      errors: [
        {
          text:
            `cannot import '${spec}': exercise files may only import the other workspace files (${files}) ` +
            `and the modules listed in the exercise's allowedImports (${allowed})`,
        },
      ],
    };
  }

  private resolveEngine(spec: string): esbuild.OnResolveResult {
    const { engineDir } = this.opts;
    const target = path.resolve(engineDir, spec.slice('@engine/'.length));
    const file = spec.startsWith('@engine/') && within(engineDir, target) ? resolveOnDisk(target) : undefined;
    if (!file) return { errors: [{ text: `'${spec}' is not an engine module` }] };
    return { path: file };
  }

  private plugin(): esbuild.Plugin {
    const { contentRoot, engineDir } = this.opts;
    return {
      name: 'replayground-workspace',
      setup: (build) => {
        build.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === 'entry-point') return { path: args.path, namespace: RG };
          const spec = args.path;
          if (args.namespace === WS) return this.resolveFromWorkspace(spec);
          if (args.namespace === RG && this.testAbs.includes(spec)) return { path: spec };
          if (spec === 'rg:init') {
            if (args.namespace === RG) return { path: 'init', namespace: RG };
            return { errors: [{ text: `cannot import 'rg:init': the harness is internal` }] };
          }
          if (spec === 'vitest') return { path: 'vitest', namespace: RG };
          if (spec.startsWith('@workspace/')) {
            const name = workspaceName(this.files, spec.slice('@workspace/'.length));
            if (!name) return { errors: [{ text: `'${spec}' is not a file of this exercise's workspace` }] };
            return { path: name, namespace: WS };
          }
          if (spec.startsWith('@engine/')) return this.resolveEngine(spec);
          if (SHIMS[spec] !== undefined) return { path: spec, namespace: RG };
          if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined; // inside a package
          if (spec.startsWith('.') && args.resolveDir) {
            const file = resolveOnDisk(path.resolve(args.resolveDir, spec));
            if (!file || !(within(contentRoot, file) || within(engineDir, file))) {
              return { errors: [{ text: `cannot import '${spec}' from a test file: not inside the exercises folder` }] };
            }
            return { path: file };
          }
          if (spec.startsWith('node:') || path.isAbsolute(spec)) {
            return { errors: [{ text: `cannot import '${spec}' inside the sandbox` }] };
          }
          return undefined; // a package from node_modules, imported by an engine or support module
        });
        build.onLoad({ filter: /.*/, namespace: RG }, (args) => {
          const entry = /^entry:(\d+)$/.exec(args.path);
          if (entry) {
            // The harness is taken first, before any workspace module can run.
            const test = this.testAbs[Number(entry[1])]!;
            return { contents: `import 'rg:init';\nimport ${JSON.stringify(test)};\n`, loader: 'js', resolveDir: path.dirname(test) };
          }
          if (args.path === 'init') return { contents: 'export const api = __rg_take();\n', loader: 'js' };
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
        entryPoints: this.testAbs.map((_, i) => ({ in: `entry:${i}`, out: `suite-${i}` })),
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        target: 'es2022',
        sourcemap: 'external',
        sourcesContent: false,
        outdir: this.opts.exerciseDir,
        keepNames: true,
        logLevel: 'silent',
        charset: 'utf8',
        plugins: [this.plugin()],
      });
      const result = await this.ctx.rebuild();
      const outputs = new Map((result.outputFiles ?? []).map((o) => [path.basename(o.path), o.text]));
      const suites: SuiteBundle[] = [];
      for (let i = 0; i < this.testAbs.length; i++) {
        const code = outputs.get(`suite-${i}.js`);
        const map = outputs.get(`suite-${i}.js.map`);
        if (code === undefined || map === undefined) return { ok: false, message: 'the bundler produced no output' };
        suites.push({ code, map });
      }
      return { ok: true, suites };
    } catch (err) {
      return describeBuildFailure(err, this.opts.exerciseDir);
    }
  }
}

function describeBuildFailure(err: unknown, exerciseDir: string): BundleOutcome {
  const errors = (err as { errors?: esbuild.Message[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    return { ok: false, message: `could not build the code: ${err instanceof Error ? err.message : String(err)}` };
  }
  const first = errors[0]!;
  const loc = first.location;
  let location: SourceLocation | undefined;
  if (loc) {
    location = { file: displayName(loc, exerciseDir), line: loc.line, column: loc.column + 1 };
  }
  const lines = errors.slice(0, 5).map((e) => {
    const l = e.location;
    if (!l) return e.text;
    const file = displayName(l, exerciseDir);
    return `${file}:${l.line}:${l.column + 1}: ${e.text}\n    ${l.lineText}\n    ${' '.repeat(l.column)}^`;
  });
  return { ok: false, message: lines.join('\n'), location };
}

function displayName(loc: esbuild.Location, exerciseDir: string): string {
  if (loc.namespace === WS || loc.file.startsWith(`${WS}:`)) return loc.file.replace(/^workspace:/, '');
  if (loc.namespace === RG || loc.file.startsWith(`${RG}:`)) return loc.file;
  return path.relative(exerciseDir, loc.file) || loc.file;
}
