// Whether a mutant changes the solution's code, not just its comments, blank lines or types: both
// sides are compiled the way the sandbox compiles them (esbuild drops comments and types and prints
// the code in one layout), and the outputs compared file by file.
import { transformSync } from 'esbuild';

/** The code of a TypeScript file as the sandbox would run it: no comments, no types, one layout. */
export function compiledCode(source: string): string {
  return transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022', legalComments: 'none' }).code;
}

/** The editable files whose compiled code differs between the solution and the mutant. */
export function filesWithChangedCode(solution: Record<string, string>, mutant: Record<string, string>): string[] {
  return Object.keys(solution)
    .sort()
    .filter((file) => mutant[file] !== undefined && compiledCode(mutant[file]!) !== compiledCode(solution[file]!));
}
