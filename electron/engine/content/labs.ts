// "Try it" labs of a lesson (content/lessons/<id>/labs.json): a short experiment in the playground that
// the student predicts before running. Pure parsing and checking here; loadLessons wraps problems in ContentError.
import { z } from 'zod';
import type { LessonLang } from './lessonSchema';

export const LABS_FILE = 'labs.json';

/** The playground tools a lab can send the student to (what exists on the playground page). */
export const LAB_TOOLS = ['scenario:concurrent-edit', 'scenario:poison-message', 'scenario:commit-before-processing', 'scenario:slow-consumer', 'scenario:wrong-key', 'scenario:dual-write-crash', 'scenario:outbox-crash', 'projection-delay', 'consumer-crash', 'saga'] as const;

const Text = z.strictObject({ ru: z.string().trim().min(1), en: z.string().trim().min(1) });

const LabSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lab id is lower-case letters, digits and dashes'),
  /** The number of the lesson's "## N." section the lab belongs to. */
  section: z.number().int().positive(),
  title: Text,
  /** What to do in the playground. */
  setup: Text,
  tool: z.enum(LAB_TOOLS),
  /** The prediction the student makes before running it. */
  question: Text,
  options: z
    .array(z.strictObject({ text: Text, correct: z.boolean() }))
    .min(2)
    .max(6)
    .refine((options) => options.filter((o) => o.correct).length === 1, 'exactly one option is correct'),
  /** What the playground shows, and why. */
  explanation: Text,
});
export type Lab = z.infer<typeof LabSchema>;

const LabsFileSchema = z.strictObject({ labs: z.array(LabSchema).min(1) });

/** The labs of a labs.json text, or the problems that make it invalid (file-relative messages). */
export function parseLabs(text: string, sections: readonly number[]): { labs: Lab[]; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { labs: [], problems: [`is not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = LabsFileSchema.safeParse(json);
  if (!parsed.success) {
    return { labs: [], problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.labs.forEach((lab, i) => {
    if (seen.has(lab.id)) problems.push(`labs.${i}.id: "${lab.id}" is used twice`);
    seen.add(lab.id);
    if (!sections.includes(lab.section)) problems.push(`labs.${i}.section: the lesson has no section ${lab.section}`);
  });
  return { labs: problems.length ? [] : parsed.data.labs, problems };
}

/** The "## N." section numbers of a lesson's Markdown. */
export function sectionNumbers(markdown: string): number[] {
  return [...markdown.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
}

export interface LocalisedLab {
  id: string;
  section: number;
  title: string;
  setup: string;
  tool: Lab['tool'];
  question: string;
  options: Array<{ text: string; correct: boolean }>;
  explanation: string;
}

export function localiseLabs(labs: readonly Lab[], lang: LessonLang): LocalisedLab[] {
  return labs.map((lab) => ({
    id: lab.id,
    section: lab.section,
    title: lab.title[lang],
    setup: lab.setup[lang],
    tool: lab.tool,
    question: lab.question[lang],
    options: lab.options.map((o) => ({ text: o.text[lang], correct: o.correct })),
    explanation: lab.explanation[lang],
  }));
}
