// Highlights code blocks with shiki in the engine, once per block (cached by the caller), so the lesson
// page never loads a highlighter: the five languages the course uses, GitHub's light and dark themes,
// and shiki's Oniguruma engine (WebAssembly, inlined in the package: nothing is fetched). Node only.
import type { HighlighterCore } from 'shiki/core';
import { CODE_LANGUAGES } from '../common/codeLanguages';
import type { HighlightedCode } from '../common/highlightedCode';
import { toHighlightedCode, type ShikiToken } from './codeTokens';

const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Changes when what a block highlights to may change (grammars, themes, the form): part of every cache key. */
export const HIGHLIGHT_FORMAT = 'shiki4-github-light-dark-1';

/** The grammar for a language name a fence may use (common/codeLanguages.ts); null: it stays plain. */
export function grammarFor(lang: string): string | null {
  return CODE_LANGUAGES[lang.toLowerCase()]?.grammar ?? null;
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
