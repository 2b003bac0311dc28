// Handlers for submission.* (the student's hand-in) and grading.* (the instructor's grading jobs).
// A grading job runs in the engine process; its progress is pushed on 'grading.progress'.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { ApiError } from '../errors';
import { z } from 'zod';
import { GradingRun, HandInRecord, HandInStudent } from '../methods/grading';
import { readPastGrading } from '../../grading/pastGrading';
import { GRADED_STATUSES } from '../../common/gradebook';
import {
  buildSubmission,
  createSandboxGradingRunner,
  hashExerciseFolder,
  runGradingJob,
  serializeSubmission,
  type Gradebook,
  type GradingRunner,
  type HandInExercise,
  type QuizAttempt,
  type SubmittedRun,
} from '../../grading';
import { createExercisesProgress } from '../../progress/exercisesProgress';
import { engineRunner } from '../engineRunner';
import { profileScoped } from '../../profiles';
import { openQuizAttempts, type QuizAttemptsRepo } from '../../quiz';
import { ExerciseContentError, hasExercise, loadStudentExercise } from '../../content/loadExercise';
import { handInFileName } from '../../grading/handIn';
import { writeSubmissionAs } from '../../grading/submissionFile';

export const STUDENT_SETTING = 'handin.student';
/** The profile's hand-ins per exercise (where, when, which version), so a second click is never a silent duplicate. */
export const HANDIN_HISTORY_SETTING = 'handin.history';
const HandInHistory = z.record(z.string(), z.array(HandInRecord));
const MAX_JOBS_KEPT = 5;
/** Past gradings of this machine, newest first (the reports stay in their folders; this is the index). */
export const GRADING_HISTORY_SETTING = 'grading.history';
const MAX_RUNS_REMEMBERED = 50;

interface Job {
  id: string;
  startedAt: string;
  exercise: string | null;
  lang: 'en' | 'ru';
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  inputDir: string;
  outDir: string;
  error: string | null;
  files: string[];
  gradebook: Gradebook | null;
  code: Map<string, () => Record<string, string>>;
}

export interface GradingDeps {
  runner?: GradingRunner;
}

