// Handlers for exercises.*, drafts.*, hints.* and runs.*: content from the exercise packages,
// progress in the progress database, tests through the sandboxed runner (visible suites only).
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { ApiError } from '../errors';
import { createExercisesProgress, type FileMap } from '../../progress/exercisesProgress';
import type { StudentExercise } from '../../content/loadExercise';
import { exerciseSource, type ExerciseSource } from '../../progress/exercisesContent';
import { RunResult } from '../../common/runResult';
import { RunnerInputError } from '../../runner';
import { engineRunner, studentOwner } from '../engineRunner';
import { profileScoped } from '../../profiles';

/** Runs the visible suites of an exercise on a set of files; the real one is the sandboxed runner. */
export type RunTests = (input: { exerciseId: string; files: FileMap }) => Promise<RunResult>;

export interface ExercisesDeps {
  source?: ExerciseSource;
  runTests?: RunTests;
}

type Groups = HandlerGroup<'exercises.'> & HandlerGroup<'drafts.'> & HandlerGroup<'hints.'> & HandlerGroup<'runs.'>;

export function createExercisesHandlers(ctx: EngineContext, deps: ExercisesDeps = {}): Groups {
  const progress = profileScoped(ctx, createExercisesProgress);
  const source = deps.source ?? exerciseSource(ctx.resourcesDir);
  const runTests: RunTests & { warmUp?(id: string): void } = deps.runTests ?? defaultRunner(ctx);

  function load(id: string): StudentExercise {
    let ex: StudentExercise | null;
    try {
      ex = source.load(id);
    } catch (err) {
      // A broken package (bad manifest, missing file): the author's message names the file and field.
      throw new ApiError('CONTENT_ERROR', (err as Error).message);
    }
    if (!ex) throw new ApiError('NOT_FOUND', `There is no exercise "${id}".`);
    return ex;
  }

  /** Keeps only the exercise's editable files, so nothing else can be overwritten or smuggled in. */
  function editableOnly(ex: StudentExercise, files: FileMap): FileMap {
    const out: FileMap = {};
    for (const name of ex.manifest.editable) {
      if (typeof files[name] === 'string') out[name] = files[name];
    }
    const unknown = Object.keys(files).filter((n) => !ex.manifest.editable.includes(n));
    if (unknown.length) {
      throw new ApiError('NOT_EDITABLE', `These files are not editable in "${ex.manifest.id}": ${unknown.join(', ')}.`);
    }
    return out;
  }

  function currentEditable(ex: StudentExercise): FileMap {
    const draft = progress.getDraft(ex.manifest.id);
    return { ...ex.starter, ...(draft ? pick(draft.files, ex.manifest.editable) : {}) };
  }

  function workspaceFiles(ex: StudentExercise, editable: FileMap) {
    return [
      ...ex.manifest.editable.map((name) => ({ name, content: editable[name] ?? ex.starter[name] ?? '', editable: true })),
      ...ex.manifest.readonly.map((name) => ({ name, content: ex.readonly[name] ?? '', editable: false })),
    ];
  }

  function hintsView(ex: StudentExercise, lang: 'ru' | 'en') {
    return progress
      .hintUnlocks(ex.manifest.id)
      .filter((u) => u.index < ex.manifest.hints.length)
      .map((u) => ({ index: u.index, text: ex.manifest.hints[u.index][lang], unlockedAt: u.unlockedAt }));
  }

  function lastRun(exerciseId: string) {
    const [latest] = progress.listRuns(exerciseId, 1);
    if (!latest) return null;
    const full = progress.getRun(latest.id);
    const parsed = RunResult.safeParse(full?.results);
    return parsed.success ? { run: latest, results: parsed.data } : null;
  }

  function runView(id: number) {
    const run = progress.getRun(id);
    if (!run) throw new ApiError('NOT_FOUND', `There is no run #${id}.`);
    const { files, results, ...summary } = run;
    return { summary, files, results: RunResult.parse(results) };
  }

  return {
    'exercises.list': ({ lang }) => {
      const overview = progress.overview();
      const exercises = source.list().map((ex) => {
        const o = overview.get(ex.manifest.id);
        const status = o?.passed ? ('passing' as const) : o && (o.runs > 0 || o.hasDraft) ? ('in_progress' as const) : ('not_started' as const);
        return {
          id: ex.manifest.id,
          order: ex.manifest.order,
          title: ex.manifest.title[lang],
          summary: ex.manifest.summary[lang],
          status,
          runs: o?.runs ?? 0,
          bestScore: o?.best ?? null,
          maxScore: o?.maxPoints ?? null,
          lastRunAt: o?.lastRun ?? null,
        };
      });
      exercises.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
      return { exercises };
    },

    'exercises.get': ({ id, lang }) => {
      const ex = load(id);
      const m = ex.manifest;
      const draft = progress.getDraft(id);
      const visible = m.suites.filter((s) => s.visibility === 'visible');
      runTests.warmUp?.(id);
      return {
        id: m.id,
        order: m.order,
        title: m.title[lang],
        summary: m.summary[lang],
        description: m.description[lang],
        editable: m.editable,
        readonly: m.readonly,
        files: workspaceFiles(ex, currentEditable(ex)),
        // Hidden suites never leave the engine: not their files, not their names.
        tests: visible.map((s) => ({ file: s.file, suite: s.id, content: ex.visibleTests[s.file] ?? '' })),
        suites: visible.map((s) => ({ id: s.id, title: s.title[lang], file: s.file, pointsPerTest: s.pointsPerTest })),
        limits: m.limits,
        hiddenTests: m.hiddenTests ?? null,
        hints: { total: m.hints.length, unlocked: hintsView(ex, lang) },
        draft: { savedAt: draft?.updatedAt ?? null, cursor: draft?.cursor ?? null, setAside: progress.draftSetAside(id) },
        lastRun: lastRun(id),
      };
    },

    'exercises.run': async ({ exerciseId, files }) => {
      const ex = load(exerciseId);
      const code = { ...ex.starter, ...editableOnly(ex, files) };
      const startedAt = new Date().toISOString();
      const raw = await runTests({ exerciseId, files: code });
      // Belt and braces: whatever the runner does, a student's run never carries a hidden test.
      const results = RunResult.parse({
        ...raw,
        tests: raw.tests.filter((t) => t.visibility === 'visible'),
        suites: raw.suites.filter((s) => s.visibility === 'visible'),
      });
      const passed = results.tests.filter((t) => t.status === 'pass').length;
      const run = progress.recordRun({
        exerciseId,
        startedAt,
        files: code,
        status: results.status,
        passed,
        failed: results.tests.length - passed,
        total: results.tests.length,
        points: results.points,
        maxPoints: results.max_points,
        durationMs: results.duration_ms,
        results,
      });
      return { run, results };
    },

    'drafts.save': ({ exerciseId, files, cursor }) => {
      const ex = load(exerciseId);
      const savedAt = progress.saveDraft(exerciseId, { ...currentEditable(ex), ...editableOnly(ex, files) }, cursor);
      return { savedAt };
    },

    'drafts.reset': ({ exerciseId }) => {
      const ex = load(exerciseId);
      const historyId = progress.replaceDraft(exerciseId, { ...ex.starter }, 'reset');
      return { files: workspaceFiles(ex, ex.starter), historyId };
    },

    'hints.unlock': ({ exerciseId, index, lang }) => {
      const ex = load(exerciseId);
      const hints = ex.manifest.hints;
      if (index >= hints.length) throw new ApiError('NOT_FOUND', `Exercise "${exerciseId}" has ${hints.length} hints; there is no hint ${index + 1}.`);
      const unlocked = progress.hintUnlocks(exerciseId);
      const existing = unlocked.find((u) => u.index === index);
      if (existing) return { index, text: hints[index][lang], unlockedAt: existing.unlockedAt };
      if (index !== unlocked.length) {
        throw new ApiError('HINT_LOCKED', `Hints open one at a time: unlock hint ${unlocked.length + 1} first.`);
      }
      const at = new Date().toISOString();
      progress.unlockHint(exerciseId, index, at);
      return { index, text: hints[index][lang], unlockedAt: at };
    },

    'runs.list': ({ exerciseId }) => ({ runs: progress.listRuns(exerciseId) }),

    'runs.get': ({ runId }) => {
      const { summary, files, results } = runView(runId);
      const ex = load(summary.exerciseId);
      return { run: summary, files: workspaceFiles(ex, { ...ex.starter, ...pick(files, ex.manifest.editable) }), results };
    },

    'runs.restore': ({ runId }) => {
      const { summary, files } = runView(runId);
      const ex = load(summary.exerciseId);
      const code = { ...ex.starter, ...pick(files, ex.manifest.editable) };
      const historyId = progress.replaceDraft(ex.manifest.id, code, 'restore');
      return { files: workspaceFiles(ex, code), historyId };
    },
  };
}

function pick(files: FileMap, names: readonly string[]): FileMap {
  const out: FileMap = {};
  for (const n of names) if (typeof files[n] === 'string') out[n] = files[n];
  return out;
}

/** The engine's shared sandboxed runner (one per engine, also behind runner.run), started on first use. */
function defaultRunner(ctx: EngineContext): RunTests & { warmUp(id: string): void } {
  const run = async ({ exerciseId, files }: { exerciseId: string; files: FileMap }) => {
    try {
      return await engineRunner(ctx).run({ exerciseId, files, suites: 'visible', owner: studentOwner(ctx) });
    } catch (err) {
      if (err instanceof RunnerInputError) throw new ApiError(err.code, err.message);
      throw err;
    }
  };
  return Object.assign(run, {
    warmUp(id: string) {
      // Opening an exercise prepares its bundles and a sandbox, so the first Run is quick.
      engineRunner(ctx).warmUp(id).catch(() => undefined);
    },
  });
}
