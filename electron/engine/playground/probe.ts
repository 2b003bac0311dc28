// Running a student's file from the playground. The runner only knows how to *test* an exercise,
// so the playground writes a tiny "probe" exercise (a source exercise's read-only files + one
// generated test that calls the student's code and reports what happened) and asks the runner to
// test the student's file against it. The report travels back in the failing test's `details`
// (the runner copies `details.actual_events` into the result, up to 64 KB), which the student's
// own console output cannot crowd out; a marked output line is the fallback.
import fs from 'node:fs';
import path from 'node:path';
import type { Runner } from '../runner';

export const PROBE_MARK = '@@PLAYGROUND@@';

/**
 * The tail every probe test ends with: `report` is a JSON-able value; the test throws it as
 * details (so it arrives even if the student printed a lot) and prints it too.
 */
export const PROBE_REPORT_JS = `function report(value) {
  const copy = JSON.parse(JSON.stringify(value));
  console.log(${JSON.stringify(PROBE_MARK)} + JSON.stringify(copy));
  throw Object.assign(new Error('playground probe report'), { details: { actual_events: copy } });
}`;

export interface ProbeSpec {
  /** The probe's exercise id (its folder under `<workDir>/exercises`). */
  id: string;
  /** exercises/<source>/: its manifest's read-only files are copied. */
  sourceExerciseDir: string;
  /** The student's file(s); 'probeInput.ts' is added as a second editable file. */
  editable: string[];
  /** Source of tests/visible/probe.test.ts. */
  test: string;
  timeoutMs?: number;
}

/** Writes the probe exercise under `<workDir>/exercises/<id>` (idempotent); returns the exercises folder. */
export function writeProbe(workDir: string, spec: ProbeSpec): string {
  const exercisesDir = path.join(workDir, 'exercises');
  const probeDir = path.join(exercisesDir, spec.id);
  const manifest = JSON.parse(fs.readFileSync(path.join(spec.sourceExerciseDir, 'exercise.json'), 'utf8')) as { readonly: string[] };
  fs.mkdirSync(path.join(probeDir, 'readonly'), { recursive: true });
  fs.mkdirSync(path.join(probeDir, 'tests', 'visible'), { recursive: true });
  for (const name of manifest.readonly) fs.copyFileSync(path.join(spec.sourceExerciseDir, 'readonly', name), path.join(probeDir, 'readonly', name));
  fs.writeFileSync(path.join(probeDir, 'tests', 'visible', 'probe.test.ts'), spec.test);
  fs.writeFileSync(
    path.join(probeDir, 'exercise.json'),
    JSON.stringify({
      id: spec.id,
      order: 999,
      title: { ru: 'Проба песочницы', en: 'Playground probe' },
      summary: { ru: 'Запускает код студента для песочницы.', en: 'Runs the student’s code for the playground.' },
      description: { ru: 'Служебное упражнение песочницы.', en: 'An internal exercise of the playground.' },
      hints: [],
      editable: [...spec.editable, 'probeInput.ts'],
      readonly: manifest.readonly,
      suites: [{ id: 'probe', file: 'tests/visible/probe.test.ts', visibility: 'visible', pointsPerTest: 0 }],
      limits: { timeoutMs: spec.timeoutMs ?? 3000, memoryMb: 128 },
    }),
  );
  return exercisesDir;
}

export type ProbeAnswer<T> = { ok: true; report: T } | { ok: false; message: string };

/** Runs the probe with the student's files and `input` (exported as `input` from '@workspace/probeInput'). */
export async function runProbe<T>(runner: Runner, probeId: string, files: Record<string, string>, input: unknown): Promise<ProbeAnswer<T>> {
  const probeInput = `// eslint-disable-next-line\nexport const input: any = ${JSON.stringify(input)};\n`;
  // The playground runs only its own student's code: its processes may serve that student again.
  const result = await runner.run({ exerciseId: probeId, files: { ...files, 'probeInput.ts': probeInput }, owner: 'playground' });
  for (const t of result.tests) {
    if (t.actual_events !== undefined && t.actual_events !== '(too large to show)') return { ok: true, report: t.actual_events as T };
    const line = (t.output ?? '').split('\n').find((l) => l.startsWith(PROBE_MARK));
    if (line) return { ok: true, report: JSON.parse(line.slice(PROBE_MARK.length)) as T };
  }
  const why = result.message ?? result.suites.find((s) => s.message)?.message ?? result.tests.find((t) => t.message)?.message ?? 'your code did not answer';
  return { ok: false, message: why.slice(0, 1000) };
}
