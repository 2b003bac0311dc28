// The lesson's Markdown renderer: markdown-it (raw HTML off) with admonitions, heading ids + TOC,
// fences (mermaid / box drawing / code) and lesson links. Pure: runs in Node for the unit tests. This folder
// reaches engine/common by relative paths, not the @common alias: the e2e suite imports it without aliases.
import MarkdownIt from 'markdown-it';
import { codeBlockKey } from '../../../../../electron/engine/common/codeBlockKey';
import type { HighlightedCode } from '../../../../../electron/engine/common/highlightedCode';
import { admonitionsPlugin } from './admonitions';
import { fencesPlugin } from './fences';
import { headingsPlugin } from './headings';
import { tablesAndLinksPlugin } from './tablesAndLinks';
import type { LessonEnv, LessonLabels, TocEntry } from './env';

export type { LessonEnv, LessonLabels, TocEntry };

export function createMarkdown(labels: Pick<LessonLabels, 'admonition'>): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(admonitionsPlugin, { defaultTitle: labels.admonition });
  md.use(headingsPlugin);
  md.use(fencesPlugin);
  md.use(tablesAndLinksPlugin);
  return md;
}

export interface RenderedLesson {
  html: string;
  toc: TocEntry[];
}

export function renderLesson(
  markdown: string,
  options: {
    lessonId: string;
    labels: LessonLabels;
    knownLessons?: Iterable<string>;
    knownExercises?: Iterable<string> | null;
    /** The engine's highlighted code blocks (lesson.code); blocks not among them are shown plain. */
    highlights?: readonly HighlightedCode[];
  },
): RenderedLesson {
  const env: LessonEnv = {
    lessonId: options.lessonId,
    labels: options.labels,
    knownLessons: new Set(options.knownLessons ?? []),
    knownExercises: options.knownExercises ? new Set(options.knownExercises) : null,
    highlights: new Map((options.highlights ?? []).map((b) => [codeBlockKey(b.lang, b.code), b])),
    toc: [],
  };
  const html = createMarkdown(options.labels).render(markdown, env);
  return { html, toc: env.toc };
}
