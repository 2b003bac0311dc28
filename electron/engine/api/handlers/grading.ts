// Handlers for submission.* (the student's hand-in) and grading.* (the instructor's grading jobs).
// A grading job runs in the engine process; its progress is pushed on 'grading.progress'.
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { ApiError } from '../errors';
import { HandInStudent } from '../methods/grading';
import {
  buildSubmission,
  createSandboxGradingRunner,
  handIn,
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

export const STUDENT_SETTING = 'handin.student';
const MAX_JOBS_KEPT = 5;

interface Job {
  id: string;
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

  function getJob(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', `No grading job ${jobId} (jobs are kept until the app restarts).`);
    return job;
  }

  return {
    'submission.student': () => ({ student: rememberedStudent() }),

    'submission.handIn': ({ exerciseId, student, folder, fileName }) => {
      const who = student ?? rememberedStudent();
      if (!who) throw new ApiError('STUDENT_REQUIRED', 'Enter your name and student id before handing in.');
      if (student) rememberStudent(student);
      const exercise = handInExercise(exercisesRoot, exerciseId);
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
      );
      const target = folder ? path.resolve(folder) : path.join(ctx.profiles?.folderOf() ?? ctx.dataDir, 'handins');
      if (ctx.dataDir === ':memory:' && !folder) throw new ApiError('NO_FOLDER', 'Choose a folder for the submission file.');
      const file = handIn(target, submission, fileName);
      return { path: file, fileName: path.basename(file), json: serializeSubmission(submission), checksum: submission.checksum.value, student: who };
    },

    'grading.start': ({ inputDir, outDir, exercise, concurrency, hiddenTestsDir, exercisesDir, lang }) => {
      const id = randomUUID();
      const out = outDir ? path.resolve(outDir) : path.join(ctx.dataDir === ':memory:' ? os.tmpdir() : ctx.dataDir, 'grading', `${stamp()}-${id.slice(0, 8)}`);
      const job: Job = { id, state: 'running', done: 0, total: 0, inputDir: path.resolve(inputDir), outDir: out, error: null, files: [], gradebook: null, code: new Map() };
      jobs.set(id, job);
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - MAX_JOBS_KEPT))) jobs.delete(old);
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
          ctx.push('grading.progress', { jobId: id, done: job.total, total: job.total });
        },
        (err: unknown) => {
          job.state = 'failed';
          job.error = (err as Error).message;
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
function handInExercise(exercisesRoot: string, exerciseId: string): HandInExercise {
  const notFound = new ApiError('NOT_FOUND', `There is no exercise "${exerciseId}".`);
  if (!hasExercise(exercisesRoot, exerciseId)) throw notFound;
  try {
    const { manifest, starter } = loadStudentExercise(exercisesRoot, exerciseId);
    const contentHash = hashExerciseFolder(path.join(exercisesRoot, exerciseId));
    return { id: manifest.id, editable: manifest.editable, starter, contentHash };
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
