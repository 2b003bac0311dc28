// Builds the student's editable files for a test run, each on its own, into the body of a CommonJS
// factory: its imports stay `require('@workspace/<file>')` / `require('<allowed module>')` calls,
// answered in the sandbox by the test bundle's registry (bundle.ts, `linked`), so the student's module
// shares the read-only modules the tests use and reaches nothing else. The import rules and their
// build errors are the bundler's own (workspaceImport). One incremental esbuild context per file:
// only this file is parsed per run (≈ 1–2 ms instead of rebuilding the whole test bundle), and only
// when its text is not one of the last few built (a student who undoes an edit, or runs again).
import { createHash } from 'node:crypto';
import * as esbuild from 'esbuild';
import { describeBuildFailure, workspaceImport, type BundleOutcome } from './bundle';
import { ruleError } from './buildErrors';

const WS = 'workspace';

export interface StudentModule {
  /** The editable file's name ('OrderAggregate.ts'). */
  name: string;
  /** CommonJS body (uses `exports`, `require`, `module`). */
  code: string;
  map: string;
}

export type StudentBuild = { ok: true; modules: StudentModule[] } | Extract<BundleOutcome, { ok: false }>;

export interface StudentBuilderOptions {
  engineDir: string;
  /** Every workspace file name, read-only ones first (what './x' may name; listed in the rule's message). */
  workspace: readonly string[];
  /** The editable files, built in this order. */
  editable: readonly string[];
  allowedImports?: readonly string[];
}

/** Builds kept per file, by the hash of the text: the output depends on nothing else (the file's name, rules and options are fixed). */
const KEPT_BUILDS = 8;

class OneFile {
  private ctx: esbuild.BuildContext | undefined;
  private source = '';
  /** The last builds' outcomes by the text's hash, least recently used first. */
  private readonly built = new Map<string, StudentBuild>();

  constructor(
    readonly name: string,
    private readonly opts: StudentBuilderOptions,
    private readonly names: ReadonlyMap<string, string>,
    private readonly allowed: ReadonlySet<string>,
  ) {}

  private plugin(): esbuild.Plugin {
    return {
      name: 'replayground-student',
      setup: (build) => {
        build.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind === 'entry-point') return { path: this.name, namespace: WS };
          const found = workspaceImport(this.names, this.allowed, args.path);
          if ('error' in found) return ruleError(found.error);
          // Canonical names: exactly the registry's keys.
          return { path: 'workspace' in found ? `@workspace/${found.workspace}` : found.allowed, external: true };
        });
        build.onLoad({ filter: /.*/, namespace: WS }, () => ({ contents: this.source, loader: this.name.endsWith('.js') ? 'js' : 'ts' }));
      },
    };
  }

  async build(source: string): Promise<StudentBuild> {
    const key = createHash('sha256').update(source).digest('hex');
    const known = this.built.get(key);
    if (known) {
      this.built.delete(key);
      this.built.set(key, known);
      return known;
    }
    this.source = source;
    let outcome: StudentBuild;
    try {
      this.ctx ??= await esbuild.context({
        entryPoints: [{ in: `student:${this.name}`, out: 'student' }],
        bundle: true,
        write: false,
        format: 'cjs',
        platform: 'neutral',
        target: 'es2022',
        sourcemap: 'external',
        sourcesContent: false,
        outdir: this.opts.engineDir,
        keepNames: true,
        // No comment of the student's reaches V8 (a `//# sourceURL=` would rename its stack frames).
        legalComments: 'none',
        logLevel: 'silent',
        charset: 'utf8',
        plugins: [this.plugin()],
      });
      const result = await this.ctx.rebuild();
      const code = result.outputFiles?.find((o) => o.path.endsWith('student.js'))?.text;
      const map = result.outputFiles?.find((o) => o.path.endsWith('student.js.map'))?.text;
      outcome = code === undefined || map === undefined ? { ok: false, message: 'the bundler produced no output' } : { ok: true, modules: [{ name: this.name, code, map }] };
    } catch (err) {
      outcome = describeBuildFailure(err, this.opts.engineDir) as StudentBuild;
    }
    this.built.set(key, outcome);
    while (this.built.size > KEPT_BUILDS) this.built.delete(this.built.keys().next().value as string);
    return outcome;
  }

  async close(): Promise<void> {
    await this.ctx?.dispose();
    this.ctx = undefined;
  }
}

/** Builds the editable files of one exercise shape, again and again. Calls are serialized. */
export class StudentBuilder {
  private readonly files: OneFile[];
  private chain: Promise<unknown> = Promise.resolve();

  constructor(opts: StudentBuilderOptions) {
    const names = new Map(opts.workspace.map((n) => [n, ''] as const));
    const allowed = new Set(opts.allowedImports ?? []);
    this.files = opts.editable.map((name) => new OneFile(name, opts, names, allowed));
  }

  /** Builds every editable file (name → source); the first file that fails is the outcome. */
  build(sources: Readonly<Record<string, string>>): Promise<StudentBuild> {
    const next = this.chain.then(async () => {
      const built = await Promise.all(this.files.map((f) => f.build(sources[f.name] ?? '')));
      const modules: StudentModule[] = [];
      for (const b of built) {
        if (!b.ok) return b;
        modules.push(...b.modules);
      }
      return { ok: true as const, modules };
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await Promise.all(this.files.map((f) => f.close()));
  }
}
