// The test-bundle cache on disk (runner/bundleCache.ts) lives in a folder the student can write. A
// bundle found there decides which tests run and how, so a forged one could make failing code pass:
// an entry is used only when its tag verifies under a key the cache folder does not hold. These cases
// write into the cache folder what a student could, and check what the runner then reports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunner, loadRunnerExercise, readEditableFiles, type RunResult, type Runner } from '../../../electron/engine/runner';
import { SuiteBundler } from '../../../electron/engine/runner/bundle';
import { BundleCache } from '../../../electron/engine/runner/bundleCache';
import { loadExerciseCatalog } from '../../../electron/engine/grading/exerciseCatalog';
import { createSandboxGradingRunner } from '../../../electron/engine/grading/sandboxRunner';

const exercisesDir = path.resolve(__dirname, '../../fixtures/exercises');
const engineDir = path.resolve(__dirname, '../../../electron/engine');
const exercise = loadRunnerExercise(exercisesDir, 'counter');
const starter = readEditableFiles(exercise, path.join(exercisesDir, 'counter/starter'));
const solution = readEditableFiles(exercise, path.join(exercisesDir, 'counter/solution'));
const visible = exercise.manifest.suites.filter((s) => s.visibility === 'visible');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bundle-cache-'));
/** The key stays outside the cache folder, as the runner keeps it (its private folder). */
const keyFile = path.join(work, 'private', 'test-bundle-cache.key');
const runners: Runner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
  fs.rmSync(work, { recursive: true, force: true });
});

let folders = 0;
const newCacheDir = (): string => path.join(work, `cache-${folders++}`);
const cachedRunner = (dir: string): Runner => {
  const r = createRunner({ exercisesDir, warm: 0, bundleCache: { dir, keyFile } });
  runners.push(r);
  return r;
};
const runVisible = (r: Runner, files: Record<string, string>): Promise<RunResult> => r.run({ exerciseId: 'counter', files, owner: 'student' });
const entries = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bundle')) : []);

/**
 * What a student could write instead of the real bundle: the same tests, with the reference solution
 * bundled in place of the link to the student's module, so every test passes whatever the student wrote
 * (its source map is right too: the tests are registered where the test file says).
 */
async function forgedBundle(): Promise<{ code: string; map: string }> {
  const workspace = new Map(exercise.readonly);
  for (const [name, source] of Object.entries(solution)) workspace.set(name, source);
  const bundler = new SuiteBundler({
    engineDir,
    tests: exercise.tests,
    entries: visible.map((s) => ({ test: s.file })),
    readonlyFiles: [...exercise.readonly.keys()],
    allowedImports: exercise.manifest.allowedImports ?? [],
  });
  try {
    const built = await bundler.bundle(workspace);
    if (!built.ok) throw new Error(built.message);
    return built.suites[0]!;
  } finally {
    await bundler.close();
  }
}

/** The one entry of a cache folder: its file, header and body. */
function entryOf(dir: string): { file: string; header: Record<string, unknown>; body: string } {
  const [name] = entries(dir);
  if (!name) throw new Error(`no cache entry in ${dir}`);
  const file = path.join(dir, name);
  const text = fs.readFileSync(file, 'utf8');
  const nl = text.indexOf('\n');
  return { file, header: JSON.parse(text.slice(0, nl)) as Record<string, unknown>, body: text.slice(nl + 1) };
}

/** A cache folder holding the real entry for the counter's visible suites (written by a first run). */
async function primed(): Promise<string> {
  const dir = newCacheDir();
  const first = cachedRunner(dir);
  const r = await runVisible(first, starter);
  expect(r.status).toBe('fail');
  expect(first.stats().bundleCache).toMatchObject({ miss: 1, write: 1, hit: 0 });
  expect(entries(dir)).toHaveLength(1);
  return dir;
}

