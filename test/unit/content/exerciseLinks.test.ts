// The lesson and the course map tell one story: each exercise is linked (`[title](exercise:<id>)`) from
// the lesson section it practises, in both languages, every link names an exercise that exists, and
// the course map's order (each manifest's `order`) is the order in which the lesson first links them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../../..');
const lessonsDir = path.join(repo, 'content/lessons');
const exercisesDir = path.join(repo, 'exercises');

/** Exercise ids in the order a Markdown text links them, first links only. */
export function exerciseLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  return [...new Set([...prose.matchAll(/\]\(exercise:([^)\s]+)\)/g)].map((match) => match[1]!))];
}

const lessonIds = fs
  .readdirSync(lessonsDir)
  .filter((id) => fs.existsSync(path.join(lessonsDir, id, 'lesson.json')))
  .map((id) => ({ id, order: (JSON.parse(fs.readFileSync(path.join(lessonsDir, id, 'lesson.json'), 'utf8')) as { order: number }).order }))
  .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  .map((lesson) => lesson.id);

/** Every exercise link of the course in one language, lesson by lesson, first links only. */
function courseLinks(lang: 'en' | 'ru'): string[] {
  return [...new Set(lessonIds.flatMap((id) => exerciseLinks(fs.readFileSync(path.join(lessonsDir, id, `lesson.${lang}.md`), 'utf8'))))];
}

const exercises = fs
  .readdirSync(exercisesDir)
  .filter((id) => fs.existsSync(path.join(exercisesDir, id, 'exercise.json')))
  .map((id) => ({ id, order: (JSON.parse(fs.readFileSync(path.join(exercisesDir, id, 'exercise.json'), 'utf8')) as { order: number }).order }));

describe('links from the lesson to the exercises', () => {
  it('finds first links in reading order, outside code', () => {
    expect(exerciseLinks('[a](exercise:b) `[x](exercise:code)` [c](exercise:d) [again](exercise:b)')).toEqual(['b', 'd']);
  });

  it('every link names an exercise that exists', () => {
    const known = new Set(exercises.map((exercise) => exercise.id));
    const broken = (['en', 'ru'] as const).flatMap((lang) => courseLinks(lang).filter((id) => !known.has(id)).map((id) => `lesson.${lang}.md links exercise:${id}, which does not exist`));
    expect(broken).toEqual([]);
  });

  it('both languages link the same exercises in the same order', () => {
    expect(courseLinks('ru')).toEqual(courseLinks('en'));
  });

  it('every exercise is linked from the lesson section it practises', () => {
    const linked = new Set(courseLinks('en'));
    const missing = exercises.filter((exercise) => !linked.has(exercise.id)).map((exercise) => `exercises/${exercise.id} is not linked from any lesson: add [its title](exercise:${exercise.id}) to the section it practises, in lesson.en.md and lesson.ru.md`);
    expect(missing).toEqual([]);
  });

  it('the course map lists the exercises in the order the lesson links them', () => {
    const byOrder = [...exercises].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)).map((exercise) => exercise.id);
    const orders = new Set(exercises.map((exercise) => exercise.order));
    expect(orders.size, 'two exercises share an "order"').toBe(exercises.length);
    expect(byOrder, 'exercise.json "order" should follow the order of the lesson\'s first links').toEqual(courseLinks('en').filter((id) => byOrder.includes(id)));
  });
});