export function createGradingHandlers(ctx: EngineContext, deps: GradingDeps = {}): HandlerGroup<'submission.'> & HandlerGroup<'grading.'> {
  const exercisesRoot = path.join(ctx.resourcesDir, 'exercises');
  const progress = profileScoped(ctx, createExercisesProgress);
  const attempts = profileScoped(ctx, openQuizAttempts);
  const jobs = new Map<string, Job>();
  let runner: GradingRunner | undefined = deps.runner;
  const getRunner = () => {
    if (!runner) {
      runner = createSandboxGradingRunner({ runner: engineRunner(ctx) });
      ctx.onClose(() => runner?.close?.());
    }
    return runner;
  };

  /** The active profile's name and student id; the setting an older version remembered otherwise. */
  function rememberedStudent() {
    const profile = ctx.profiles?.active();
    if (profile?.name && profile.studentId) return { name: profile.name, id: profile.studentId };
    const parsed = HandInStudent.safeParse(ctx.progress.getSetting(STUDENT_SETTING));
    return parsed.success ? parsed.data : null;
  }

  /** A name or id typed in the hand-in dialog becomes the profile's, so the next hand-in knows it. */
  function rememberStudent(student: { name: string; id: string }) {
    ctx.progress.setSetting(STUDENT_SETTING, student);
    const profile = ctx.profiles?.active();
    if (profile && (profile.name !== student.name || profile.studentId !== student.id)) {
      try {
        ctx.profiles?.update(profile.id, { name: student.name, studentId: student.id });
      } catch {
        // Another profile already has that name: the file still carries what was typed.
      }
    }
  }

  /** The profile's own handins folder; null when the engine keeps no data folder (tests in memory). */
  function defaultHandInFolder(): string | null {
    if (ctx.dataDir === ':memory:') return null;
    return path.join(ctx.profiles?.folderOf() ?? ctx.dataDir, 'handins');
  }

  function handInHistory(): z.infer<typeof HandInHistory> {
    const parsed = HandInHistory.safeParse(ctx.progress.getSetting(HANDIN_HISTORY_SETTING));
    return parsed.success ? parsed.data : {};
  }

  /** This profile's hand-ins of an exercise, oldest first. */
  function handInsOf(exerciseId: string) {
    return handInHistory()[exerciseId] ?? [];
  }

  function recordHandIn(exerciseId: string, record: z.infer<typeof HandInRecord>): void {
    const all = handInHistory();
    ctx.progress.setSetting(HANDIN_HISTORY_SETTING, { ...all, [exerciseId]: [...(all[exerciseId] ?? []), record] });
  }

  function getJob(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', `No grading job ${jobId}: open it again from the list of past gradings.`);
    return job;
  }

  function keep(job: Job): void {
    jobs.set(job.id, job);
    for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - MAX_JOBS_KEPT))) {
      if (jobs.get(old)?.state !== 'running') jobs.delete(old);
    }
  }

  const machine = () => ctx.machine ?? ctx.progress;
  function pastRuns(): GradingRun[] {
    const parsed = z.array(GradingRun).safeParse(machine().getSetting(GRADING_HISTORY_SETTING));
    return parsed.success ? parsed.data : [];
  }
  function asRun(job: Job): GradingRun {
    const entries = job.gradebook?.entries ?? [];
    return {
      id: job.id,
      at: job.startedAt,
      inputDir: job.inputDir,
      outDir: job.outDir,
      exercise: job.exercise,
      lang: job.lang,
      state: job.state,
      found: entries.length,
      graded: entries.filter((e) => GRADED_STATUSES.has(e.status)).length,
      error: job.error,
    };
  }
  /** A finished grading joins the machine's list, so it can be opened after a reload or a restart. */
  function remember(job: Job): void {
    const runs = [asRun(job), ...pastRuns().filter((r) => r.id !== job.id)].slice(0, MAX_RUNS_REMEMBERED);
    machine().setSetting(GRADING_HISTORY_SETTING, runs);
  }

  return {
    'submission.student': () => ({ student: rememberedStudent() }),

    'submission.preview': ({ exerciseId, lang, studentId }) => {
      const exercise = handInExercise(exercisesRoot, exerciseId);
      const draft = progress.getDraft(exerciseId)?.files ?? null;
      const runs = progress.listRuns(exerciseId, 5000);
      const score = (r: (typeof runs)[number]) => ({ at: r.startedAt, points: r.points, maxPoints: r.maxPoints, passed: r.passed, total: r.total });
      const best = runs.reduce<(typeof runs)[number] | null>((b, r) => (!b || r.points > b.points ? r : b), null);
      const who = rememberedStudent();
      const handIns = handInsOf(exerciseId);
      const version = (handIns.at(-1)?.version ?? 0) + 1;
      return {
        exercise: { id: exercise.id, title: exercise.title[lang] },
        student: who,
        files: exercise.editable.map((name) => {
          const content = draft?.[name] ?? exercise.starter[name] ?? '';
          return { path: name, lines: content === '' ? 0 : content.split('\n').length, fromStarter: typeof draft?.[name] !== 'string' };
        }),
        lastRun: runs[0] ? score(runs[0]) : null,
        bestRun: best ? score(best) : null,
        runs: runs.length,
        hintsOpened: progress.hintUnlocks(exerciseId).length,
        quizAttempts: quizAttempts(attempts).map((a) => ({ quizId: a.quizId, at: a.at, score: a.score, maxScore: a.maxScore })),
        defaultFolder: defaultHandInFolder(),
        defaultFileName: handInFileName(studentId ?? who?.id ?? 'student', exerciseId, new Date(), version),
        handIns,
      };
    },

    'submission.handIn': ({ exerciseId, student, folder, fileName, target, again, replace }) => {
      const who = student ?? rememberedStudent();
      if (!who) throw new ApiError('STUDENT_REQUIRED', 'Enter your name and student id before handing in.');
      const earlier = handInsOf(exerciseId);
      const last = earlier.at(-1);
      // A second click is never a silent duplicate: handing in again is asked for explicitly.
      if (last && !again) {
        throw new ApiError('ALREADY_HANDED_IN', `"${exerciseId}" was handed in already (version ${last.version}, ${last.at}: ${last.path}).`, undefined, undefined, {
          version: last.version,
          at: last.at,
          path: last.path,
        });
      }
      const exercise = handInExercise(exercisesRoot, exerciseId);
      const version = (last?.version ?? 0) + 1;
      const now = new Date();
      let dir: string | null;
      let chosen: string | undefined = fileName;
      if (target) {
        dir = path.dirname(path.resolve(target));
        chosen = path.basename(target);
      } else {
        dir = folder ? path.resolve(folder) : defaultHandInFolder();
      }
      if (!dir) throw new ApiError('NO_FOLDER', 'Choose a folder for the submission file.');
      const file = path.join(dir, handInFileName(who.id, exerciseId, now, version, chosen));
      const exists = fs.existsSync(file);
      // The native save dialog asked before replacing the very file it named; anything else asks here.
      const mayReplace = replace === true && (!target || path.basename(file) === path.basename(target));
      if (exists && !mayReplace) {
        throw new ApiError('FILE_EXISTS', `${file} exists already.`, undefined, undefined, { path: file });
      }
      if (student) rememberStudent(student);
      const submission = buildSubmission(
        exercise,
        who,
        {
          draftFiles: progress.getDraft(exerciseId)?.files ?? null,
          runs: runHistory(progress, exerciseId),
          hintUnlocks: progress.hintUnlocks(exerciseId).map((h) => ({ index: h.index, at: h.unlockedAt })),
          quizAttempts: quizAttempts(attempts),
        },
        ctx.appVersion,
        now,
      );
      writeSubmissionAs(file, submission);
      recordHandIn(exerciseId, { version, at: submission.createdAt, path: file, checksum: submission.checksum.value });
      return {
        path: file,
        fileName: path.basename(file),
        json: serializeSubmission(submission),
        checksum: submission.checksum.value,
        student: who,
        version,
        replaced: exists,
      };
    },

    'grading.start': ({ inputDir, outDir, exercise, concurrency, hiddenTestsDir, exercisesDir, lang }) => {
      if (!fs.existsSync(path.resolve(inputDir))) {
        throw new ApiError('INPUT_NOT_FOUND', `Input not found: ${path.resolve(inputDir)}`, undefined, undefined, { path: path.resolve(inputDir) });
      }
      const id = randomUUID();
      const out = outDir ? path.resolve(outDir) : path.join(ctx.dataDir === ':memory:' ? os.tmpdir() : ctx.dataDir, 'grading', `${stamp()}-${id.slice(0, 8)}`);
      const job: Job = {
        id, startedAt: new Date().toISOString(), exercise: exercise ?? null, lang: lang ?? 'en', state: 'running', done: 0, total: 0,
        inputDir: path.resolve(inputDir), outDir: out, error: null, files: [], gradebook: null, code: new Map(),
      };
      keep(job);
      void runGradingJob({
        input: job.inputDir,
        outDir: out,
        exercisesRoot: exercisesDir ? path.resolve(exercisesDir) : exercisesRoot,
        runner: getRunner(),
        exercise,
        concurrency: concurrency ?? os.availableParallelism(),
        hiddenTestsDir: hiddenTestsDir ? path.resolve(hiddenTestsDir) : undefined,
        lang,
        // The engine's reference code, when the app runs from source (an installed build ships none of it).
        similarity: { engineDir: path.join(ctx.resourcesDir, 'electron', 'engine') },
        onProgress: (p) => {
          job.done = p.done;
          job.total = p.total;
          ctx.push('grading.progress', { jobId: id, done: p.done, total: p.total, current: p.current });
        },
      }).then(
        (result) => {
          job.gradebook = result.gradebook;
          job.files = result.reports.files;
          job.code = result.code;
          job.state = 'done';
          remember(job);
          ctx.push('grading.progress', { jobId: id, done: job.total, total: job.total });
        },
        (err: unknown) => {
          job.state = 'failed';
          job.error = (err as Error).message;
          remember(job);
          ctx.push('grading.progress', { jobId: id, done: job.done, total: job.total });
        },
      );
      return { jobId: id, outDir: out };
    },

    'grading.result': ({ jobId }) => {
      const job = getJob(jobId);
      return {
        jobId,
        state: job.state,
        done: job.done,
        total: job.total,
        inputDir: job.inputDir,
        outDir: job.outDir,
        error: job.error,
        files: job.files,
        gradebook: job.gradebook,
      };
    },

    'grading.history': () => {
      const running = [...jobs.values()].filter((j) => j.state === 'running').map(asRun);
      return { runs: [...running.reverse(), ...pastRuns().filter((r) => !running.some((x) => x.id === r.id))] };
    },

    'grading.open': ({ runId }) => {
      if (jobs.has(runId)) return { jobId: runId };
      const run = pastRuns().find((r) => r.id === runId);
      if (!run) throw new ApiError('NOT_FOUND', `No past grading ${runId} on this machine.`);
      if (run.state !== 'done') throw new ApiError('NOT_READY', `Grading ${runId} did not finish: ${run.error ?? ''}`);
      const past = readPastGrading(run.inputDir, run.outDir);
      if ('kind' in past) {
        throw new ApiError('GRADING_REPORT_MISSING', `${past.path} cannot be read (${past.reason}).`, undefined, undefined, { path: past.path });
      }
      keep({
        id: run.id, startedAt: run.at, exercise: run.exercise, lang: run.lang, state: 'done', done: past.gradebook.entries.length,
        total: past.gradebook.entries.length, inputDir: run.inputDir, outDir: run.outDir, error: null, files: past.files,
        gradebook: past.gradebook, code: past.code,
      });
      return { jobId: run.id };
    },

    'grading.forget': ({ runId }) => {
      machine().setSetting(GRADING_HISTORY_SETTING, pastRuns().filter((r) => r.id !== runId));
      return { ok: true as const };
    },

    'grading.studentCode': ({ jobId, studentId, exerciseId, source }) => {
      const job = getJob(jobId);
      if (!job.gradebook) throw new ApiError('NOT_READY', 'Grading has not finished yet.');
      const candidates = job.gradebook.entries.filter(
        (e) => e.student_id === studentId && (!exerciseId || e.exercise_id === exerciseId) && (!source || e.source === source),
      );
      // Prefer the graded submission over superseded or ungradable ones.
      const entry = candidates.find((e) => job.code.has(e.source)) ?? candidates[0];
      if (!entry) throw new ApiError('NOT_FOUND', `No submission from "${studentId}" in this grading.`);
      let code: Record<string, string> = {};
      try {
        code = job.code.get(entry.source)?.() ?? {};
      } catch (err) {
        throw new ApiError('NOT_FOUND', `The code of ${entry.source} cannot be shown: ${(err as Error).message}`);
      }
      const files = Object.entries(code).map(([name, content]) => ({ name, content }));
      return { entry, files };
    },
  };
}

