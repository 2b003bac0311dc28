// `npm run student-build -- --out <dir> [--exercises <dir>]`: writes what an installed app ships of
// every exercise (the starter, read-only files, visible suites and their support files, and a
// manifest that names no hidden suite) into <dir>/<id>/, through the one studentBuild() definition.
// Packaging (scripts/package.mjs) runs it before electron-builder.
import path from 'node:path';
import { writeStudentBuilds } from '../engine/content/loadExercise';
import { argsOrExitCode, parseOptions, UsageError } from './args';

const USAGE = 'usage: npm run student-build -- --out <dir> [--exercises exercises]';

function main(argv: string[]): number {
  const parsed = argsOrExitCode('student-build', USAGE, () => {
    const { flags } = parseOptions(argv, { values: ['out', 'exercises'] });
    if (!flags.out) throw new UsageError('--out is required');
    return { out: path.resolve(flags.out), exercises: path.resolve(flags.exercises ?? 'exercises') };
  });
  if ('exitCode' in parsed) return parsed.exitCode;
  try {
    const ids = writeStudentBuilds(parsed.args.exercises, parsed.args.out);
    console.log(`student build of ${ids.length} exercises → ${path.relative(process.cwd(), parsed.args.out) || '.'}`);
    return 0;
  } catch (error) {
    console.error(`student-build: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exit(main(process.argv.slice(2)));
