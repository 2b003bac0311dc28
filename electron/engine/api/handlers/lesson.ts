// Handlers for lesson.*: lesson content from the content folder and reading progress from the progress db.
import { ApiError } from '../errors';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../service';
import { createLessonSource, openReadingProgress } from '../../lesson';

export function createLessonHandlers(ctx: EngineContext): HandlerGroup<'lesson.'> {
  const source = createLessonSource(ctx.resourcesDir);
  const progress = openReadingProgress(ctx.progress.db);
  return {
    'lesson.list': ({ lang }) => ({
      lessons: source.list(lang).map(({ id, title, order, hasQuiz }) => ({ id, title, order, hasQuiz })),
    }),
    'lesson.get': ({ id, lang }) => {
      const doc = source.lesson(id, lang);
      if (!doc) throw new ApiError('NOT_FOUND', `There is no lesson "${id}" in ${lang}`);
      const all = source.list(lang);
      const at = all.findIndex((l) => l.id === id);
      const ref = (i: number) => (i >= 0 && i < all.length ? { id: all[i].id, title: all[i].title } : null);
      return { id, lang, title: doc.title, markdown: doc.markdown, hasQuiz: doc.hasQuiz, prev: ref(at - 1), next: ref(at + 1) };
    },
    'lesson.progress.get': ({ id, lang }) => progress.get(id, lang),
    'lesson.progress.set': ({ id, lang, ...position }) => {
      progress.set(id, lang, position);
      return { ok: true as const };
    },
  };
}
