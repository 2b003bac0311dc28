// The zod schema of a lesson's manifest (content/lessons/<id>/lesson.json). Objects are strict so a
// misspelt key ("tittle") is reported instead of silently ignored.
import { z } from 'zod';

/** Languages every lesson is written in; each needs lesson.<lang>.md (and quiz.<lang>.json if it has a quiz). */
export const LESSON_LANGS = ['ru', 'en'] as const;
export type LessonLang = (typeof LESSON_LANGS)[number];

export const LessonIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'a lesson id is lower-case letters, digits and dashes, like "04-event-driven"');

const nonBlank = z.string().trim().min(1, 'must not be empty');

export const LocalizedTextSchema = z.strictObject({ ru: nonBlank, en: nonBlank });

/** The next lesson: its id, or its id and title (needed when that lesson is not written yet). */
export const LessonLinkSchema = z.union([
  LessonIdSchema,
  z.strictObject({ id: LessonIdSchema, title: LocalizedTextSchema.optional() }),
]);

export const LessonManifestSchema = z.strictObject({
  id: LessonIdSchema,
  order: z.number().int().min(0),
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
  icon: z.string().trim().min(1).max(16).optional(),
  estimatedMinutes: z.number().int().positive().max(600).optional(),
  next: LessonLinkSchema.optional(),
});
export type LessonManifest = z.infer<typeof LessonManifestSchema>;

/** A lesson's metadata as the app sees it: `next` normalised, with whether that lesson exists yet. */
export interface LessonMeta {
  id: string;
  order: number;
  title: Record<LessonLang, string>;
  summary: Record<LessonLang, string>;
  icon?: string;
  estimatedMinutes?: number;
  next: { id: string; title?: Record<LessonLang, string>; available: boolean } | null;
  /** Languages with a quiz file. */
  quizLangs: LessonLang[];
}
