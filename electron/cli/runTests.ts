// `npm run --silent run-tests -- --exercise <id> --dir <folder> [--hidden] [--json] [--exercises <dir>]`
// Runs an exercise's test suites (visible; with --hidden, the hidden ones too) against the editable
// files found in <folder>, in the sandbox, and prints the results (results.json with --json).
// Exit 0 whenever the runner ran, whatever the tests said; 2 for bad arguments; 1 when the runner
// itself could not run.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../engine/projectRoot';
import { argsOrExitCode, parseOptions, UsageError } from './args';
import { createRunner, loadRunnerExercise, readEditableFiles, type RunResult } from '../engine/runner';

const USAGE = 'usage: npm run --silent run-tests -- --exercise <id> --dir <folder> [--hidden] [--json] [--exercises <dir>]';

interface Args {
  exercise: string;
  dir: string;
  hidden: boolean;
  json: boolean;
  exercisesDir: string;
}

function parseArgs(argv: string[]): Args {
  const { flags, switches } = parseOptions(argv, { values: ['exercise', 'dir', 'exercises'], switches: ['hidden', 'json'] });
  if (!flags.exercise) throw new UsageError('--exercise <id> is required');
  if (!flags.dir) throw new UsageError('--dir <folder> is required');
  return {
    exercise: flags.exercise,
    dir: path.resolve(flags.dir),
    hidden: switches.has('hidden'),
    json: switches.has('json'),
    exercisesDir: path.resolve(flags.exercises ?? path.join(projectRoot(), 'exercises')),
  };
}

function printHuman(result: RunResult): void {
  const out: string[] = [];
  let suite = '';
  for (const t of result.tests) {
    if (t.suite !== suite) {
      suite = t.suite;
      out.push(`\n${suite}${t.visibility === 'hidden' ? ' (hidden)' : ''}`);
    }
    const mark = t.status === 'pass' ? '✓' : t.status === 'fail' ? '✗' : '!';
    out.push(`  ${mark} ${t.name} (${t.duration_ms.toFixed(1)} ms)`);
    if (t.status !== 'pass' && t.message) out.push(...t.message.split('\n').map((l) => `      ${l}`));
    if (t.status !== 'pass' && t.expected_error_code !== undefined) {
      out.push(`      error code: expected ${t.expected_error_code ?? 'none'}, got ${t.actual_error_code ?? 'none'}`);
    }
    if (t.status !== 'pass' && Array.isArray(t.expected_events)) {
      const types = (events: unknown) => (Array.isArray(events) ? events.map((e) => (e as { type?: unknown })?.type ?? '?').join(', ') || 'none' : '?');
      out.push(`      events: expected [${types(t.expected_events)}], got [${types(t.actual_events)}]`);
    }
    if (t.output) out.push(...t.output.trimEnd().split('\n').slice(0, 20).map((l) => `      | ${l}`));
  }
  for (const s of result.suites) {
    if (s.output) out.push(`\n${s.id}, outside any test:`, ...s.output.trimEnd().split('\n').slice(0, 20).map((l) => `  | ${l}`));
    if (s.status === 'error') out.push(`\n! ${s.id}: ${s.message}`);
  }
  if (result.status === 'error' && result.message) {
    const at = result.location ? ` (${result.location.file}:${result.location.line}:${result.location.column})` : '';
    out.push(`\nerror${at}: ${result.message}`);
  }
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  out.push(`\n${result.status.toUpperCase()}: ${passed}/${result.tests.length} tests passed, ${result.points}/${result.max_points} points, ${result.duration_ms} ms`);
  process.stdout.write(out.join('\n').replace(/^\n/, '') + '\n');
}

async function main(): Promise<number> {
  const parsed = argsOrExitCode('run-tests', USAGE, () => parseArgs(process.argv.slice(2)));
  if (!('args' in parsed)) return parsed.exitCode;
  const { args } = parsed;
  if (!fs.existsSync(args.dir) || !fs.statSync(args.dir).isDirectory()) {
    process.stderr.write(`run-tests: ${args.dir} is not a folder\n`);
    return 2;
  }
  const runner = createRunner({ exercisesDir: args.exercisesDir, warm: 0 });
  try {
    const exercise = loadRunnerExercise(args.exercisesDir, args.exercise);
    const files = readEditableFiles(exercise, args.dir);
    const result = await runner.run({ exerciseId: args.exercise, files, suites: args.hidden ? 'all' : 'visible' });
    if (args.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else printHuman(result);
    return 0;
  } catch (err) {
    process.stderr.write(`run-tests: the runner could not run: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await runner.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`run-tests: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
