// The lesson Markdown pipeline's public face.
export { renderLesson, createMarkdown, type RenderedLesson, type LessonLabels, type TocEntry } from './createMarkdown';
export { admonitionsPlugin } from './admonitions';
export { parseFenceInfo, LANGUAGE_LABELS } from './fences';
export { slugify } from './slug';