describe('the test-bundle cache on disk', () => {
  it('a new runner takes the bundle an earlier one stored, and the results are the same', async () => {
    const dir = await primed();
    const again = cachedRunner(dir);
    const fromCache = await runVisible(again, starter);
    expect(again.stats().bundleCache).toMatchObject({ hit: 1, miss: 0, rejected: 0 });
    const plain = createRunner({ exercisesDir, warm: 0 });
    runners.push(plain);
    const built = await runVisible(plain, starter);
    const shape = (r: RunResult) => r.tests.map((t) => [t.name, t.status, t.line, t.file]);
    expect(shape(fromCache)).toEqual(shape(built));
    expect(fromCache.points).toBe(built.points);
    expect((await runVisible(again, solution)).status).toBe('pass');
  });

  it('a forged entry whose bundle makes every test pass is never used: the tests run against the student\'s code', async () => {
    const dir = await primed();
    const { file, header } = entryOf(dir);
    const forged = await forgedBundle();
    // The format, key, input list and lengths a student can read from the real entry; the tag is the real entry's.
    fs.writeFileSync(file, `${JSON.stringify({ ...header, code: forged.code.length, map: forged.map.length })}\n${forged.code}${forged.map}`);
    const victim = cachedRunner(dir);
    const r = await runVisible(victim, starter);
    expect(victim.stats().bundleCache).toMatchObject({ rejected: 1, hit: 0, write: 1 });
    expect(r.status).toBe('fail');
    expect(r.tests.some((t) => t.status === 'fail')).toBe(true);
    // The forged entry is gone: the folder holds a bundle built again, which a later runner uses.
    const later = cachedRunner(dir);
    expect((await runVisible(later, starter)).status).toBe('fail');
    expect(later.stats().bundleCache).toMatchObject({ hit: 1, rejected: 0 });
  });

  it('the forgery would work with the key: the tag is what stops it (this case guards the one above)', async () => {
    const dir = await primed();
    const { header } = entryOf(dir);
    const forged = await forgedBundle();
    const holder = BundleCache.open(dir, keyFile)!;
    holder.write(String(header.key), { ...forged, inputs: (header.inputs as Array<[string, string]>).map(([f]) => f) });
    const fooled = cachedRunner(dir);
    const r = await runVisible(fooled, starter);
    expect(fooled.stats().bundleCache).toMatchObject({ hit: 1 });
    expect(r.status).toBe('pass');
  });

  it('an entry tagged under another key (another computer, a copied data folder) is rebuilt', async () => {
    const dir = await primed();
    const { header } = entryOf(dir);
    const forged = await forgedBundle();
    BundleCache.open(dir, path.join(work, 'elsewhere', 'key'))!.write(String(header.key), { ...forged, inputs: (header.inputs as Array<[string, string]>).map(([f]) => f) });
    const victim = cachedRunner(dir);
    expect((await runVisible(victim, starter)).status).toBe('fail');
    expect(victim.stats().bundleCache).toMatchObject({ rejected: 1, hit: 0 });
  });

  it('a truncated or garbled entry is built again, with no error shown', async () => {
    for (const damage of [
      (text: string) => text.slice(0, Math.floor(text.length / 2)),
      (text: string) => text.slice(0, text.indexOf('\n')),
      () => '',
      (text: string) => `{not json\n${text}`,
      (text: string) => text.replace('function', 'fUnction'),
    ]) {
      const dir = await primed();
      const { file } = entryOf(dir);
      fs.writeFileSync(file, damage(fs.readFileSync(file, 'utf8')));
      const r2 = cachedRunner(dir);
      const r = await runVisible(r2, solution);
      expect(r.status, r.message ?? '').toBe('pass');
      expect(r.message ?? null).toBeNull();
      expect(r2.stats().bundleCache).toMatchObject({ rejected: 1, hit: 0, write: 1 });
    }
  });

  it('a folder in the place of an entry, or a cache folder that cannot be made, only means no cache', async () => {
    const dir = await primed();
    const { file } = entryOf(dir);
    fs.rmSync(file);
    fs.mkdirSync(file);
    const r1 = cachedRunner(dir);
    expect((await runVisible(r1, solution)).status).toBe('pass');
    const blocked = path.join(work, 'a-file');
    fs.writeFileSync(blocked, 'not a folder');
    const r2 = cachedRunner(path.join(blocked, 'cache'));
    expect((await runVisible(r2, solution)).status).toBe('pass');
    expect(r2.stats().bundleCache).toMatchObject({ hit: 0, miss: 1 });
  });

  it('hidden suites never reach the cache folder (a run of all suites neither reads nor writes it)', async () => {
    const dir = newCacheDir();
    const r = cachedRunner(dir);
    await r.run({ exerciseId: 'counter', files: solution, suites: 'all', owner: 'student' });
    expect(entries(dir)).toHaveLength(0);
    expect(r.stats().bundleCache).toEqual({ hit: 0, miss: 0, stale: 0, rejected: 0, write: 0 });
  });

  it('the grading path never reads the cache: a validly tagged forged entry changes nothing there', async () => {
    const dir = await primed();
    const { header } = entryOf(dir);
    const forged = await forgedBundle();
    BundleCache.open(dir, keyFile)!.write(String(header.key), { ...forged, inputs: (header.inputs as Array<[string, string]>).map(([f]) => f) });
    const before = fs.readFileSync(entryOf(dir).file, 'utf8');
    const shared = cachedRunner(dir);
    // The value door, as grading and the playground use it, with exactly the content of the cached entry.
    const byValue = await shared.runSuites({
      id: 'counter',
      readonly: exercise.readonly,
      files: starter,
      editable: exercise.manifest.editable,
      tests: exercise.tests,
      suites: visible,
      limits: exercise.manifest.limits,
      allowedImports: exercise.manifest.allowedImports,
    });
    expect(byValue.status).toBe('fail');
    // The grading door over the app's one runner (the one that has a cache for the student's runs).
    const catalogExercise = loadExerciseCatalog(exercisesDir).get('counter')!;
    const grading = createSandboxGradingRunner({ runner: shared });
    const graded = await grading.run({ exercise: catalogExercise, files: starter });
    expect(graded.status).not.toBe('pass');
    expect(graded.tests.some((t) => t.status === 'fail')).toBe(true);
    expect(shared.stats().bundleCache).toEqual({ hit: 0, miss: 0, stale: 0, rejected: 0, write: 0 });
    expect(fs.readFileSync(entryOf(dir).file, 'utf8')).toBe(before);
  });
});
