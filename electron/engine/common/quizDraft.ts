// The shape of a quiz attempt in progress, shared by the engine (which stores it per profile) and the
// API contract (which the renderer saves it through). Zod only: common is Node-free.
import { z } from 'zod';

export const QUIZ_MODES = ['one', 'all'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export const QuizDraft = z.object({
  lang: z.enum(['ru', 'en']),
  seed: z.number().int().min(0).max(0xffffffff),
  startedAt: z.string().max(40),
  /** 'one': a question at a time, each checked on the spot; 'all': every question on one page, checked on submit. */
  mode: z.enum(QUIZ_MODES),
  /** The question shown in one-at-a-time mode. */
  index: z.number().int().min(0).max(500),
  answers: z
    .array(z.object({ questionId: z.string().min(1).max(100), selected: z.array(z.number().int().min(0).max(50)).max(50) }))
    .max(500),
  /** Questions already checked: their picks are locked and their feedback is shown. */
  checked: z.array(z.string().min(1).max(100)).max(500),
});
export type QuizDraft = z.infer<typeof QuizDraft>;
