// The engine modules an installed app ships as source (resources/engine, for the test runner's '@engine/...'
// imports): exactly the ones the exercise suites import, with what those import in turn, derived at build
// time by bundling every suite with esbuild and reading its metafile. A reference implementation (an answer
// to an exercise, or the playground's reference domain, which lives only in the minified main bundle) may
// never be among them: the build stops and names the suite that pulled it in.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

export interface ReferenceModule {
  /** Path under electron/engine/; a trailing '/' means the whole folder. */
  path: string;
  why: string;
}

export interface ReferenceFound {
  file: string;
  why: string;
  /** The suites (`<exercise>/<file>`) that pull it in. */
  suites: string[];
}

export interface StudentEngine {
  /** Engine-relative paths ('/'-separated), sorted. */
  files: string[];
  references: ReferenceFound[];
  /** Packages and Node built-ins those files import (they stay outside the shipped sources). */
  packages: string[];
}

interface SuiteEntry {
  id: string;
  file: string;
  visibility: string;
}

export interface EngineLayout {
  exercisesDir: string;
  engineDir: string;
}

/** Engine modules that are answers: never shipped as source. Paths relative to electron/engine/. */
export const REFERENCE_MODULES: readonly ReferenceModule[] = [
  { path: 'domain/orders/OrderAggregate.ts', why: 'the reference OrderAggregate: the answer to orders-lifecycle' },
  { path: 'domain/orders/decide.ts', why: "the order's command rules: the answer to orders-lifecycle" },
  { path: 'domain/orders/evolve.ts', why: 'the order fold behind the reference aggregate and read model' },
  { path: 'domain/orders/readModel.ts', why: 'the reference order views: the answer to orders-read-model' },
  { path: 'domain/orders/sqliteReadModel.ts', why: 'the reference order views on SQLite: the answer to orders-read-model' },
  { path: 'playground/', why: "the playground's reference domain (bank account, saga, read models)" },
];

/** Where `npm run package` stages the student build's engine files; electron-builder.yml maps it to resources/engine. */
export const STUDENT_ENGINE_DIR = '.cache/student-build/engine';
/** Where `npm run package` stages the student build of the exercises (studentBuild()); mapped to resources/exercises. */
export const STUDENT_EXERCISES_DIR = '.cache/student-build/exercises';

const SUITE_VISIBILITY = new Set(['visible', 'hidden']);

function readSuites(exerciseDir: string): SuiteEntry[] {
  const file = path.join(exerciseDir, 'exercise.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { suites?: unknown };
  if (!Array.isArray(manifest.suites)) throw new Error(`${file}: no "suites" list`);
  return manifest.suites.map((raw: unknown, i) => {
    const suite = raw as Partial<SuiteEntry>;
    if (typeof suite.file !== 'string' || typeof suite.visibility !== 'string') throw new Error(`${file}: suites[${i}] needs "file" and "visibility"`);
    return { id: String(suite.id ?? i), file: suite.file, visibility: suite.visibility };
  });
}

/** Every exercise folder (one with an exercise.json) under exercisesDir, sorted. */
export function exerciseDirs(exercisesDir: string): string[] {
  return fs
    .readdirSync(exercisesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(exercisesDir, d.name, 'exercise.json')))
    .map((d) => path.join(exercisesDir, d.name))
    .sort();
}

/** Names of the classes the exercises' reference solutions export (an engine module exporting one is an answer too). */
export function solutionClassNames(exercisesDir: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const dir of exerciseDirs(exercisesDir)) {
    const solution = path.join(dir, 'solution');
    if (!fs.existsSync(solution)) continue;
    for (const file of fs.readdirSync(solution).filter((f) => f.endsWith('.ts'))) {
      for (const m of fs.readFileSync(path.join(solution, file), 'utf8').matchAll(/^export\s+(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/gm)) {
        names.set(m[1]!, path.basename(dir));
      }
    }
  }
  return names;
}

