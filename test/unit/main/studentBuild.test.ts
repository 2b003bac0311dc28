// What an installed app ships, computed without Electron: the engine modules come from the exercise suites'
// imports (scripts/packaging/studentEngine.ts), a suite that pulls in a reference implementation stops the
// build, and over the file list electron-builder.yml describes no reference implementation is there as
// source: the engine resources hold exactly the derived modules, the app itself only the bundled dist/, and
// the production main bundle is minified with no source map.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeStudentBuilds } from '../../../electron/engine/content/loadExercise';
import { writeShippedHighlights } from '../../../electron/engine/content/shippedHighlights';
import {
  REFERENCE_MODULES,
  STUDENT_ENGINE_DIR,
  STUDENT_EXERCISES_DIR,
  referenceReason,
  solutionClassNames,
  studentEngine,
  writeStudentEngine,
} from '../../../scripts/packaging/studentEngine';

const root = process.cwd();
const engineDir = path.join(root, 'electron/engine');
const temps: string[] = [];
const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rg-${name}-`));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** One exercise folder with the given suites and files. */
function exercise(dir: string, id: string, suites: { file: string; visibility: string }[], files: Record<string, string>): void {
  write(path.join(dir, id), {
    'exercise.json': JSON.stringify({ id, suites: suites.map((s, i) => ({ id: `s${i}`, pointsPerTest: 1, ...s })) }),
    ...files,
  });
}

describe('deriving the student build from the suites', () => {
  it('ships exactly what the suites import, through support and workspace files, and nothing else', async () => {
    const exercisesDir = tempDir('exercises');
    exercise(exercisesDir, 'clean', [{ file: 'tests/visible/a.test.ts', visibility: 'visible' }], {
      'tests/visible/a.test.ts': "import { it } from 'vitest';\nimport { make } from '../support/make';\nimport { Thing } from '@workspace/Thing';\nit('x', () => make(new Thing()));\n",
      'tests/support/make.ts': "import { createMemoryEventStore } from '@engine/store/memory';\nexport const make = (t: unknown) => [t, createMemoryEventStore()];\n",
      'starter/Thing.ts': "import { label } from './label';\nexport class Thing { name = label; }\n",
      'readonly/label.ts': "export const label = 'thing';\n",
    });
    const result = await studentEngine({ exercisesDir, engineDir });
    expect(result.references).toEqual([]);
    expect(result.files).toContain('store/memory.ts');
    // The store and the Node-free common layer it builds on; nothing of the domain, broker or playground.
    expect(result.files.filter((f) => !f.startsWith('store/') && !f.startsWith('common/'))).toEqual([]);
  });

  it('stops the build when a suite, even a hidden one, pulls in a reference implementation, naming module and suite', async () => {
    const exercisesDir = tempDir('exercises');
    exercise(exercisesDir, 'leaky', [{ file: 'tests/hidden/h.test.ts', visibility: 'hidden' }], {
      'tests/hidden/h.test.ts': "import { it } from 'vitest';\nimport { orderStreamId } from '@engine/domain/orders';\nit('x', () => orderStreamId('a'));\n",
    });
    const result = await studentEngine({ exercisesDir, engineDir });
    expect(result.references.map((r) => r.file)).toEqual(expect.arrayContaining(['domain/orders/OrderAggregate.ts', 'domain/orders/decide.ts', 'domain/orders/evolve.ts']));
    expect(result.references.every((r) => r.suites.includes('leaky/tests/hidden/h.test.ts'))).toBe(true);
    const outDir = path.join(tempDir('out'), 'engine');
    await expect(writeStudentEngine({ exercisesDir, engineDir, outDir })).rejects.toThrow(/domain\/orders\/OrderAggregate\.ts: .*\n.*leaky\/tests\/hidden\/h\.test\.ts/);
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('counts an engine module that exports a class a reference solution exports as a reference too', () => {
    const exercisesDir = tempDir('exercises');
    write(path.join(exercisesDir, 'ledger'), { 'exercise.json': '{"suites":[]}', 'solution/Ledger.ts': 'export class Ledger {}\n' });
    const classes = solutionClassNames(exercisesDir);
    expect(referenceReason('bank/ledger.ts', 'export class Ledger { balance = 0 }\n', classes)).toMatch(/Ledger.*ledger/);
    expect(referenceReason('bank/money.ts', 'export class Money {}\n', classes)).toBeNull();
    expect(referenceReason('playground/anything.ts', '', classes)).toMatch(/playground/);
  });
});

interface ResourceEntry {
  from: string;
  to: string;
  filter?: string[];
}

/** The files one extraResources entry packs, as 'resources/<to>/<path>', the way electron-builder filters them. */
function resourceFiles(entry: ResourceEntry, fromDir: string): string[] {
  if (fs.statSync(fromDir).isFile()) return [path.posix.join('resources', entry.to)];
  const filter = entry.filter ?? ['**/*'];
  const include = filter.filter((p) => !p.startsWith('!'));
  const exclude = filter.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return fs
    .readdirSync(fromDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(fromDir, f)).isFile())
    .filter((f) => include.some((p) => minimatch(f, p, { dot: true })) && !exclude.some((p) => minimatch(f, p, { dot: true })))
    .map((f) => path.posix.join('resources', entry.to, f));
}

describe('the packaging file list (electron-builder.yml, Linux x64)', () => {
  const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
    files: string[];
    extraResources: ResourceEntry[];
    linux: { extraResources?: ResourceEntry[] };
  };

  it('ships no reference implementation as source in the resources, and the engine exactly as derived', async () => {
    // Stage what `npm run build` and `npm run package` make, into scratch folders standing in for .cache/ (which
    // a fresh checkout, CI's `npm test` included, does not have yet).
    const stage = tempDir('stage');
    const staged: Record<string, string> = {
      [STUDENT_ENGINE_DIR]: path.join(stage, 'engine'),
      [STUDENT_EXERCISES_DIR]: path.join(stage, 'exercises'),
      '.cache/code-highlight': path.join(stage, 'code-highlight'),
    };
    const derived = await writeStudentEngine({ exercisesDir: path.join(root, 'exercises'), engineDir, outDir: staged[STUDENT_ENGINE_DIR]! });
    writeStudentBuilds(path.join(root, 'exercises'), staged[STUDENT_EXERCISES_DIR]!);
    await writeShippedHighlights(path.join(root, 'content', 'lessons'), staged['.cache/code-highlight']!);
    const entries = [...config.extraResources, ...(config.linux.extraResources ?? [])];
    expect(entries.filter((e) => e.to === 'engine')).toEqual([expect.objectContaining({ from: STUDENT_ENGINE_DIR })]);
    expect(entries.filter((e) => e.to === 'exercises')).toEqual([expect.objectContaining({ from: STUDENT_EXERCISES_DIR })]);
    expect(entries.filter((e) => e.to === 'code-highlight')).toEqual([expect.objectContaining({ from: '.cache/code-highlight' })]);
    const list = entries.flatMap((e) => resourceFiles(e, staged[e.from] ?? path.join(root, e.from.replace('${arch}', 'x64'))));

    const engineFiles = list.filter((f) => f.startsWith('resources/engine/')).map((f) => f.slice('resources/engine/'.length));
    expect(engineFiles.sort()).toEqual(derived.files);
    const classes = solutionClassNames(path.join(root, 'exercises'));
    for (const file of engineFiles) expect(referenceReason(file, fs.readFileSync(path.join(engineDir, file), 'utf8'), classes), file).toBeNull();
    // No reference module under any name or folder of the resources, and no solution or mutant of an exercise.
    for (const ref of REFERENCE_MODULES) expect(list.filter((f) => f.includes(`/${ref.path}`)), ref.path).toEqual([]);
    expect(list.filter((f) => /^resources\/exercises\/[^/]+\/(solution|mutants|tests\/hidden)\//.test(f))).toEqual([]);
    // Every exercise ships, each with its starter, and none of its reference solution's files.
    for (const id of fs.readdirSync(path.join(root, 'exercises')).filter((d) => fs.existsSync(path.join(root, 'exercises', d, 'exercise.json')))) {
      expect(list.some((f) => f.startsWith(`resources/exercises/${id}/starter/`)), id).toBe(true);
      const shipped = list.filter((f) => f.startsWith(`resources/exercises/${id}/`)).map((f) => fs.readFileSync(path.join(stage, f.slice('resources/'.length)), 'utf8'));
      for (const file of fs.readdirSync(path.join(root, 'exercises', id, 'solution'))) {
        expect(shipped.includes(fs.readFileSync(path.join(root, 'exercises', id, 'solution', file), 'utf8')), `${id}/solution/${file}`).toBe(false);
      }
    }
    expect(list.filter((f) => /^resources\/code-highlight\/[0-9a-f]+\.json$/.test(f)).length).toBeGreaterThan(0);
    expect(list).toContain('resources/native/better_sqlite3.node');
  });

  it('packs into the app itself only the bundled dist/ and package.json, never source maps', () => {
    const positive = config.files.filter((p) => !p.startsWith('!'));
    expect(positive.sort()).toEqual(['dist/**/*', 'package.json']);
    expect(config.files).toContain('!**/*.map');
  });

  it('bundles the engine, playground reference domain included, minified and without source maps for packaging', () => {
    const outDir = tempDir('bundle');
    const build = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { buildElectron } from './scripts/build/electronBundles.mjs'; await buildElectron({ root: process.cwd(), outDir: ${JSON.stringify(outDir)}, production: true });`],
      { cwd: root, encoding: 'utf8' },
    );
    expect(build.status, build.stderr).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual(['main.cjs', 'preload.cjs', 'runner-harness.cjs']);
    const main = fs.readFileSync(path.join(outDir, 'main.cjs'), 'utf8');
    // The reference decide() is inside (its payment check's message), but not as readable source: no
    // comments, no multi-line layout.
    expect(main).toContain('but the order total is');
    for (const ref of ['domain/orders/decide.ts', 'domain/orders/evolve.ts', 'domain/orders/OrderAggregate.ts']) {
      const firstComment = fs.readFileSync(path.join(engineDir, ref), 'utf8').split('\n')[0]!.replace(/^\/\/\s*/, '');
      expect(firstComment.length).toBeGreaterThan(10);
      expect(main.includes(firstComment), ref).toBe(false);
    }
    expect(main.split('\n').length).toBeLessThan(main.length / 1000);
  });
});
