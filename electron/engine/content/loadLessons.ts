// Loads lessons and quizzes from the content folder (content/lessons/<id>/lesson.json,
// lesson.<lang>.md, quiz.<lang>.json) and validates them, so an author's mistake becomes an
// error naming the file, the question and the field instead of a broken page.
import { CodedError } from '../common/codedError';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { LESSON_LANGS, LessonIdSchema, LessonManifestSchema, type LessonLang, type LessonManifest, type LessonMeta } from './lessonSchema';
import { locateJsonError } from './lessonJsonErrors';
import { checkLessonMarkdown } from './lessonMarkdownChecks';
import { LABS_FILE, parseLabs, sectionNumbers, type Lab } from './labs';
import { QuizFileSchema, normaliseQuiz, type LoadedQuiz } from './quizSchema';

/** One or more problems in one content file. `file` is relative to the lessons root. */
export class ContentError extends CodedError {
  readonly code = 'CONTENT_ERROR';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'), { file });
  }
}

export interface LoadedLesson {
  meta: LessonMeta;
  markdown: string;
}

const MANIFEST = 'lesson.json';
const lessonFile = (lang: LessonLang) => `lesson.${lang}.md`;
const quizFile = (lang: LessonLang) => `quiz.${lang}.json`;

/** Lesson folders: every directory with a lesson.json (names starting with "." or "_" are ignored). */
function lessonDirs(root: string): string[] {
  if (!fs.existsSync(root)) throw new ContentError(root, ['the lessons folder does not exist']);
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^[._]/.test(d.name) && fs.existsSync(path.join(root, d.name, MANIFEST)))
    .map((d) => d.name)
    .sort();
}

/** Every lesson's metadata, in course order. Throws ContentError on the first invalid manifest. */
export function listLessons(root: string): LessonMeta[] {
  const dirs = lessonDirs(root);
  const manifests = dirs.map((dir) => readManifest(root, dir));
  const ids = new Set(manifests.map((m) => m.id));
  return manifests.map((m) => toMeta(root, m, ids)).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function loadLesson(root: string, id: string, lang: LessonLang): LoadedLesson {
  const dir = lessonDir(root, id);
  const manifest = readManifest(root, dir);
  const markdown = readLessonText(root, dir, lang);
  const ids = new Set(lessonDirs(root).map((d) => d));
  return { meta: toMeta(root, manifest, ids), markdown };
}

/** Only the lesson's text in one language (what its code blocks come from), without the manifest or labs. */
export function loadLessonMarkdown(root: string, id: string, lang: LessonLang): string {
  return readLessonText(root, lessonDir(root, id), lang);
}

function readLessonText(root: string, dir: string, lang: LessonLang): string {
  const rel = path.join(dir, lessonFile(lang));
  const markdown = readText(root, rel);
  if (markdown.trim() === '') throw new ContentError(rel, ['the lesson is empty']);
  return markdown;
}

export function loadQuiz(root: string, id: string, lang: LessonLang): LoadedQuiz {
  const rel = path.join(lessonDir(root, id), quizFile(lang));
  return normaliseQuiz(parseWith(QuizFileSchema, readJson(root, rel), rel));
}

/** The lesson's "Try it" labs ([] when it has no labs.json); throws ContentError when the file is invalid. */
export function loadLabs(root: string, id: string): Lab[] {
  const dir = lessonDir(root, id);
  const rel = path.join(dir, LABS_FILE);
  if (!fs.existsSync(path.join(root, rel))) return [];
  const sections = sectionNumbers(readText(root, path.join(dir, lessonFile('en'))));
  const { labs, problems } = parseLabs(readText(root, rel), sections);
  if (problems.length) throw new ContentError(rel, problems);
  return labs;
}

export function hasQuiz(root: string, id: string, lang: LessonLang): boolean {
  return fs.existsSync(path.join(root, lessonDir(root, id), quizFile(lang)));
}

/**
 * Validates everything under the lessons root and returns every problem found (never throws for
 * content mistakes): manifests, both languages' lessons (with Markdown checks), quizzes, and that
 * the two languages' quizzes agree on ids, types, points and which options are correct.
 */
export function validateLessons(root: string): ContentError[] {
  const errors: ContentError[] = [];
  const collect = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else throw error;
      return undefined;
    }
  };
  const dirs = collect(() => lessonDirs(root)) ?? [];
  const orders = new Map<number, string>();
  for (const dir of dirs) {
    const manifest = collect(() => readManifest(root, dir));
    if (!manifest) continue;
    const seen = orders.get(manifest.order);
    if (seen) errors.push(new ContentError(path.join(dir, MANIFEST), [`order: ${manifest.order} is also the order of "${seen}"`]));
    orders.set(manifest.order, manifest.id);
    const next = typeof manifest.next === 'string' ? { id: manifest.next } : manifest.next;
    if (next && !('title' in next && next.title) && !dirs.includes(next.id)) {
      errors.push(new ContentError(path.join(dir, MANIFEST), [`next: lesson "${next.id}" does not exist; give its title ({"id", "title": {"ru", "en"}}) to show it as upcoming`]));
    }
    const quizzes: Partial<Record<LessonLang, LoadedQuiz>> = {};
    for (const lang of LESSON_LANGS) {
      const rel = path.join(dir, lessonFile(lang));
      const markdown = collect(() => readText(root, rel));
      if (markdown !== undefined) {
        const findings = checkLessonMarkdown(markdown);
        if (findings.length) errors.push(new ContentError(rel, findings.map((f) => `line ${f.line}: ${f.message}`)));
      }
      if (fs.existsSync(path.join(root, dir, quizFile(lang)))) quizzes[lang] = collect(() => loadQuiz(root, manifest.id, lang));
    }
    const quizLangs = LESSON_LANGS.filter((l) => fs.existsSync(path.join(root, dir, quizFile(l))));
    if (quizLangs.length > 0 && quizLangs.length < LESSON_LANGS.length) {
      const missing = LESSON_LANGS.filter((l) => !quizLangs.includes(l));
      errors.push(new ContentError(dir, [`has ${quizLangs.map(quizFile).join(', ')} but no ${missing.map(quizFile).join(', ')}`]));
    }
    if (quizzes.ru && quizzes.en) {
      const problems = compareQuizzes(quizzes.ru, quizzes.en);
      if (problems.length) errors.push(new ContentError(path.join(dir, 'quiz.*.json'), problems));
    }
    collect(() => loadLabs(root, manifest.id));
  }
  return errors;
}

