// Methods of the lesson page: the list of lessons, one lesson's Markdown, and the student's reading
// progress (scroll position + sections read) kept per lesson and language in the progress database.
// No node imports here: the renderer imports these types through the contract.
import { z } from 'zod';
import { HighlightedCode } from '../../common/highlightedCode';
import { method, Ok } from '../defineMethod';
import { Locale } from './app';

export const LessonId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'a lesson id is lower-case letters, digits and dashes');
const LessonRef = z.object({ id: LessonId, title: z.string() });
/** A neighbouring lesson; `available: false` for one the course names but has not installed yet. */
const LessonLink = LessonRef.extend({ available: z.boolean() });

export const ReadingProgress = z.object({
  /** How far down the page the student was, 0..1 (a fallback when the anchor is gone). */
  scrollFraction: z.number().min(0).max(1),
  /** The id of the heading at the top of the view, and how many pixels below it the view started. */
  anchor: z.string().max(200).nullable(),
  anchorOffset: z.number().min(-100_000).max(1_000_000),
  /** Heading ids of the sections the student has read (seen on screen long enough). */
  sectionsRead: z.array(z.string().max(200)).max(1000),
});
export type ReadingProgress = z.infer<typeof ReadingProgress>;

/** A "Try it" lab: predict, then observe in the playground (content/lessons/<id>/labs.json). */
const LabOut = z.object({
  id: z.string(),
  section: z.number(),
  title: z.string(),
  setup: z.string(),
  tool: z.string(),
  question: z.string(),
  options: z.array(z.object({ text: z.string(), correct: z.boolean() })),
  explanation: z.string(),
});

export const lessonMethods = {
  'lesson.list': method(
    z.object({ lang: Locale }),
    z.object({ lessons: z.array(LessonRef.extend({ order: z.number(), hasQuiz: z.boolean() })) }),
  ),
  'lesson.get': method(
    z.object({ id: LessonId, lang: Locale }),
    z.object({
      id: LessonId,
      lang: Locale,
      title: z.string(),
      summary: z.string(),
      estimatedMinutes: z.number().nullable(),
      markdown: z.string(),
      labs: z.array(LabOut),
      hasQuiz: z.boolean(),
      prev: LessonLink.nullable(),
      next: LessonLink.nullable(),
    }),
  ),
  /** The lesson's code blocks highlighted for both themes (blocks in languages without a grammar are not listed). */
  'lesson.code': method(z.object({ id: LessonId, lang: Locale }), z.object({ blocks: z.array(HighlightedCode) })),
  'lesson.progress.get': method(
    z.object({ id: LessonId, lang: Locale }),
    ReadingProgress.extend({ updatedAt: z.string().nullable() }),
  ),
  'lesson.progress.set': method(ReadingProgress.extend({ id: LessonId, lang: Locale }), Ok),
};
