// Generates classes of submissions from the exercise's own solution, starter and mutants, so tests and
// the benchmark never depend on committed fixture files. Each fixture says what the gradebook must show.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExercise } from '../../../electron/engine/content/loadExercise';
import { hashExerciseFolder, sealSubmission, serializeSubmission, submissionFileName, type Submission } from '../../../electron/engine/grading';

// import.meta.url, not __dirname: the benchmark imports this file as an ES module.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXERCISE_ID = 'orders-lifecycle';
export const EXERCISE_DIR = path.join(ROOT, 'exercises', EXERCISE_ID);
export const EDITABLE = 'OrderAggregate.ts';
/** Two more exercises in the fixture class (one editable file, and two). */
export const BANK = 'bank-account';
export const CATALOG = 'product-catalog-cqrs';

export const variant = (name: 'solution' | 'starter' | `mutants/${string}`): string => exerciseFiles(EXERCISE_ID, name)[EDITABLE]!;
export const mutantNames = (): string[] => Object.keys(loadExercise(path.join(ROOT, 'exercises'), EXERCISE_ID).mutants).sort();

/** Another exercise's editable files (every one, as the loader gives them) for the solution, the starter or a mutant. */
export function exerciseFiles(exerciseId: string, name: 'solution' | 'starter' | `mutants/${string}`): Record<string, string> {
  const ex = loadExercise(path.join(ROOT, 'exercises'), exerciseId);
  if (name === 'solution' || name === 'starter') return ex[name];
  const files = ex.mutants[name.slice('mutants/'.length)];
  if (!files) throw new Error(`${exerciseId} has no ${name}`);
  return files;
}

export interface Expected {
  student_id: string;
  status: string;
  /** The exercise the row is for; orders-lifecycle when not given (ungraded rows: not checked). */
  exercise_id?: string;
  /** 'max' | 'zero' | 'partial' (0 < score < max) | 'below-max' | null (ungraded) */
  score: 'max' | 'zero' | 'partial' | 'below-max' | null;
  checksum_ok: 'true' | 'false' | '';
  notes?: RegExp;
}

let clock = Date.parse('2026-11-20T09:00:00.000Z');
/** Fixed, increasing times: generated classes are identical on every run. */
function nextTime(): string {
  clock += 60_000;
  return new Date(clock).toISOString();
}

export function makeSubmission(
  studentId: string,
  code: string | Record<string, string>,
  opts: { name?: string; exerciseId?: string; contentHash?: string; createdAt?: string; runs?: Submission['runs'] } = {},
): Submission {
  const exerciseId = opts.exerciseId ?? EXERCISE_ID;
  const exerciseDir = path.join(ROOT, 'exercises', exerciseId);
  return sealSubmission({
    format: 'replayground-submission',
    formatVersion: 1,
    student: { name: opts.name ?? `Student ${studentId}`, id: studentId },
    exercise: { id: exerciseId, contentHash: opts.contentHash ?? (fs.existsSync(exerciseDir) ? hashExerciseFolder(exerciseDir) : hashExerciseFolder(EXERCISE_DIR)) },
    files: typeof code === 'string' ? [{ path: EDITABLE, content: code }] : Object.entries(code).map(([p, content]) => ({ path: p, content })),
    runs: opts.runs ?? [],
    hintUnlocks: [],
    quizAttempts: [],
    appVersion: '0.1.0',
    createdAt: opts.createdAt ?? nextTime(),
  });
}

function writeFile(dir: string, s: Submission, name?: string): string {
  const file = path.join(dir, name ?? submissionFileName(s.student.id, s.exercise.id, s.createdAt));
  fs.writeFileSync(file, serializeSubmission(s));
  return file;
}

