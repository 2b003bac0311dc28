// A small quiz in the product's JSON shape, used by the scoring and handler tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const quizFixture = {
  title: 'Fixture quiz',
  description: 'Three questions',
  icon: '🧪',
  questions: [
    {
      topic: 'event-sourcing',
      question: 'Where is the state of an event-sourced aggregate kept?',
      type: 'single',
      points: 1,
      options: [
        { text: 'In a row updated in place', correct: false },
        { text: 'As the sequence of its events', correct: true },
        { text: 'In the broker', correct: false },
      ],
      explanation: 'State is derived by replaying the events.',
    },
    {
      topic: 'cqrs',
      question: 'Which are true of read models?',
      type: 'multiple',
      points: 2,
      options: [
        { text: 'They are fed by projections', correct: true },
        { text: 'They may lag behind the write side', correct: true },
        { text: 'They decide whether a command is valid', correct: false },
      ],
      explanation: 'Projections feed them asynchronously.',
    },
    {
      id: 'partial-one',
      topic: 'cqrs',
      question: 'Pick the query-side parts.',
      type: 'multiple',
      points: 3,
      scoring: 'partial',
      options: [
        { text: 'Query handler', correct: true },
        { text: 'Read database', correct: true },
        { text: 'Aggregate', correct: false },
        { text: 'Projection', correct: true },
      ],
      explanation: 'The aggregate belongs to the write side.',
    },
  ],
};

/** A resources folder holding content/lessons/<id>/ with the fixture quiz and a tiny lesson, in both languages. */
export function makeResources(lessonId = '04-fixture'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replayground-quiz-'));
  const lessonDir = path.join(dir, 'content', 'lessons', lessonId);
  fs.mkdirSync(lessonDir, { recursive: true });
  const manifest = { id: lessonId, order: 4, title: { ru: 'Фикстура', en: 'Fixture' }, summary: { ru: 'Тест', en: 'Test' } };
  fs.writeFileSync(path.join(lessonDir, 'lesson.json'), JSON.stringify(manifest));
  for (const lang of ['ru', 'en']) {
    fs.writeFileSync(path.join(lessonDir, `quiz.${lang}.json`), JSON.stringify(quizFixture));
    fs.writeFileSync(path.join(lessonDir, `lesson.${lang}.md`), `# Fixture ${lang}\n\n## One\n\ntext\n`);
  }
  return dir;
}
