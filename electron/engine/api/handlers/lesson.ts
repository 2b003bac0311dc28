// Handlers for lesson.*: lesson content from the content folder, its code highlighted by the engine (shipped
// highlighted with the app, other blocks cached in the data folder), and reading progress from the progress db.
import path from 'node:path';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { createLessonSource, openReadingProgress } from '../../lesson';
import { fromContent } from './fromContent';
import { createLessonCodeHighlights } from '../../content/lessonCodeHighlights';
import { shippedHighlightsDir } from '../../content/shippedHighlights';
import { profileScoped } from '../../profiles';

export function createLessonHandlers(ctx: EngineContext): HandlerGroup<'lesson.'> {
  const source = createLessonSource(ctx.resourcesDir);
  const progress = profileScoped(ctx, openReadingProgress);
  // A data folder that is not a real folder (':memory:' in hand-made test contexts) keeps the cache in memory.
  const highlights = createLessonCodeHighlights(
    path.isAbsolute(ctx.dataDir) ? path.join(ctx.dataDir, 'cache', 'code-highlight') : null,
    shippedHighlightsDir(ctx.resourcesDir),
  );
  return {
    'lesson.list': ({ lang }) => ({
      lessons: source.list(lang).map(({ id, title, order, hasQuiz }) => ({ id, title, order, hasQuiz })),
    }),
    'lesson.get': ({ id, lang }) => {
      const doc = fromContent(() => source.lesson(id, lang));
      const all = source.list(lang);
      const at = all.findIndex((l) => l.id === id);
      const prev = at > 0 ? { id: all[at - 1].id, title: all[at - 1].title, available: true } : null;
      // The course order decides "next"; the manifest's upcoming lesson fills in when none is installed.
      const following = at >= 0 && at + 1 < all.length ? { id: all[at + 1].id, title: all[at + 1].title, available: true } : doc.next;
      return {
        id,
        lang,
        title: doc.title,
        summary: doc.summary,
        estimatedMinutes: doc.estimatedMinutes,
        markdown: doc.markdown,
        labs: doc.labs,
        hasQuiz: doc.hasQuiz,
        prev,
        next: following,
      };
    },
    // Only the text: the page has just fetched the rest with lesson.get.
    'lesson.code': async ({ id, lang }) => ({ blocks: await highlights.forMarkdown(fromContent(() => source.markdown(id, lang))) }),
    'lesson.progress.get': ({ id, lang }) => progress.get(id, lang),
    'lesson.progress.set': ({ id, lang, ...position }) => {
      progress.set(id, lang, position);
      return { ok: true as const };
    },
  };
}
