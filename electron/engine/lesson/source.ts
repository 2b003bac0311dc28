// Where the lesson and quiz pages get their content: the content team's validated loader
// (content/lessons/<id>/lesson.json, lesson.<lang>.md, quiz.<lang>.json) under the resources folder.
// Read on every call, so an author's edit shows on reload.
import path from 'node:path';
import { ContentError, listLessons, loadLabs, loadLesson, loadLessonMarkdown, loadQuiz, hasQuiz } from '../content/loadLessons';
import { localiseLabs, type LocalisedLab } from '../content/labs';
import type { LessonMeta } from '../content/lessonSchema';
import type { Quiz } from '../quiz';

export type Lang = 'ru' | 'en';
export { ContentError };

export interface LessonSummary {
  id: string;
  order: number;
  title: string;
  summary: string;
  estimatedMinutes: number | null;
  hasQuiz: boolean;
  /** The lesson the manifest names as next, with whether it is installed. */
  next: { id: string; title: string; available: boolean } | null;
}

export interface LessonDoc extends LessonSummary {
  markdown: string;
  /** The lesson's "Try it" labs in this language ([] when it has none). */
  labs: LocalisedLab[];
}

export interface LessonSource {
  list(lang: Lang): LessonSummary[];
  /** Throws ContentError when the lesson is missing or invalid. */
  lesson(id: string, lang: Lang): LessonDoc;
  /** Only the lesson's text (for its code blocks); throws ContentError when the lesson or its text is missing. */
  markdown(id: string, lang: Lang): string;
  /** null when the lesson has no quiz in that language; throws ContentError when the quiz is invalid. */
  quiz(id: string, lang: Lang): Quiz | null;
}

function summaryOf(meta: LessonMeta, lang: Lang): LessonSummary {
  return {
    id: meta.id,
    order: meta.order,
    title: meta.title[lang],
    summary: meta.summary[lang],
    estimatedMinutes: meta.estimatedMinutes ?? null,
    hasQuiz: meta.quizLangs.includes(lang),
    next: meta.next ? { id: meta.next.id, title: meta.next.title?.[lang] ?? meta.next.id, available: meta.next.available } : null,
  };
}

export function createLessonSource(resourcesDir: string): LessonSource {
  const root = path.join(resourcesDir, 'content', 'lessons');
  return {
    list: (lang) => listLessons(root).map((m) => summaryOf(m, lang)),
    lesson(id, lang) {
      const { meta, markdown } = loadLesson(root, id, lang);
      return { ...summaryOf(meta, lang), markdown, labs: localiseLabs(loadLabs(root, id), lang) };
    },
    markdown: (id, lang) => loadLessonMarkdown(root, id, lang),
    quiz(id, lang) {
      return hasQuiz(root, id, lang) ? loadQuiz(root, id, lang) : null;
    },
  };
}
