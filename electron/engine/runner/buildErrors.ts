// Build errors as phrases (common/phrase.ts), worded in the reader's language: the compiler's
// (esbuild's) common messages are recognised and worded in our own words, the runner's own import
// rules travel as codes (a plugin error's `detail`), and anything else is shown as the compiler's
// own text, framed as such. The compiler's full English output stays the result's `message`.
// Pure: no esbuild import, only the plain fields of its messages.
import { phrase, type Phrase, type PhraseArg } from '../common/phrase';
import { isTestWordKey, wordPhrase } from '../common/testWords';

/** One compiler error, as the bundler saw it. */
export interface CompilerError {
  /** The compiler's own (English) text. */
  text: string;
  /** What a plugin attached: a phrase for the runner's own rules. */
  detail?: unknown;
  /** 'OrderAggregate.ts:3:10', or null when the error has no place. */
  place: string | null;
  /** The offending line and a caret under the column, or null. */
  code: string | null;
}

/** esbuild's messages we word, by their text (esbuild 0.2x; an unknown text falls back to the compiler's own). */
const COMPILER_TEXTS: Array<[RegExp, (m: RegExpExecArray) => Phrase]> = [
  [/^Unexpected end of file$/, () => phrase('buildUnexpectedEnd')],
  [/^Unexpected (".*")$/, (m) => phrase('buildUnexpected', { token: m[1]! })],
  [/^Expected identifier but found (".*")$/, (m) => phrase('buildExpectedName', { found: m[1]! })],
  [/^Expected (".*") to terminate multi-line comment$/, () => phrase('buildUnterminatedComment')],
  [/^Expected (".*") but found (".*")$/, (m) => phrase('buildExpected', { expected: m[1]!, found: m[2]! })],
  [/^Unterminated string literal$/, () => phrase('buildUnterminatedString')],
  [/^Unterminated template literal$/, () => phrase('buildUnterminatedTemplate')],
  [/^Unterminated regular expression$/, () => phrase('buildUnterminatedRegex')],
  [/^The symbol (".*") has already been declared$/, (m) => phrase('buildDeclaredTwice', { name: m[1]! })],
  [/^Multiple exports with the same name (".*")$/, (m) => phrase('buildExportedTwice', { name: m[1]! })],
  [/^No matching export in (".*") for import (".*")$/, (m) => phrase('buildNoSuchExport', { module: moduleName(m[1]!), name: m[2]! })],
  [/^"await" can only be used inside an "async" function$/, () => phrase('buildAwaitOutsideAsync')],
  [/^Cannot assign to (".*") because it is a constant$/, (m) => phrase('buildAssignConstant', { name: m[1]! })],
  [/^Invalid assignment target$/, () => phrase('buildInvalidAssignment')],
  [/^Could not resolve (".*")$/, (m) => phrase('buildCannotResolve', { module: m[1]! })],
];

/** '"workspace:events.ts"' → '"events.ts"': the module as the student knows it. */
function moduleName(quoted: string): string {
  return quoted.replace(/^"(?:workspace|tests|rg-link):/, '"');
}

/** A phrase the runner attached to its own error (an import rule), if it is one. */
function rulePhrase(detail: unknown): Phrase | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const key = (detail as { key?: unknown }).key;
  return typeof key === 'string' && isTestWordKey(key) ? (detail as Phrase) : null;
}

/** What one error says, as a phrase: the runner's rule, a worded compiler message, or the compiler's text. */
export function compilerMessagePhrase(text: string, detail?: unknown): Phrase {
  const rule = rulePhrase(detail);
  if (rule) return rule;
  for (const [pattern, make] of COMPILER_TEXTS) {
    const m = pattern.exec(text);
    if (m) return make(m);
  }
  return phrase('compilerSays', { text });
}

/** The whole build failure: "The code does not build:" and each error with its place and line. */
export function buildFailurePhrase(errors: readonly CompilerError[]): Phrase {
  const items = errors.map((e) => {
    const what = compilerMessagePhrase(e.text, e.detail);
    const args: { [name: string]: PhraseArg } = { what };
    if (e.place) args.place = e.place;
    if (e.code) args.code = e.code;
    return phrase(e.place && e.code ? 'buildErrorAt' : e.place ? 'buildErrorAtPlace' : 'buildErrorNoPlace', args);
  });
  return phrase('buildFailedList', { errors: items });
}

/**
 * A resolver's refusal for esbuild: the English text (the compiler output's line) from the phrase,
 * and the phrase itself as `detail`, so the failure is worded in the reader's language.
 */
export function ruleError(rule: Phrase): { errors: Array<{ text: string; detail: Phrase }> } {
  return { errors: [{ text: wordPhrase(rule, 'en') ?? rule.key, detail: rule }] };
}
