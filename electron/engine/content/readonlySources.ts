// An exercise's read-only files that copy an engine module (the order events, the value checks, the
// clock) name that module in the manifest's `readonlySources`, and this check keeps the copy true to
// it: the code must be the same, token for token (comments may be worded for the exercise). Used by
// `npm run validate-content` and the content tests, never at run time (it needs the TypeScript compiler).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { LoadedExercise } from './loadExercise';

/** The code of a TypeScript file without its comments, printed in one layout (types kept). */
export function codeWithoutComments(source: string, fileName = 'file.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed }).printFile(file);
}

/** What is wrong with an exercise's declared read-only copies ([] when every copy matches its engine source). */
export function readonlySourceProblems(exercise: LoadedExercise, engineDir: string): string[] {
  const problems: string[] = [];
  for (const [name, source] of Object.entries(exercise.manifest.readonlySources ?? {})) {
    const engineFile = path.join(engineDir, source);
    const shown = `readonly/${name}`;
    if (!existsSync(engineFile)) {
      problems.push(`${shown}: its source electron/engine/${source} does not exist`);
      continue;
    }
    const copy = codeWithoutComments(exercise.readonly[name] ?? '', name).split('\n');
    const original = codeWithoutComments(readFileSync(engineFile, 'utf8'), source).split('\n');
    const line = copy.findIndex((text, index) => text !== original[index]);
    if (line >= 0 || copy.length !== original.length) {
      const at = line >= 0 ? line : Math.min(copy.length, original.length);
      problems.push(
        `${shown} no longer has the code of electron/engine/${source} (first difference, comments left out: ` +
          `${JSON.stringify(copy[at] ?? '(end)')} vs ${JSON.stringify(original[at] ?? '(end)')}); copy the engine file again`,
      );
    }
  }
  return problems;
}
