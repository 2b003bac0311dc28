// The shape of an exercise's exercise.json, shared by the loader, the runner, the workspace and
// grading. Everything else about an exercise (its files, its student build) is derived from it.
import { z } from 'zod';
import { ExerciseId } from '../common/exerciseId';

/** Text in both of the app's languages. */
export const Localized = z.strictObject({
  ru: z.string().trim().min(1, 'Russian text must not be empty'),
  en: z.string().trim().min(1, 'English text must not be empty'),
});
export type Localized = z.infer<typeof Localized>;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes');

/** Workspace files form one flat folder: a bare TypeScript file name, no directories. */
const WorkspaceFileName = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.ts$/, 'a bare .ts file name such as "OrderAggregate.ts" (no folders)');

export const SuiteVisibility = z.enum(['visible', 'hidden']);
export type SuiteVisibility = z.infer<typeof SuiteVisibility>;

export const ExerciseSuite = z
  .strictObject({
    id: Slug,
    /** The suite's heading in the results panel and the task's list of checks, in both languages (never the id). */
    title: Localized,
    /** Relative to the exercise folder; visible suites live in tests/visible/, hidden ones in tests/hidden/. */
    file: z.string().regex(/^tests\/(visible|hidden)\/[A-Za-z0-9_.-]+\.test\.ts$/, 'a path like "tests/visible/pay.test.ts"'),
    visibility: SuiteVisibility,
    /** 0 for suites that only show how the given code behaves. */
    pointsPerTest: z.number().finite().min(0).max(100),
  })
  .superRefine((suite, ctx) => {
    // The student build drops tests/hidden/ wholesale, so a suite's folder must match its visibility.
    if (!suite.file.startsWith(`tests/${suite.visibility}/`)) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: `a ${suite.visibility} suite must live in tests/${suite.visibility}/` });
    }
  });
export type ExerciseSuite = z.infer<typeof ExerciseSuite>;

export const ExerciseLimits = z.strictObject({
  timeoutMs: z.number().int().min(100).max(120_000),
  memoryMb: z.number().int().min(16).max(4096),
});
export type ExerciseLimits = z.infer<typeof ExerciseLimits>;

export const ExerciseManifest = z
  .strictObject({
    id: ExerciseId,
    /** Position in the course's list of exercises. */
    order: z.number().int().min(0),
    title: Localized,
    summary: Localized,
    /** Markdown. */
    description: Localized,
    /** Files the student edits; starter/ and solution/ each hold all of them. */
    editable: z.array(WorkspaceFileName).min(1),
    /** Files in readonly/, visible to the student but not editable. */
    readonly: z.array(WorkspaceFileName),
    /**
     * What the workspace files may import besides each other ('./events'): engine modules that hold
     * no answer, named exactly ('@engine/...'). Anything else a student file imports is a build error.
     */
    allowedImports: z.array(z.string().regex(/^@engine\/[A-Za-z0-9_/.-]+$/, 'an engine module such as "@engine/store/memory"').refine((s) => !s.split('/').includes('..'), 'no ".." in a module name')).max(20).optional(),
    /**
     * Read-only files that copy an engine module: file name → its source under electron/engine/
     * (e.g. "domain/orders/events.ts"). validate-content checks each copy keeps the source's code.
     */
    readonlySources: z.record(WorkspaceFileName, z.string().regex(/^[a-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.ts$/, 'a path under electron/engine/ such as "domain/orders/events.ts"')).optional(),
    suites: z.array(ExerciseSuite).min(1),
    /** Unlocked one by one, in this order. */
    hints: z.array(Localized),
    limits: ExerciseLimits,
    /**
     * What the instructor's grading adds, announced in the student's results panel without naming a
     * hidden test: how many hidden tests run and the points they carry. Kept in the student build;
     * test/integration/exercises/hiddenSummary.test.ts checks it against the hidden suites.
     */
    hiddenTests: z.strictObject({ count: z.number().int().min(0), points: z.number().min(0) }).optional(),
    /**
     * The least share of the points (0–1) each mutant (a deliberately wrong solution in mutants/)
     * must cost; proveExercise checks it, so every listed misconception costs a visible part of the grade.
     */
    minMutantLoss: z.number().gt(0).max(1).optional(),
  })
  .superRefine((manifest, ctx) => {
    const seenFiles = new Map<string, string>();
    for (const key of ['editable', 'readonly'] as const) {
      manifest[key].forEach((name, index) => {
        const first = seenFiles.get(name);
        if (first) ctx.addIssue({ code: 'custom', path: [key, index], message: `"${name}" is already listed in ${first}` });
        else seenFiles.set(name, key);
      });
    }
    for (const name of Object.keys(manifest.readonlySources ?? {})) {
      if (!manifest.readonly.includes(name)) ctx.addIssue({ code: 'custom', path: ['readonlySources', name], message: `"${name}" is not one of the read-only files` });
    }
    const suiteIds = new Set<string>();
    const suiteFiles = new Set<string>();
    manifest.suites.forEach((suite, index) => {
      if (suiteIds.has(suite.id)) ctx.addIssue({ code: 'custom', path: ['suites', index, 'id'], message: `duplicate suite id "${suite.id}"` });
      if (suiteFiles.has(suite.file)) ctx.addIssue({ code: 'custom', path: ['suites', index, 'file'], message: `"${suite.file}" is used by two suites` });
      suiteIds.add(suite.id);
      suiteFiles.add(suite.file);
    });
    if (!manifest.suites.some((suite) => suite.visibility === 'visible')) {
      ctx.addIssue({ code: 'custom', path: ['suites'], message: 'at least one suite must be visible to the student' });
    }
  });
export type ExerciseManifest = z.infer<typeof ExerciseManifest>;

/** The manifest a student build ships: hidden suites are not even named, nor the mutants' grading threshold. */
export function studentManifest(manifest: ExerciseManifest): ExerciseManifest {
  const { minMutantLoss: _instructorOnly, ...shipped } = manifest;
  return { ...shipped, suites: manifest.suites.filter((suite) => suite.visibility === 'visible') };
}

/** "suites[1].visibility" from a zod issue path. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, '');
}
