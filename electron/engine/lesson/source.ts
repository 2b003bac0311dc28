// Where the lesson and quiz pages get their content: content/lessons/<id>/lesson.<lang>.md and
// quiz.<lang>.json under the resources folder. Read on every call, so an author's edit shows on reload.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Quiz } from '../quiz';

export type Lang = 'ru' | 'en';

export interface LessonSummary {
  id: string;
  order: number;
  title: string;
  hasQuiz: boolean;
}

export interface LessonDoc extends LessonSummary {
  markdown: string;
}

export interface LessonSource {
  list(lang: Lang): LessonSummary[];
  /** null when there is no such lesson in that language */
  lesson(id: string, lang: Lang): LessonDoc | null;
  /** null when the lesson has no quiz in that language */
  quiz(id: string, lang: Lang): Quiz | null;
}

// The quiz file shape from the product brief, plus optional id/topic/scoring an author may add.
const QuizFile = z.object({
  title: z.string().min(1),
  description: z.string().default(''),
  icon: z.string().default(''),
  scoring: z.enum(['all-or-nothing', 'partial']).optional(),
  questions: z
    .array(
      z.object({
        id: z.string().min(1).optional(),
        topic: z.string().min(1).optional(),
        question: z.string().min(1),
        type: z.enum(['single', 'multiple']),
        points: z.number().positive(),
        scoring: z.enum(['all-or-nothing', 'partial']).optional(),
        options: z.array(z.object({ text: z.string().min(1), correct: z.boolean() })).min(2),
        explanation: z.string().min(1),
      }),
    )
    .min(1),
});

function titleOf(markdown: string, fallback: string): string {
  const match = /^#\s+(.+?)\s*#*\s*$/m.exec(markdown);
  return match ? match[1] : fallback;
}

export function createLessonSource(resourcesDir: string): LessonSource {
  const root = path.join(resourcesDir, 'content', 'lessons');
  const file = (id: string, name: string) => path.join(root, id, name);
  const readText = (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null);

  function summary(id: string, lang: Lang): LessonSummary | null {
    const markdown = readText(file(id, `lesson.${lang}.md`));
    if (markdown === null) return null;
    const order = Number(/^(\d+)/.exec(id)?.[1] ?? 9999);
    return { id, order, title: titleOf(markdown, id), hasQuiz: fs.existsSync(file(id, `quiz.${lang}.json`)) };
  }

  return {
    list(lang) {
      if (!fs.existsSync(root)) return [];
      return fs
        .readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory() && /^[a-z0-9][a-z0-9-]*$/.test(d.name))
        .flatMap((d) => summary(d.name, lang) ?? [])
        .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    },
    lesson(id, lang) {
      const s = summary(id, lang);
      if (!s) return null;
      return { ...s, markdown: readText(file(id, `lesson.${lang}.md`)) ?? '' };
    },
    quiz(id, lang) {
      const p = file(id, `quiz.${lang}.json`);
      const text = readText(p);
      if (text === null) return null;
      const parsed = QuizFile.safeParse(JSON.parse(text));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${path.relative(resourcesDir, p)}: ${issue.path.join('.')}: ${issue.message}`);
      }
      const q = parsed.data;
      return {
        title: q.title,
        description: q.description,
        icon: q.icon,
        questions: q.questions.map((question, i) => ({
          id: question.id ?? `q${i + 1}`,
          topic: question.topic ?? 'general',
          question: question.question,
          type: question.type,
          points: question.points,
          scoring: question.scoring ?? q.scoring ?? 'all-or-nothing',
          options: question.options,
          explanation: question.explanation,
        })),
      };
    },
  };
}
