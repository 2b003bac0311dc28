// Reads exercise packages (exercises/<id>/) from disk and checks them: the manifest against its
// schema, and every file it names against the folders. Errors name the file and the field.
import { CodedError } from '../common/codedError';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ExerciseManifest, type ExerciseSuite, formatFieldPath, studentManifest } from './exerciseManifest';
import { applyMutantPatch, MutantPatchError } from './mutantPatches';
import { isExerciseId } from '../common/exerciseId';

export class ExerciseContentError extends CodedError {
  readonly code = 'CONTENT_ERROR';
  constructor(
    /** The file at fault (absolute). */
    readonly file: string,
    /** Where in the file, e.g. "suites[1].visibility"; empty when the whole file is at fault. */
    readonly fieldPath: string,
    readonly problems: string[],
  ) {
    super(`${file}${fieldPath ? `: ${fieldPath}` : ''}: ${problems.join('; ')}`, { file, field: fieldPath });
  }
}

/** File name → content. */
export type FileMap = Record<string, string>;

export interface LoadedExercise {
  manifest: ExerciseManifest;
  /** Absolute path of the exercise folder. */
  dir: string;
  readonly: FileMap;
  starter: FileMap;
  solution: FileMap;
  /** Each suite with its source. */
  suites: Array<ExerciseSuite & { source: string }>;
  /** Every file under tests/ (suites and their support files), keyed by path relative to the exercise. */
  testFiles: FileMap;
  /** Mutant name → its editable files (the solution with mutants/<name>.patch applied). */
  mutants: Record<string, FileMap>;
}

const MANIFEST = 'exercise.json';

function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}

/** Every file below `dir`, as paths relative to `base` with forward slashes. */
function walk(dir: string, base: string): string[] {
  if (!isDir(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full, base);
      return entry.isFile() ? [path.relative(base, full).split(path.sep).join('/')] : [];
    })
    .sort();
}

