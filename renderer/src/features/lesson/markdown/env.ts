// What the lesson renderer passes through markdown-it and gets back: labels and the engine's highlighted
// code in, table of contents out.
import type { HighlightedCode } from '../../../../../electron/engine/common/highlightedCode';

export interface TocEntry {
  id: string;
  level: number;
  text: string;
}

export interface LessonLabels {
  copy: string;
  anchor: string;
  wrongExample: string;
  diagramLoading: string;
  lessonMissing: string;
  /** Title of a link to an exercise that is not installed. */
  exerciseMissing: string;
  admonition: (kind: string) => string;
}

export interface LessonEnv {
  lessonId: string;
  labels: LessonLabels;
  /** Ids of lessons that exist, so a link to a lesson not shipped yet is shown as such. */
  knownLessons: ReadonlySet<string>;
  /** Ids of exercises that exist; null while unknown (no link is marked missing then). */
  knownExercises: ReadonlySet<string> | null;
  /** Code blocks the engine highlighted, by codeBlockKey(lang, code); a block not here is shown plain. */
  highlights: ReadonlyMap<string, HighlightedCode>;
  toc: TocEntry[];
}
