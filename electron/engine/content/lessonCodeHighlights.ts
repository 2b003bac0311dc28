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

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createLessonCodeHighlights(cacheDir: string | null): LessonCodeHighlights {
  const cache = createHighlightCache(HIGHLIGHT_FORMAT, cacheDir);
  return {
    async forMarkdown(markdown) {
      const seen = new Set<string>();
      const out: HighlightedCode[] = [];
      for (const block of extractCodeBlocks(markdown)) {
        const key = `${block.lang}\n${block.code}`;
        if (!grammarFor(block.lang) || seen.has(key)) continue;
        seen.add(key);
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
