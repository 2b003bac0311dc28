// The zod schema of a quiz file (content/lessons/<id>/quiz.<lang>.json):
// {title, description, icon, questions:[{question, type, points, options:[{text, correct}], explanation}]}
// plus optional per-question `id`, `topic` (for the per-topic score) and `scoring`.
import { z } from 'zod';

const nonBlank = z.string().trim().min(1, 'must not be empty');

export const QuizOptionSchema = z.strictObject({
  text: nonBlank,
  correct: z.boolean(),
});

export const QuizQuestionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/i, 'an id is letters, digits, "-" and "_" (at most 100)')
      .optional(),
    question: nonBlank,
    type: z.enum(['single', 'multiple']),
    points: z.number().positive().max(100),
    topic: z.string().trim().min(1).max(80).optional(),
    /** Multiple choice is all-or-nothing unless the author asks for partial credit. */
    scoring: z.enum(['all-or-nothing', 'partial']).optional(),
    options: z.array(QuizOptionSchema).min(2, 'needs at least 2 options').max(20),
    explanation: nonBlank,
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === 'single' && correct !== 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a single-choice question needs exactly 1 correct option, found ${correct}` });
    }
    if (q.type === 'multiple' && correct === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple-choice question needs at least 1 correct option' });
    }
    if (q.type === 'single' && q.scoring !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['scoring'], message: 'scoring applies to multiple-choice questions only' });
    }
    const seen = new Map<string, number>();
    q.options.forEach((o, i) => {
      const key = o.text.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['options', i, 'text'], message: `repeats option ${first}` });
      else seen.set(key, i);
    });
  });

export const QuizFileSchema = z
  .strictObject({
    title: nonBlank,
    description: nonBlank,
    icon: z.string().trim().min(1).max(16),
    /** Default scoring of the quiz's multiple-choice questions (all-or-nothing when absent). */
    scoring: z.enum(['all-or-nothing', 'partial']).optional(),
    questions: z.array(QuizQuestionSchema).min(1, 'a quiz needs at least 1 question'),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Map<string, number>();
    quiz.questions.forEach((q, i) => {
      if (q.id === undefined) return;
      const first = seen.get(q.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `the id "${q.id}" is already used by questions[${first}]` });
      else seen.set(q.id, i);
    });
  });
export type QuizFile = z.infer<typeof QuizFileSchema>;

/** A quiz as the app uses it: every question has an id, a topic and a scoring rule. */
export interface LoadedQuiz {
  title: string;
  description: string;
  icon: string;
  questions: {
    id: string;
    question: string;
    type: 'single' | 'multiple';
    points: number;
    topic: string;
    scoring: 'all-or-nothing' | 'partial';
    options: { text: string; correct: boolean }[];
    explanation: string;
  }[];
}

/** Fills in what the author may leave out: ids ("q1", "q2", ...), topic (the quiz title), scoring (the quiz's, else all-or-nothing). */
export function normaliseQuiz(file: QuizFile): LoadedQuiz {
  return {
    title: file.title,
    description: file.description,
    icon: file.icon,
    questions: file.questions.map((q, i) => ({
      id: q.id ?? `q${i + 1}`,
      question: q.question,
      type: q.type,
      points: q.points,
      topic: q.topic ?? file.title,
      scoring: q.type === 'single' ? 'all-or-nothing' : (q.scoring ?? file.scoring ?? 'all-or-nothing'),
      options: q.options.map((o) => ({ text: o.text, correct: o.correct })),
      explanation: q.explanation,
    })),
  };
}