/** The languages are translations of one quiz: same questions, same answers. */
export function compareQuizzes(ru: LoadedQuiz, en: LoadedQuiz): string[] {
  const problems: string[] = [];
  if (ru.questions.length !== en.questions.length) {
    problems.push(`quiz.ru.json has ${ru.questions.length} questions, quiz.en.json has ${en.questions.length}`);
  }
  const count = Math.min(ru.questions.length, en.questions.length);
  for (let i = 0; i < count; i++) {
    const a = ru.questions[i];
    const b = en.questions[i];
    const where = `questions[${i}] ${quote(b.question)}`;
    if (a.id !== b.id) problems.push(`${where}: id is "${a.id}" in ru but "${b.id}" in en`);
    if (a.type !== b.type) problems.push(`${where}: type is ${a.type} in ru but ${b.type} in en`);
    if (a.points !== b.points) problems.push(`${where}: points are ${a.points} in ru but ${b.points} in en`);
    const correctA = a.options.flatMap((o, k) => (o.correct ? [k] : [])).join(',');
    const correctB = b.options.flatMap((o, k) => (o.correct ? [k] : [])).join(',');
    if (a.options.length !== b.options.length || correctA !== correctB) {
      problems.push(`${where}: options differ between ru and en (correct options ru [${correctA}] of ${a.options.length}, en [${correctB}] of ${b.options.length})`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

function lessonDir(root: string, id: string): string {
  const parsed = LessonIdSchema.safeParse(id);
  if (!parsed.success) throw new ContentError(String(id), [`not a lesson id: ${parsed.error.issues[0]?.message ?? 'invalid'}`]);
  if (!fs.existsSync(path.join(root, id, MANIFEST))) throw new ContentError(path.join(id, MANIFEST), ['no such lesson (the file does not exist)']);
  return id;
}

function readManifest(root: string, dir: string): LessonManifest {
  const rel = path.join(dir, MANIFEST);
  const manifest = parseWith(LessonManifestSchema, readJson(root, rel), rel);
  if (manifest.id !== dir) throw new ContentError(rel, [`id: "${manifest.id}" must equal the folder name "${dir}"`]);
  return manifest;
}

function toMeta(root: string, m: LessonManifest, existing: Set<string>): LessonMeta {
  const next = typeof m.next === 'string' ? { id: m.next } : m.next;
  return {
    id: m.id,
    order: m.order,
    title: m.title,
    summary: m.summary,
    ...(m.icon !== undefined ? { icon: m.icon } : {}),
    ...(m.estimatedMinutes !== undefined ? { estimatedMinutes: m.estimatedMinutes } : {}),
    next: next ? { id: next.id, ...(next.title ? { title: next.title } : {}), available: existing.has(next.id) } : null,
    quizLangs: LESSON_LANGS.filter((l) => fs.existsSync(path.join(root, m.id, quizFile(l)))),
  };
}

function readText(root: string, rel: string): string {
  try {
    return fs.readFileSync(path.join(root, rel), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentError(rel, [code === 'ENOENT' ? 'the file does not exist' : `cannot be read (${code ?? String(error)})`]);
  }
}

function readJson(root: string, rel: string): unknown {
  const text = readText(root, rel);
  try {
    return JSON.parse(text);
  } catch (error) {
    const place = locateJsonError(text);
    if (!place) throw new ContentError(rel, [`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
    throw new ContentError(rel, [`is not valid JSON at line ${place.line}, column ${place.column}: ${place.message}`]);
  }
}

function parseWith<S extends z.ZodType>(schema: S, data: unknown, rel: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ContentError(rel, result.error.issues.map((issue) => describeIssue(issue, data)));
}

/** "questions[3] “What does CQRS stand for…”: field options[1].correct: expected boolean". */
export function describeIssue(issue: { path: PropertyKey[]; message: string }, data: unknown): string {
  const p = issue.path;
  if (p[0] === 'questions' && typeof p[1] === 'number') {
    const question = (data as { questions?: { question?: unknown }[] }).questions?.[p[1]]?.question;
    const label = `question ${p[1] + 1} (questions[${p[1]}]${typeof question === 'string' ? ` ${quote(question)}` : ''})`;
    const field = formatPath(p.slice(2));
    return `${label}: ${field ? `field ${field}` : 'the question'}: ${issue.message}`;
  }
  const field = formatPath(p);
  return `${field ? `field ${field}` : 'the file'}: ${issue.message}`;
}

function formatPath(p: PropertyKey[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > 40 ? `${clean.slice(0, 40).trimEnd()}…` : clean}”`;
}
