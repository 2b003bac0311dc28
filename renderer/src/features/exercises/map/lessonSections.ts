// Which sections a lesson has, for the course map's reading progress. Pure (runs in Node for tests).
import { createMarkdown } from '../../lesson/markdown';

/**
 * The lesson's section ids exactly as the lesson page makes them (its own Markdown pipeline: h2 and
 * h3 headings, unique slugs), so they match the ids stored in the reading progress. Parsing is enough:
 * the table of contents is collected before anything is rendered.
 */
export function lessonSectionIds(markdown: string, lessonId: string): string[] {
  const env = {
    lessonId,
    labels: { copy: '', anchor: '', wrongExample: '', diagramLoading: '', lessonMissing: '', exerciseMissing: '', admonition: () => '' },
    knownLessons: new Set<string>(),
    knownExercises: null,
    toc: [] as { id: string }[],
  };
  createMarkdown({ admonition: () => '' }).parse(markdown, env);
  return env.toc.map((e) => e.id);
}
