// `npm run validate-content [-- --lessons <dir>] [--exercises <dir>]`: validates every lesson, quiz
// and exercise package, prints each problem with its file,
// question and field, and exits 1 if there is any. For course authors and CI.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExercise } from '../engine/content/loadExercise';
import { readonlySourceProblems } from '../engine/content/readonlySources';
import { listLessons, loadQuiz, validateLessons } from '../engine/content/loadLessons';

/** The engine's sources, which exercises' read-only copies are checked against. */
const ENGINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../engine');

function parseArgs(argv: string[]): { lessons: string; exercises: string; engine: string } {
  const cwd = process.cwd();
  const options = { lessons: path.join(cwd, 'content/lessons'), exercises: path.join(cwd, 'exercises'), engine: ENGINE_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lessons' || arg === '--exercises') {
      const value = argv[++i];
      if (!value) usage(`${arg} needs a folder`);
      options[arg === '--lessons' ? 'lessons' : 'exercises'] = path.resolve(cwd, value);
    } else if (arg === '-h' || arg === '--help') {
      usage();
    } else {
      usage(`unknown argument ${arg}`);
    }
  }
  return options;
}

function usage(error?: string): never {
  if (error) console.error(`validate-content: ${error}`);
  console.log('usage: npm run validate-content [-- --lessons content/lessons] [--exercises exercises]');
  process.exit(error ? 2 : 0);
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  const rel = (p: string) => {
    const r = path.relative(process.cwd(), p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  const problems: string[] = [];

  console.log(`Lessons in ${rel(options.lessons)}`);
  const lessonErrors = validateLessons(options.lessons);
  for (const error of lessonErrors) problems.push(...error.problems.map((p) => `${rel(path.join(options.lessons, error.file))}: ${p}`));
  if (lessonErrors.length === 0) {
    for (const lesson of listLessons(options.lessons)) {
      const quizzes = lesson.quizLangs.map((lang) => `${lang} ${loadQuiz(options.lessons, lesson.id, lang).questions.length} questions`);
      console.log(`  ok  ${lesson.id}${quizzes.length ? ` (quiz: ${quizzes.join(', ')})` : ' (no quiz)'}`);
    }
  }

  if (existsSync(options.exercises)) {
    console.log(`Exercises in ${rel(options.exercises)}`);
    const ids = readdirSync(options.exercises, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(options.exercises, d.name, 'exercise.json')))
      .map((d) => d.name)
      .sort();
    for (const id of ids) {
      try {
        const exercise = loadExercise(options.exercises, id);
        const copies = readonlySourceProblems(exercise, options.engine);
        problems.push(...copies.map((problem) => `${rel(path.join(options.exercises, id))}/${problem}`));
        if (copies.length === 0) console.log(`  ok  ${id}`);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
  }

  if (problems.length === 0) {
    console.log('All content is valid.');
    return 0;
  }
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`  ${problem}`);
  return 1;
}

try {
  process.exit(main());
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
