// The lesson feature's engine side: reading progress in the progress database, and lesson/quiz content access.
export { openReadingProgress, type ReadingProgressRepo, type ReadingPosition } from './readingProgress';
export { createLessonSource, ContentError, type LessonSource, type LessonDoc, type LessonSummary, type Lang } from './source';
