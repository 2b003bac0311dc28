// Mutants (deliberately wrong solutions) are stored as named patches against the reference solution,
// `mutants/<name>.patch`: a few changed lines instead of a full copy of the solution per mistake.
// This module writes such a patch and applies it back; a patch that no longer applies (because the
// solution changed under it) is an error that names the mutant, the file and the hunk, never a
// silently different mutant.
import { applyPatch, createTwoFilesPatch, parsePatch, type StructuredPatch } from 'diff';

/** File name → content. */
type Files = Record<string, string>;

/** Why a patch could not be read or applied; `mutant` and `file` say which. */
export class MutantPatchError extends Error {
  constructor(
    readonly mutant: string,
    /** The editable file the failing part of the patch targets ('' when the patch as a whole is at fault). */
    readonly file: string,
    readonly problem: string,
  ) {
    super(`mutant ${mutant}${file ? `, ${file}` : ''}: ${problem}`);
    this.name = 'MutantPatchError';
  }
}

const CONTEXT_LINES = 3;

/** "a/OrderAggregate.ts" → "OrderAggregate.ts". */
function targetOf(index: StructuredPatch): string {
  const name = index.oldFileName ?? index.newFileName ?? '';
  return name.replace(/^[ab]\//, '');
}

/**
 * The patch text for a mutant: a free-text description (one or more lines, none starting with
 * '---', '+++' or '@@'), then one unified diff per editable file the mutant changes.
 */
export function createMutantPatch(description: string, solution: Files, mutant: Files): string {
  const parts: string[] = [];
  for (const file of Object.keys(solution).sort()) {
    const changed = mutant[file];
    if (changed === undefined || changed === solution[file]) continue;
    const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, solution[file]!, changed, undefined, undefined, { context: CONTEXT_LINES });
    // jsdiff starts each file with a line of '='; the ---/+++ header is all a reader (or `git apply`) needs.
    parts.push(patch.replace(/^=+\n/, ''));
  }
  const text = description
    .trim()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
  return `${text}\n${parts.join('')}`;
}

/** The description at the top of a patch (the lines before the first file header). */
export function mutantDescription(patchText: string): string {
  const lines = patchText.split('\n');
  const end = lines.findIndex((line) => /^(---|\+\+\+|@@)\s/.test(line));
  return lines
    .slice(0, end < 0 ? lines.length : end)
    .join('\n')
    .trim();
}

/**
 * The mutant's editable files: the solution with the patch applied. Files the patch does not touch
 * stay as in the solution. Throws MutantPatchError when the patch names a file that is not editable,
 * changes nothing, or no longer applies to the solution.
 */
export function applyMutantPatch(name: string, patchText: string, solution: Files): Files {
  let indexes: StructuredPatch[];
  try {
    indexes = parsePatch(patchText);
  } catch (error) {
    throw new MutantPatchError(name, '', `not a unified diff: ${(error as Error).message}`);
  }
  const withHunks = indexes.filter((index) => index.hunks.length > 0);
  if (withHunks.length === 0) throw new MutantPatchError(name, '', 'the patch changes nothing (no hunks)');

  const files: Files = { ...solution };
  const seen = new Set<string>();
  for (const index of withHunks) {
    const file = targetOf(index);
    if (!(file in solution)) {
      throw new MutantPatchError(name, file, `the patch targets a file that is not editable (editable: ${Object.keys(solution).join(', ')})`);
    }
    if (seen.has(file)) throw new MutantPatchError(name, file, 'the patch changes this file twice');
    seen.add(file);
    const patched = applyPatch(solution[file]!, index);
    if (patched === false) throw new MutantPatchError(name, file, `${describeFailingHunk(solution[file]!, index)}; rebase the mutant on the current solution`);
    files[file] = patched;
  }
  return files;
}

/** Which hunk of a patch that does not apply is at fault, e.g. "the hunk at line 153 no longer matches". */
function describeFailingHunk(source: string, index: StructuredPatch): string {
  for (const hunk of index.hunks) {
    if (applyPatch(source, { ...index, hunks: [hunk] }) === false) {
      return `the hunk at line ${hunk.oldStart} (${hunk.oldLines} lines) no longer matches the solution`;
    }
  }
  return 'the hunks no longer apply together to the solution';
}