/** Hostile code that tries to escape (files, process, prototypes); the marker must never appear. */
export function hostileCode(marker: string): string {
  const m = JSON.stringify(marker);
  return `${variant('starter')}
const g: any = globalThis;
try { g.process?.getBuiltinModule?.('fs')?.writeFileSync(${m}, 'escaped via process'); } catch {}
try { const P = (function (this: any) { return this; }).constructor('return process')(); P.getBuiltinModule('fs').writeFileSync(${m}, 'escaped via Function'); } catch {}
try { (Object.prototype as any).status = 'pass'; (Array.prototype as any).every = () => true; } catch {}
try { g.expect = () => new Proxy({}, { get: () => () => undefined }); } catch {}
`;
}

/** The fixture class of the issue: at least 12 submissions of every kind, with what each row must say. */
export function buildFixtureClass(dir: string, marker: string): Expected[] {
  fs.mkdirSync(dir, { recursive: true });
  const solution = variant('solution');
  const starter = variant('starter');
  const ex: Expected[] = [];

  writeFile(dir, makeSubmission('s01-correct', solution, { name: 'Ада Лавлейс' }));
  ex.push({ student_id: 's01-correct', status: 'graded', score: 'max', checksum_ok: 'true' });

  writeFile(dir, makeSubmission('s02-partial', variant('mutants/no-state-check')));
  ex.push({ student_id: 's02-partial', status: 'graded', score: 'partial', checksum_ok: 'true' });

  writeFile(dir, makeSubmission('s03-starter', starter));
  ex.push({ student_id: 's03-starter', status: 'graded', score: 'zero', checksum_ok: 'true' });

  writeFile(dir, makeSubmission('s04-compile', `${starter}\nexport const broken = ;\n`));
  ex.push({ student_id: 's04-compile', status: 'compile_error', score: 'zero', checksum_ok: 'true', notes: /compile error/ });

  writeFile(dir, makeSubmission('s05-timeout', solution.replace('pay(command: PayOrder): void {', 'pay(command: PayOrder): void {\n    while (true) {}')));
  ex.push({ student_id: 's05-timeout', status: 'timeout', score: 'below-max', checksum_ok: 'true', notes: /time limit/ });

  writeFile(dir, makeSubmission('s06-hostile', hostileCode(marker), { name: '<script>alert(1)</script>' }));
  ex.push({ student_id: 's06-hostile', status: 'graded', score: 'zero', checksum_ok: 'true' });

  fs.writeFileSync(path.join(dir, 's07-malformed.replayground.json'), '{"format": "replayground-submission", "student": ');
  ex.push({ student_id: '', status: 'malformed', score: null, checksum_ok: '', notes: /s07-malformed.*not valid JSON/ });

  const tampered = JSON.parse(serializeSubmission(makeSubmission('s08-badsum', starter)));
  tampered.files[0].content = solution; // swapped after sealing
  fs.writeFileSync(path.join(dir, 's08-badsum.replayground.json'), JSON.stringify(tampered, null, 2));
  ex.push({ student_id: 's08-badsum', status: 'bad_checksum', score: null, checksum_ok: 'false', notes: /checksum/ });

  // Forged: the starter with a run history and a results block claiming full marks, checksum recomputed.
  const forged = makeSubmission('s09-forged', starter, {
    runs: [{ at: '2026-11-20T08:00:00.000Z', codeHash: 'f'.repeat(64), status: 'pass', passed: 93, failed: 0, total: 93, points: 127, maxPoints: 127, durationMs: 10 }],
  });
  fs.writeFileSync(path.join(dir, 's09-forged.replayground.json'), JSON.stringify({ ...forged, results: { status: 'pass', score: 127, max_score: 127 } }, null, 2));
  ex.push({ student_id: 's09-forged', status: 'graded', score: 'zero', checksum_ok: 'true' });

  writeFile(dir, makeSubmission('s10-wrong', solution, { exerciseId: 'inventory-basics' }));
  ex.push({ student_id: 's10-wrong', status: 'unknown_exercise', score: null, checksum_ok: 'true', notes: /no exercise "inventory-basics"/ });

  writeFile(dir, makeSubmission('s11-dup', starter, { createdAt: '2026-11-20T08:00:00.000Z' }), 's11-dup-first.replayground.json');
  writeFile(dir, makeSubmission('s11-dup', solution, { createdAt: '2026-11-21T08:00:00.000Z' }), 's11-dup-second.replayground.json');
  ex.push({ student_id: 's11-dup', status: 'superseded', score: null, checksum_ok: 'true', notes: /superseded by the newer submission s11-dup-second/ });
  ex.push({ student_id: 's11-dup', status: 'graded', score: 'max', checksum_ok: 'true', notes: /newest of 2/ });

  const folder = path.join(dir, 's12-folder', EXERCISE_ID);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, EDITABLE), variant('mutants/loose-amount'));
  const fixed = new Date('2026-11-20T12:00:00.000Z');
  fs.utimesSync(path.join(folder, EDITABLE), fixed, fixed);
  ex.push({ student_id: 's12-folder', status: 'graded', score: 'partial', checksum_ok: '' });

  fs.mkdirSync(path.join(dir, 's13-empty'), { recursive: true });
  ex.push({ student_id: 's13-empty', status: 'empty', score: null, checksum_ok: '', notes: /empty/ });

  writeFile(dir, makeSubmission('s14-oldversion', solution, { contentHash: '0'.repeat(64) }));
  ex.push({ student_id: 's14-oldversion', status: 'hash_mismatch', score: 'max', checksum_ok: 'true', notes: /differs from the instructor's copy/ });

  // The same class also hands in other exercises: each submission is graded against its own exercise.
  writeFile(dir, makeSubmission('s01-correct', exerciseFiles(BANK, 'solution'), { name: 'Ада Лавлейс', exerciseId: BANK }));
  ex.push({ student_id: 's01-correct', exercise_id: BANK, status: 'graded', score: 'max', checksum_ok: 'true' });

  writeFile(dir, makeSubmission('s02-partial', exerciseFiles(BANK, 'mutants/overdraft-allowed'), { exerciseId: BANK }));
  ex.push({ student_id: 's02-partial', exercise_id: BANK, status: 'graded', score: 'partial', checksum_ok: 'true' });

  writeFile(dir, makeSubmission('s01-correct', exerciseFiles(CATALOG, 'solution'), { name: 'Ада Лавлейс', exerciseId: CATALOG }));
  ex.push({ student_id: 's01-correct', exercise_id: CATALOG, status: 'graded', score: 'max', checksum_ok: 'true' });

  writeFile(dir, makeSubmission('s03-starter', exerciseFiles(CATALOG, 'starter'), { exerciseId: CATALOG }));
  ex.push({ student_id: 's03-starter', exercise_id: CATALOG, status: 'graded', score: 'below-max', checksum_ok: 'true' });

  // Folder layout with two editable files, from a mutant of the read side.
  const catalogFolder = path.join(dir, 's15-catalog-folder', CATALOG);
  fs.mkdirSync(catalogFolder, { recursive: true });
  for (const [name, content] of Object.entries(exerciseFiles(CATALOG, 'mutants/page-off-by-one'))) {
    fs.writeFileSync(path.join(catalogFolder, name), content);
    fs.utimesSync(path.join(catalogFolder, name), fixed, fixed);
  }
  ex.push({ student_id: 's15-catalog-folder', exercise_id: CATALOG, status: 'graded', score: 'partial', checksum_ok: '' });

  return ex;
}

/** A generated class for the benchmark: half correct, half mutants with a few hostile ones. */
export function buildBenchClass(dir: string, size: number, marker: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const solution = variant('solution');
  const mutants = mutantNames();
  for (let i = 0; i < size; i++) {
    const id = `b${String(i).padStart(4, '0')}`;
    let code: string;
    if (i % 2 === 0) code = solution;
    else if (i % 20 === 1) code = hostileCode(marker);
    else code = variant(`mutants/${mutants[i % mutants.length]}`);
    writeFile(dir, makeSubmission(id, code));
  }
}