/** Parses and validates exercises/<id>/exercise.json. */
export function readManifest(root: string, id: string): ExerciseManifest {
  const file = path.join(root, id, MANIFEST);
  if (!isFile(file)) throw new ExerciseContentError(file, '', ['missing']);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ExerciseContentError(file, '', [`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = ExerciseManifest.safeParse(raw);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const problems = parsed.error.issues.map((issue) => {
      const where = formatFieldPath(issue.path);
      return where === formatFieldPath(first!.path) ? issue.message : `${where || '(root)'}: ${issue.message}`;
    });
    throw new ExerciseContentError(file, formatFieldPath(first!.path), problems);
  }
  if (parsed.data.id !== id) {
    throw new ExerciseContentError(file, 'id', [`"${parsed.data.id}" does not match the folder name "${id}"`]);
  }
  return parsed.data;
}

function readNamed(dir: string, names: readonly string[], manifestFile: string, field: string): FileMap {
  const files: FileMap = {};
  names.forEach((name, index) => {
    const file = path.join(dir, name);
    if (!isFile(file)) throw new ExerciseContentError(manifestFile, `${field}[${index}]`, [`${path.relative(path.dirname(manifestFile), file)} does not exist`]);
    files[name] = readFileSync(file, 'utf8');
  });
  return files;
}

export interface LoadExerciseOptions {
  /**
   * 'optional': a hidden suite whose file is missing is left out of `suites` instead of failing the load.
   * For an instructor copy that keeps its hidden tests elsewhere (grading's --hidden-tests).
   */
  hiddenSuites?: 'required' | 'optional';
}

/** Loads one exercise with every file, hidden suites, solution and mutants included (instructor view). */
export function loadExercise(root: string, id: string, options: LoadExerciseOptions = {}): LoadedExercise {
  const manifest = readManifest(root, id);
  const dir = path.join(root, id);
  const manifestFile = path.join(dir, MANIFEST);

  const readonlyFiles = readNamed(path.join(dir, 'readonly'), manifest.readonly, manifestFile, 'readonly');
  const unlisted = walk(path.join(dir, 'readonly'), path.join(dir, 'readonly')).filter((name) => !(name in readonlyFiles));
  if (unlisted.length > 0) {
    throw new ExerciseContentError(manifestFile, 'readonly', [`readonly/ holds files the manifest does not list: ${unlisted.join(', ')}`]);
  }
  const starter = readNamed(path.join(dir, 'starter'), manifest.editable, manifestFile, 'editable');
  const solution = readNamed(path.join(dir, 'solution'), manifest.editable, manifestFile, 'editable');

  const testFiles: FileMap = {};
  for (const relative of walk(path.join(dir, 'tests'), dir)) testFiles[relative] = readFileSync(path.join(dir, relative), 'utf8');
  const suites = manifest.suites.flatMap((suite, index) => {
    const source = testFiles[suite.file];
    if (source === undefined && suite.visibility === 'hidden' && options.hiddenSuites === 'optional') return [];
    if (source === undefined) throw new ExerciseContentError(manifestFile, `suites[${index}].file`, [`${suite.file} does not exist`]);
    return [{ ...suite, source }];
  });

  const mutants = readMutants(path.join(dir, 'mutants'), solution);

  return { manifest, dir, readonly: readonlyFiles, starter, solution, suites, testFiles, mutants };
}

const PATCH = '.patch';

/**
 * Every mutants/<name>.patch applied to the solution. Anything else in mutants/ (a folder of full
 * copies, a stray file) and a patch that no longer applies are errors naming the file, never skipped.
 */
function readMutants(mutantsDir: string, solution: FileMap): Record<string, FileMap> {
  const mutants: Record<string, FileMap> = {};
  if (!isDir(mutantsDir)) return mutants;
  for (const entry of readdirSync(mutantsDir).sort()) {
    const file = path.join(mutantsDir, entry);
    const name = entry.slice(0, -PATCH.length);
    if (!entry.endsWith(PATCH) || !isFile(file) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) {
      throw new ExerciseContentError(file, '', ['mutants/ holds only <name>.patch files (a lower-case slug name), one unified diff against solution/ each']);
    }
    try {
      mutants[name] = applyMutantPatch(name, readFileSync(file, 'utf8'), solution);
    } catch (error) {
      if (error instanceof MutantPatchError) throw new ExerciseContentError(file, '', [error.message]);
      throw error;
    }
  }
  return mutants;
}

/** What a student's workspace (and the runner) needs from one exercise (never the solution or the mutants). */
export interface StudentExercise {
  manifest: ExerciseManifest;
  /** Absolute path of the exercise folder. */
  dir: string;
  starter: FileMap;
  readonly: FileMap;
  /** The visible suites' sources, keyed by the suite's file path (relative to the exercise folder). */
  visibleTests: FileMap;
  /**
   * Every file under tests/ (suites and their support files), keyed by path relative to the exercise;
   * tests/hidden/ only when loaded with `{ hiddenTests: true }` (the runner's 'all' runs).
   */
  testFiles: FileMap;
}

/**
 * Whether exercises/<id>/ holds an exercise: the id is checked first (it becomes a path), so a
 * malformed id is simply not there. The one existence check every caller uses.
 */
export function hasExercise(root: string, id: string): boolean {
  return isExerciseId(id) && isFile(path.join(root, id, MANIFEST));
}

/**
 * Loads one exercise as the student's app sees it (student view): the manifest, the starter, the
 * read-only files and the visible tests with their support files. Hidden tests are read only when
 * asked (`hiddenTests`, for the runner's grading runs), and what a student build does not ship
 * (solution/, mutants/, tests/hidden/) is not needed; a named file that is missing reads as ''.
 */
export function loadStudentExercise(root: string, id: string, options: { hiddenTests?: boolean } = {}): StudentExercise {
  if (!isExerciseId(id)) throw new ExerciseContentError(path.join(root, String(id), MANIFEST), '', ['missing']);
  const manifest = readManifest(root, id); // throws ExerciseContentError naming the file and field
  const dir = path.join(root, id);
  const readFiles = (sub: string, names: string[]) => Object.fromEntries(names.map((n) => [n, readInside(dir, path.join(sub, n))]));
  const testFiles: FileMap = {};
  for (const relative of walk(path.join(dir, 'tests'), dir)) {
    if (!options.hiddenTests && relative.startsWith('tests/hidden/')) continue;
    testFiles[relative] = readFileSync(path.join(dir, relative), 'utf8');
  }
  return {
    manifest,
    dir,
    starter: readFiles('starter', manifest.editable),
    readonly: readFiles('readonly', manifest.readonly),
    visibleTests: Object.fromEntries(
      manifest.suites.filter((s) => s.visibility === 'visible').map((s) => [s.file, readInside(dir, s.file)]),
    ),
    testFiles,
  };
}

/** Reads a file that must stay inside the exercise folder (a manifest cannot point elsewhere); '' when missing. */
function readInside(dir: string, rel: string): string {
  const file = path.resolve(dir, rel);
  if (!file.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${rel} points outside the exercise folder`);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Every exercise under `root` (folders holding an exercise.json), in course order. */
export function listExercises(root: string): ExerciseManifest[] {
  if (!isDir(root)) return [];
  return readdirSync(root)
    .filter((name) => isFile(path.join(root, name, MANIFEST)))
    .map((name) => readManifest(root, name))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * The files a student build ships for one exercise, relative to the exercise folder:
 * the manifest, read-only files, the starter and the visible tests with their support files.
 * Never the solution, the mutants or anything under tests/hidden/.
 */
export function studentBuildFiles(exercise: LoadedExercise): string[] {
  const files = [
    MANIFEST,
    ...Object.keys(exercise.readonly).map((name) => `readonly/${name}`),
    ...Object.keys(exercise.starter).map((name) => `starter/${name}`),
    ...Object.keys(exercise.testFiles).filter((file) => !file.startsWith('tests/hidden/')),
  ];
  return files.sort();
}

/** What a student build writes for one exercise: each shipped file with its content (the manifest without hidden suites). */
export function studentBuild(exercise: LoadedExercise): FileMap {
  const out: FileMap = {};
  for (const file of studentBuildFiles(exercise)) {
    if (file === MANIFEST) out[file] = `${JSON.stringify(studentManifest(exercise.manifest), null, 2)}\n`;
    else if (file.startsWith('readonly/')) out[file] = exercise.readonly[file.slice('readonly/'.length)]!;
    else if (file.startsWith('starter/')) out[file] = exercise.starter[file.slice('starter/'.length)]!;
    else out[file] = exercise.testFiles[file]!;
  }
  return out;
}

/**
 * Writes the student build of every exercise under `exercisesDir` into `outDir/<id>/` (emptied first),
 * exactly as studentBuild() defines it: what an installed app ships. Returns the exercise ids written.
 * A package that does not load (a broken manifest, a mutant that no longer applies) stops the build.
 */
export function writeStudentBuilds(exercisesDir: string, outDir: string): string[] {
  const ids = listExercises(exercisesDir).map((manifest) => manifest.id);
  rmSync(outDir, { recursive: true, force: true });
  for (const id of ids) {
    for (const [file, content] of Object.entries(studentBuild(loadExercise(exercisesDir, id)))) {
      const target = path.join(outDir, id, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  return ids;
}