/** The exercise as the student's app has it: the student view (a student build ships no solution/). */
function handInExercise(exercisesRoot: string, exerciseId: string): HandInExercise & { title: { en: string; ru: string } } {
  const notFound = new ApiError('NOT_FOUND', `There is no exercise "${exerciseId}".`);
  if (!hasExercise(exercisesRoot, exerciseId)) throw notFound;
  try {
    const { manifest, starter } = loadStudentExercise(exercisesRoot, exerciseId);
    const contentHash = hashExerciseFolder(path.join(exercisesRoot, exerciseId));
    return { id: manifest.id, title: manifest.title, editable: manifest.editable, starter, contentHash };
  } catch (err) {
    if (err instanceof ExerciseContentError && err.fieldPath === '' && err.problems.includes('missing')) throw notFound;
    throw err;
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, '').replace(/[:]/g, '-');
}

function runHistory(progress: ReturnType<typeof createExercisesProgress>, exerciseId: string): SubmittedRun[] {
  return progress
    .listRuns(exerciseId, 5000)
    .reverse()
    .map((r) => ({
      at: r.startedAt,
      codeHash: r.codeSha256,
      status: r.status,
      passed: r.passed,
      failed: r.failed,
      total: r.total,
      points: r.points,
      maxPoints: r.maxPoints,
      durationMs: r.durationMs,
    }));
}

/** Quiz attempts of every lesson, through the quiz feature's own store. */
function quizAttempts(attempts: QuizAttemptsRepo): QuizAttempt[] {
  return attempts.listAll().map((a) => ({
    quizId: a.lessonId,
    at: a.submittedAt,
    score: a.score,
    maxScore: a.maxScore,
    answers: { lang: a.lang, correct: a.correctCount, questions: a.questionCount },
  }));
}