/** Why an engine file (relative to electron/engine, '/'-separated) is a reference implementation, or null. */
export function referenceReason(relFile: string, source: string, solutionClasses: ReadonlyMap<string, string>): string | null {
  for (const ref of REFERENCE_MODULES) {
    if (ref.path.endsWith('/') ? relFile.startsWith(ref.path) : relFile === ref.path) return ref.why;
  }
  for (const m of source.matchAll(/^export\s+(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/gm)) {
    const exercise = solutionClasses.get(m[1]!);
    if (exercise) return `exports class ${m[1]}, as the reference solution of ${exercise} does`;
  }
  return null;
}

function firstFile(candidates: string[]): string | undefined {
  return candidates.find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

function asModuleFile(base: string): string | undefined {
  return firstFile([base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')]);
}

/**
 * Resolves imports the way the runner's bundler does: 'vitest' is the harness, '@engine/x' a file of the
 * engine, '@workspace/x' and a workspace file's './x' the flat workspace (read-only files + the starter),
 * relative imports of test and support files as usual; packages and Node built-ins stay outside.
 */
function runnerResolution(exerciseDir: string, engineDir: string, packages: Set<string>): esbuild.Plugin {
  const workspaceDirs = ['readonly', 'starter'].map((d) => path.join(exerciseDir, d));
  const inWorkspace = (file: string): boolean => workspaceDirs.some((d) => file.startsWith(d + path.sep));
  const workspaceFile = (name: string): string | undefined => firstFile(workspaceDirs.flatMap((d) => [path.join(d, name), path.join(d, `${name}.ts`)]));
  return {
    name: 'runner-resolution',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const spec = args.path;
        if (args.kind === 'entry-point') return undefined;
        if (spec === 'vitest') return { path: spec, external: true };
        if (spec.startsWith('@engine/')) {
          const file = asModuleFile(path.join(engineDir, spec.slice('@engine/'.length)));
          return file ? { path: file } : { errors: [{ text: `${spec} is not an engine module` }] };
        }
        if (spec.startsWith('@workspace/')) {
          const file = workspaceFile(spec.slice('@workspace/'.length));
          return file ? { path: file } : { errors: [{ text: `${spec} is not a workspace file` }] };
        }
        if (spec.startsWith('.') && inWorkspace(args.importer)) {
          const file = workspaceFile(path.basename(spec));
          return file ? { path: file } : { errors: [{ text: `${spec} is not a workspace file` }] };
        }
        if (spec.startsWith('.') || path.isAbsolute(spec)) return undefined;
        packages.add(spec.startsWith('node:') ? spec : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
        return { path: spec, external: true };
      });
    },
  };
}

/**
 * Bundles every suite of every exercise (visible and hidden: an instructor grades hidden suites in an
 * installed app too) and returns which engine files each pulls in, and the packages they use.
 * `engineFiles`: engine-relative path → the suites (`<exercise>/<file>`) that import it.
 */
export async function suiteEngineImports({ exercisesDir, engineDir }: EngineLayout): Promise<{ engineFiles: Map<string, Set<string>>; packages: Set<string> }> {
  const engineFiles = new Map<string, Set<string>>();
  const packages = new Set<string>();
  for (const dir of exerciseDirs(exercisesDir)) {
    for (const suite of readSuites(dir)) {
      if (!SUITE_VISIBILITY.has(suite.visibility)) throw new Error(`${path.basename(dir)}: suite ${suite.id} has visibility ${suite.visibility}`);
      const entry = path.join(dir, suite.file);
      const result = await esbuild.build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        metafile: true,
        platform: 'neutral',
        format: 'esm',
        logLevel: 'silent',
        absWorkingDir: path.dirname(engineDir),
        plugins: [runnerResolution(dir, engineDir, packages)],
      });
      for (const input of Object.keys(result.metafile.inputs)) {
        const abs = path.resolve(path.dirname(engineDir), input);
        if (!abs.startsWith(engineDir + path.sep)) continue;
        const rel = path.relative(engineDir, abs).split(path.sep).join('/');
        if (!engineFiles.has(rel)) engineFiles.set(rel, new Set());
        engineFiles.get(rel)!.add(`${path.basename(dir)}/${suite.file}`);
      }
    }
  }
  return { engineFiles, packages };
}

/** The student build's engine file list, and every reference implementation in it (which must stay empty). */
export async function studentEngine({ exercisesDir, engineDir }: EngineLayout): Promise<StudentEngine> {
  const { engineFiles, packages } = await suiteEngineImports({ exercisesDir, engineDir });
  const solutionClasses = solutionClassNames(exercisesDir);
  const files = [...engineFiles.keys()].sort();
  const references: ReferenceFound[] = [];
  for (const file of files) {
    const why = referenceReason(file, fs.readFileSync(path.join(engineDir, file), 'utf8'), solutionClasses);
    if (why) references.push({ file, why, suites: [...engineFiles.get(file)!].sort() });
  }
  return { files, references, packages: [...packages].sort() };
}

/** The error the build stops with when a suite pulls a reference implementation into the student build. */
export function referenceError(references: readonly ReferenceFound[]): string {
  return [
    'The student build would ship reference implementations as source (resources/engine):',
    ...references.map((r) => `  electron/engine/${r.file}: ${r.why}\n    imported (directly or through other modules) by ${r.suites.join(', ')}`),
    'Make those suites import only infrastructure (store, broker, commands, events), or move what they need into the exercise.',
  ].join('\n');
}

/** Copies the student build's engine files to outDir (emptied first); throws referenceError if any is a reference. */
export async function writeStudentEngine({ exercisesDir, engineDir, outDir }: EngineLayout & { outDir: string }): Promise<StudentEngine> {
  const result = await studentEngine({ exercisesDir, engineDir });
  if (result.references.length > 0) throw new Error(referenceError(result.references));
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const file of result.files) {
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    fs.copyFileSync(path.join(engineDir, file), path.join(outDir, file));
  }
  return result;
}
