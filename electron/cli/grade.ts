// `npm run --silent grade -- <input> --out <dir> [--exercise <id>] [--concurrency <n>] [--hidden-tests <dir>]`
// Grades a folder of submissions through the sandboxed runner and writes the gradebook, feedback and
// summary. Exit 0 when grading completed (whatever the students scored); 2 for bad arguments; 1 otherwise.
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../engine/projectRoot';
import { argsOrExitCode, parseOptions, UsageError } from './args';
import { createSandboxGradingRunner, DEFAULT_THRESHOLD, GRADED_STATUSES, runGradingJob, type GradingProgress } from '../engine/grading';

const USAGE =
  'usage: npm run --silent grade -- <input> --out <dir> [--exercise <id>] [--concurrency <n>] [--hidden-tests <dir>] [--exercises <dir>]\n' +
  '       [--lang en|ru] [--similarity-threshold <0..1>] [--no-similarity]';

interface Args {
  input: string;
  out: string;
  exercise?: string;
  concurrency: number;
  hiddenTests?: string;
  exercisesRoot: string;
  lang: 'en' | 'ru';
  similarity: false | { threshold: number };
}

function parseArgs(argv: string[]): Args {
  const { flags, switches, positional } = parseOptions(argv, {
    values: ['out', 'exercise', 'concurrency', 'hidden-tests', 'exercises', 'lang', 'similarity-threshold'],
    switches: ['no-similarity'],
    positional: true,
  });
  if (positional.length !== 1) throw new UsageError('give exactly one input folder');
  if (!flags.out) throw new UsageError('--out <dir> is required');
  const concurrency = flags.concurrency ? Number(flags.concurrency) : os.availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be an integer from 1 to 64');
  const lang = flags.lang ?? 'en';
  if (lang !== 'en' && lang !== 'ru') throw new UsageError('--lang must be en or ru');
  const threshold = flags['similarity-threshold'] === undefined ? DEFAULT_THRESHOLD : Number(flags['similarity-threshold']);
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError('--similarity-threshold must be a number above 0 and at most 1 (e.g. 0.6)');
  return {
    input: path.resolve(positional[0]),
    out: path.resolve(flags.out),
    exercise: flags.exercise,
    concurrency,
    hiddenTests: flags['hidden-tests'] ? path.resolve(flags['hidden-tests']) : undefined,
    exercisesRoot: path.resolve(flags.exercises ?? path.join(projectRoot(), 'exercises')),
    lang,
    similarity: switches.has('no-similarity') ? false : { threshold },
  };
}

function progressPrinter(): (p: GradingProgress) => void {
  const tty = process.stderr.isTTY;
  let last = -1;
  return (p) => {
    if (p.done === last) return;
    last = p.done;
    if (tty) {
      const width = 30;
      const filled = p.total ? Math.round((p.done / p.total) * width) : width;
      const label = (p.current ?? '').slice(0, 40);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} ${label}\u001b[K`);
      if (p.done === p.total) process.stderr.write('\n');
    } else if (p.done > 0) {
      process.stderr.write(`graded ${p.done}/${p.total}${p.current ? ` ${p.current}` : ''}\n`);
    }
  };
}

async function main(): Promise<number> {
  const parsed = argsOrExitCode('grade', USAGE, () => parseArgs(process.argv.slice(2)));
  if (!('args' in parsed)) return parsed.exitCode;
  const { args } = parsed;
  const started = performance.now();
  const runner = createSandboxGradingRunner({ poolSize: args.concurrency });
  try {
    const { gradebook, reports, timings } = await runGradingJob({
      input: args.input,
      outDir: args.out,
      exercisesRoot: args.exercisesRoot,
      runner,
      exercise: args.exercise,
      concurrency: args.concurrency,
      hiddenTestsDir: args.hiddenTests,
      onProgress: progressPrinter(),
      lang: args.lang,
      similarity: args.similarity && { ...args.similarity, engineDir: path.join(projectRoot(), 'electron', 'engine') },
    });
    const entries = gradebook.entries;
    // Where a run's time goes (wall ms per run, runs overlapping at the concurrency) and this process's own CPU.
    const stats = runner.stats();
    const perRun = (ms: number) => (stats.runs ? ms / stats.runs : 0).toFixed(1);
    const cpu = process.cpuUsage();
    const runnerLine =
      `  per run (mean of ${stats.runs}): bundle ${perRun(stats.phasesMs.bundle)} ms, wait for a sandbox ${perRun(stats.phasesMs.wait)} ms, ` +
      `sandbox ${perRun(stats.phasesMs.sandbox)} ms, results ${perRun(stats.phasesMs.assemble)} ms; ` +
      `sandbox processes started ${stats.processes.started + stats.processes.fresh}; grader CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`;
    const graded = entries.filter((e) => GRADED_STATUSES.has(e.status));
    const byStatus = new Map<string, number>();
    for (const e of entries) byStatus.set(e.status, (byStatus.get(e.status) ?? 0) + 1);
    const meanOf = (id: string) => {
      const rows = graded.filter((e) => e.exercise_id === id);
      return rows.length ? rows.reduce((sum, e) => sum + (e.score ?? 0), 0) / rows.length : 0;
    };
    const lines = [
      '',
      `Graded ${graded.length} of ${entries.length} submission(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ...gradebook.exercises.map(
        (x) => `  ${x.id}: mean score ${meanOf(x.id).toFixed(2)} of ${x.max_score}${x.reference_ok ? '' : ' (the reference solution does not pass every test!)'}`,
      ),
      `  by status: ${[...byStatus].sort().map(([s, n]) => `${s} ${n}`).join(', ')}`,
      `  time by phase: ${Object.entries(timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`).join(', ')}`,
      runnerLine,
      ...gradebook.problems.map((p) => `  problem: ${p}`),
      ...(gradebook.similarity
        ? [`  similarity: ${gradebook.similarity.pairs_over_threshold} pair(s) at or above ${Math.round(gradebook.similarity.threshold * 100)}% (similarity.html)`]
        : []),
      `Reports in ${reports.outDir}: gradebook.csv, gradebook-wide.csv (and ;-separated copies for Excel), gradebook.json, summary.html${gradebook.similarity ? ', similarity.html' : ''}, feedback/ (${reports.files.filter((f) => f.startsWith('feedback/')).length} files)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`grade: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await runner.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`grade: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
