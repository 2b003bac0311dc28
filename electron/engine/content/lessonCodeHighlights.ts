// The highlighted form of every code block in a lesson's Markdown that has a bundled grammar, for the
// lesson page (api method lesson.code). Each block is highlighted once (highlightCache.ts); between
// blocks that had to be highlighted the engine yields, so other requests are served meanwhile.
import type { HighlightedCode } from '../common/highlightedCode';
import { grammarFor, highlightCode, HIGHLIGHT_FORMAT } from './codeHighlighter';
import { createHighlightCache } from './highlightCache';
import { extractCodeBlocks } from './lessonCodeBlocks';

export interface LessonCodeHighlights {
  /** The blocks in order of appearance, each once; a block that fails to highlight is left out (shown plain). */
  forMarkdown(markdown: string): Promise<HighlightedCode[]>;
}

/** The blocks of a lesson's Markdown the engine highlights: those with a bundled grammar, each once, in order. */
export function highlightableBlocks(markdown: string): Array<{ lang: string; code: string }> {
  const seen = new Set<string>();
  const out: Array<{ lang: string; code: string }> = [];
  for (const { lang, code } of extractCodeBlocks(markdown)) {
    const key = `${lang}\n${code}`;
    if (!grammarFor(lang) || seen.has(key)) continue;
    seen.add(key);
    out.push({ lang, code });
  }
  return out;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `cacheDir`: the writable cache (null: memory only); `shippedDir`: the app's read-only one, made at build time. */
export function createLessonCodeHighlights(cacheDir: string | null, shippedDir: string | null = null): LessonCodeHighlights {
  const cache = createHighlightCache(HIGHLIGHT_FORMAT, cacheDir, shippedDir);
  return {
    async forMarkdown(markdown) {
      const out: HighlightedCode[] = [];
      for (const block of highlightableBlocks(markdown)) {
        let made = false;
        const highlighted = await cache
          .get(block.lang, block.code, () => {
            made = true;
            return highlightCode(block.lang, block.code);
          })
          .catch(() => null);
        if (highlighted) out.push(highlighted);
        if (made) await yieldToOthers();
      }
      return out;
    },
  };
}
