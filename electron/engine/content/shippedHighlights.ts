// The highlight cache the app ships (highlightCache.ts reads it before the data folder's): every code
// block of every lesson, in both languages, highlighted when the app is built (`npm run build`, through
// electron/cli/shipHighlights.ts), so no student's machine spends its first lesson opens highlighting
// the course's own code. The folder holds exactly the current lessons' blocks: files of blocks that
// are gone are removed, blocks already there are kept as they are.
import fs from 'node:fs';
import path from 'node:path';
import { HIGHLIGHT_FORMAT } from './codeHighlighter';
import { cacheKey } from './highlightCache';
import { createLessonCodeHighlights, highlightableBlocks } from './lessonCodeHighlights';
import { listLessons, loadLesson } from './loadLessons';
import { LESSON_LANGS } from './lessonSchema';

/** Where the app finds the shipped folder: beside its content when installed, in .cache/ in a checkout. */
export function shippedHighlightsDir(resourcesDir: string): string | null {
  return [path.join(resourcesDir, 'code-highlight'), path.join(resourcesDir, '.cache', 'code-highlight')].find((dir) => fs.existsSync(dir)) ?? null;
}

/** Highlights every block of the lessons under `lessonsRoot` into `outDir`; returns how many blocks it holds and how many stale files went. */
export async function writeShippedHighlights(lessonsRoot: string, outDir: string): Promise<{ blocks: number; removed: number }> {
  fs.mkdirSync(outDir, { recursive: true });
  const highlights = createLessonCodeHighlights(outDir);
  const wanted = new Set<string>();
  for (const { id } of listLessons(lessonsRoot)) {
    for (const lang of LESSON_LANGS) {
      const { markdown } = loadLesson(lessonsRoot, id, lang);
      const made = await highlights.forMarkdown(markdown);
      if (made.length !== highlightableBlocks(markdown).length) throw new Error(`${id} (${lang}): a code block could not be highlighted`);
      for (const block of made) wanted.add(`${cacheKey(HIGHLIGHT_FORMAT, block.lang, block.code)}.json`);
    }
  }
  let removed = 0;
  for (const name of fs.readdirSync(outDir)) {
    if (wanted.has(name)) continue;
    fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
    removed++;
  }
  return { blocks: wanted.size, removed };
}
