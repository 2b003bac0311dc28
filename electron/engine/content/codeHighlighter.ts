// Highlights code blocks with shiki in the engine, once per block (cached by the caller), so the lesson
// page never loads a highlighter: the five languages the course uses, GitHub's light and dark themes,
// and shiki's Oniguruma engine (WebAssembly, inlined in the package: nothing is fetched). Node only.
import type { HighlighterCore } from 'shiki/core';
import type { HighlightedCode } from '../common/highlightedCode';
import { toHighlightedCode, type ShikiToken } from './codeTokens';

/** The grammar for each language name a fence may use; other languages stay plain. */
const GRAMMARS: Record<string, string> = {
  ts: 'typescript', typescript: 'typescript', tsx: 'typescript', js: 'typescript', javascript: 'typescript',
  py: 'python', python: 'python', json: 'json', jsonc: 'json', sql: 'sql',
  sh: 'shellscript', shell: 'shellscript', bash: 'shellscript', zsh: 'shellscript', console: 'shellscript', shellscript: 'shellscript',
};
const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Changes when what a block highlights to may change (grammars, themes, the form): part of every cache key. */
export const HIGHLIGHT_FORMAT = 'shiki4-github-light-dark-1';

export function grammarFor(lang: string): string | null {
  return GRAMMARS[lang.toLowerCase()] ?? null;
}

let highlighter: Promise<HighlighterCore> | null = null;

function load(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createOnigurumaEngine }] = await Promise.all([import('shiki/core'), import('shiki/engine/oniguruma')]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
      langs: [
        import('shiki/langs/typescript.mjs'),
        import('shiki/langs/python.mjs'),
        import('shiki/langs/json.mjs'),
        import('shiki/langs/sql.mjs'),
        import('shiki/langs/shellscript.mjs'),
      ],
      engine: createOnigurumaEngine(import('shiki/wasm')),
    });
  })();
  return highlighter;
}

/** The block highlighted for both themes; null when its language has no bundled grammar. */
export async function highlightCode(lang: string, code: string): Promise<HighlightedCode | null> {
  const grammar = grammarFor(lang);
  if (!grammar) return null;
  const hl = await load();
  // No time limit per line (shiki's default is 500 ms): on a busy machine the first, cold pass can take
  // longer, and the limit then leaves the rest of the line, and the grammar's state after it, uncoloured.
  // The result is cached, so a cut-short pass would stay wrong.
  const { tokens } = hl.codeToTokens(code, { lang: grammar, themes: THEMES, defaultColor: false, tokenizeTimeLimit: 0 });
  const fallback = { light: hl.getTheme(THEMES.light).fg, dark: hl.getTheme(THEMES.dark).fg };
  return toHighlightedCode(lang, code, tokens as ShikiToken[][], fallback);
}
