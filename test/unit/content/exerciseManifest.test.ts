import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExerciseManifest, formatFieldPath, studentManifest } from '../../../electron/engine/content/exerciseManifest';

const real = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../exercises/orders-lifecycle/exercise.json', import.meta.url)), 'utf8'),
) as Record<string, unknown>;

function firstIssue(manifest: unknown): { path: string; message: string } | null {
  const parsed = ExerciseManifest.safeParse(manifest);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { path: formatFieldPath(issue.path), message: issue.message };
}

describe('the exercise manifest schema', () => {
  it('accepts the orders-lifecycle manifest', () => {
    expect(firstIssue(real)).toBeNull();
  });

  it.each([
    ['a missing English title', { title: { ru: 'Заказ' } }, 'title.en'],
    ['a blank Russian hint', { hints: [{ ru: '  ', en: 'x' }] }, 'hints[0].ru'],
    ['an editable path with a folder', { editable: ['src/OrderAggregate.ts'] }, 'editable[0]'],
    ['a file both editable and read-only', { readonly: ['OrderAggregate.ts'] }, 'readonly[0]'],
    ['an unknown field', { extra: true }, ''],
    ['a zero timeout', { limits: { timeoutMs: 0, memoryMb: 128 } }, 'limits.timeoutMs'],
    ['no visible suite', { suites: [{ id: 'h', title: { ru: 'Х', en: 'H' }, file: 'tests/hidden/h.test.ts', visibility: 'hidden', pointsPerTest: 1 }] }, 'suites'],
    ['a suite without a title', { suites: [{ id: 'v', file: 'tests/visible/v.test.ts', visibility: 'visible', pointsPerTest: 1 }] }, 'suites[0].title'],
    ['a suite with a blank Russian title', { suites: [{ id: 'v', title: { ru: ' ', en: 'V' }, file: 'tests/visible/v.test.ts', visibility: 'visible', pointsPerTest: 1 }] }, 'suites[0].title.ru'],
  ])('rejects %s, naming the field', (_label, change, path) => {
    expect(firstIssue({ ...real, ...change })?.path).toBe(path);
  });

  it('rejects a suite whose folder does not match its visibility', () => {
    const suites = [{ id: 'x', title: { ru: 'Икс', en: 'X' }, file: 'tests/visible/x.test.ts', visibility: 'hidden', pointsPerTest: 1 }, ...(real.suites as unknown[])];
    expect(firstIssue({ ...real, suites })).toEqual({ path: 'suites[0].file', message: 'a hidden suite must live in tests/hidden/' });
  });

  it('rejects an unknown visibility and duplicate suite ids', () => {
    const suites = real.suites as Array<Record<string, unknown>>;
    expect(firstIssue({ ...real, suites: [{ ...suites[0], visibility: 'secret' }] })?.path).toBe('suites[0].visibility');
    expect(firstIssue({ ...real, suites: [suites[0], { ...suites[1], id: suites[0]!.id }] })?.path).toBe('suites[1].id');
  });

  it('a student manifest does not even name the hidden suites', () => {
    const manifest = ExerciseManifest.parse(real);
    const student = studentManifest(manifest);
    expect(student.suites.every((suite) => suite.visibility === 'visible')).toBe(true);
    expect(student.suites.length).toBeGreaterThan(0);
    expect(student.suites.length).toBeLessThan(manifest.suites.length);
  });
});
