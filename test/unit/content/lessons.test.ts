// Lesson and quiz content: the shipped lessons load and meet the course's rules, and an author's
// mistake is reported with the file, the question (index and start of its text) and the field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, listLessons, loadLesson, loadQuiz, validateLessons } from '../../../electron/engine/content/loadLessons';
import { extractCodeBlocks } from '../../../electron/engine/content/lessonCodeBlocks';
import { LESSON_LANGS } from '../../../electron/engine/content/lessonSchema';

const root = path.resolve(import.meta.dirname, '../../../content/lessons');

describe('shipped lesson content', () => {
  it('validates without a single problem', () => {
    expect(validateLessons(root).map(String)).toEqual([]);
  });

  it('lists lesson 4 with the next lesson shown as upcoming', () => {
    const lesson = listLessons(root).find((l) => l.id === '04-event-driven');
    expect(lesson).toMatchObject({ order: 4, title: { en: 'Event-Driven Architecture' }, quizLangs: ['ru', 'en'] });
    expect(lesson?.next).toMatchObject({ id: '05-choosing-architecture', available: false, title: { en: 'Choosing an architecture' } });
  });

  for (const lang of LESSON_LANGS) {
    describe(`lesson 4 in ${lang}`, () => {
      const { markdown } = loadLesson(root, '04-event-driven', lang);
      const blocks = extractCodeBlocks(markdown);

      it('has the rich elements the lesson page renders', () => {
        expect(blocks.filter((b) => b.lang === 'mermaid').length).toBeGreaterThanOrEqual(5);
        expect(markdown).toMatch(/```mermaid\nsequenceDiagram/);
        expect(blocks.some((b) => b.lang === 'text' && /[┌│└]/.test(b.code))).toBe(true);
        expect(blocks.filter((b) => b.lang === 'ts').length).toBeGreaterThan(10);
        expect(blocks.filter((b) => b.lang === 'python').length).toBe(1);
        for (const kind of ['tip', 'info', 'warning', 'success', 'quote', 'note']) expect(markdown).toMatch(new RegExp(`^!!! ${kind} "`, 'm'));
        expect(markdown.match(/^\| --- \|/gm)?.length ?? 0).toBeGreaterThanOrEqual(6);
        expect(markdown).toContain('](lesson:05-choosing-architecture)');
      });

      it('covers the topics in the product order', () => {
        const headings = markdown.match(/^## \d+\. .*$/gm) ?? [];
        const expected = {
          en: ['event-driven architecture', 'Event Sourcing', 'CQRS', 'Kafka', 'Sagas', 'Reactive', 'Practical assignment', 'Common mistakes', 'Key takeaways', 'Next steps'],
          ru: ['событийная архитектура', 'Event Sourcing', 'CQRS', 'Kafka', 'Саги', 'Реактивные', 'Практическое задание', 'Типичные ошибки', 'Главное', 'Что дальше'],
        }[lang];
        expect(headings).toHaveLength(expected.length);
        headings.forEach((heading, i) => expect(heading).toContain(expected[i]));
      });

      it('keeps money in integer cents in the examples', () => {
        const checked = blocks.filter((b) => b.lang === 'ts' && !b.flags.includes('wrong'));
        for (const b of checked) {
          // Comments and strings may mention 19.99 (to explain a mistake); the code itself may not hold it.
          const code = b.code.replace(/\/\/.*$/gm, '').replace(/'[^'\n]*'|`[^`]*`/g, "''");
          expect(code, `block at line ${b.line}`).not.toMatch(/\b\d+\.\d{2}\b/);
        }
      });
    });

    it(`quiz in ${lang} has at least 18 questions with explanations and topics`, () => {
      const quiz = loadQuiz(root, '04-event-driven', lang);
      expect(quiz.questions.length).toBeGreaterThanOrEqual(18);
      expect(quiz.questions.some((q) => q.type === 'multiple')).toBe(true);
      for (const q of quiz.questions) expect(q.explanation.length, q.id).toBeGreaterThan(150);
      const ids = quiz.questions.map((q) => q.id);
      for (const required of ['optimistic-concurrency', 'idempotent-consumer', 'outbox-relay', 'projections-lag', 'snapshots-upcasting', 'partition-key', 'rebalancing', 'compensation-order']) {
        expect(ids).toContain(required);
      }
    });
  }
});

describe('the two languages of lesson 4 teach the same material', () => {
  const shape = (lang: (typeof LESSON_LANGS)[number]) => {
    const { markdown } = loadLesson(root, '04-event-driven', lang);
    const blocks = extractCodeBlocks(markdown);
    return {
      sections: (markdown.match(/^## \d+\./gm) ?? []).length,
      subsections: (markdown.match(/^### /gm) ?? []).length,
      blocks: blocks.map((b) => `${b.lang}${b.flags.includes('wrong') ? ' wrong' : ''}${b.attrs.title ? ` ${b.attrs.title}` : ''}`),
      diagrams: blocks.filter((b) => b.lang === 'mermaid').map((b) => b.code.split('\n')[0]),
      admonitions: (markdown.match(/^!!! [a-z]+/gm) ?? []).join(','),
      tableRows: (markdown.match(/^\|/gm) ?? []).length,
    };
  };

  it('has the same sections, code blocks, diagrams, admonitions and tables in ru and en', () => {
    expect(shape('ru')).toEqual(shape('en'));
  });
});

// ---------------------------------------------------------------------------------------------
// Broken fixtures: each is a valid lesson with one mistake, built in a temp folder.

const tmpRoots: string[] = [];
afterAll(() => tmpRoots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const goodManifest = {
  id: 'demo',
  order: 1,
  title: { ru: 'Демо', en: 'Demo' },
  summary: { ru: 'Коротко', en: 'Short' },
};
const goodQuestion = (text: string) => ({
  question: text,
  type: 'single',
  points: 1,
  options: [
    { text: 'Yes', correct: true },
    { text: 'No', correct: false },
  ],
  explanation: 'Because.',
});
const goodQuiz = { title: 'Demo quiz', description: 'About the demo', icon: '🧪', questions: [goodQuestion('What is first?'), goodQuestion('What is the second question about events?')] };
const goodMarkdown = '# Demo\n\n!!! tip "A tip"\n    Indented body.\n\n```mermaid\nflowchart LR\n    A --> B\n```\n';

type Files = Record<string, string | object | null>;
function fixture(overrides: Files = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lessons-'));
  tmpRoots.push(dir);
  const files: Files = {
    'demo/lesson.json': goodManifest,
    'demo/lesson.ru.md': goodMarkdown,
    'demo/lesson.en.md': goodMarkdown,
    'demo/quiz.ru.json': goodQuiz,
    'demo/quiz.en.json': goodQuiz,
    ...overrides,
  };
  for (const [name, content] of Object.entries(files)) {
    if (content === null) continue;
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

function quizError(quiz: unknown, lang: 'ru' | 'en' = 'en'): string {
  const dir = fixture({ [`demo/quiz.${lang}.json`]: quiz as object });
  try {
    loadQuiz(dir, 'demo', lang);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the quiz to be rejected');
}

const withQuestion = (index: number, patch: object) => ({
  ...goodQuiz,
  questions: goodQuiz.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)),
});

describe('an author mistake in a quiz names the file, the question and the field', () => {
  it('a wrongly typed field', () => {
    const options = [{ text: 'Yes', correct: true }, { text: 'No', correct: 'no' }];
    expect(quizError(withQuestion(1, { options }))).toMatch(
      /^demo\/quiz\.en\.json: question 2 \(questions\[1\] “What is the second question about events…”\): field options\[1\]\.correct: .*boolean/,
    );
  });

  it('a missing explanation', () => {
    const { explanation: _, ...noExplanation } = goodQuestion('Where is the explanation?');
    const message = quizError({ ...goodQuiz, questions: [goodQuiz.questions[0], noExplanation] });
    expect(message).toContain('demo/quiz.en.json: question 2 (questions[1] “Where is the explanation?”): field explanation:');
  });

  it('a long question is quoted by its start only', () => {
    const long = 'Which of the following statements about consumer group rebalancing in Kafka is true?';
    expect(quizError(withQuestion(0, { question: long, points: 0 }))).toContain('question 1 (questions[0] “Which of the following statements about…”): field points:');
  });

  it('a single-choice question with two correct options', () => {
    const options = [{ text: 'A', correct: true }, { text: 'B', correct: true }];
    expect(quizError(withQuestion(0, { options }))).toContain(
      'question 1 (questions[0] “What is first?”): field options: a single-choice question needs exactly 1 correct option, found 2',
    );
  });

  it('an unknown type and a misspelt key', () => {
    const message = quizError(withQuestion(0, { type: 'checkbox', explenation: 'typo' }));
    expect(message).toContain('question 1 (questions[0] “What is first?”): field type:');
    expect(message).toMatch(/question 1 \(questions\[0\] “What is first\?”\): the question: .*explenation/);
  });

  it('a duplicated question id', () => {
    const quiz = { ...goodQuiz, questions: goodQuiz.questions.map((q) => ({ ...q, id: 'same' })) };
    expect(quizError(quiz)).toContain('question 2 (questions[1] “What is the second question about events…”): field id: the id "same" is already used by questions[0]');
  });

  it('a missing top-level field', () => {
    const { icon: _, ...noIcon } = goodQuiz;
    expect(quizError(noIcon)).toMatch(/^demo\/quiz\.en\.json: field icon: /);
  });

  it('invalid JSON, with its line and column', () => {
    expect(quizError('{\n  "title": "x",\n  "questions": [,]\n}')).toBe('demo/quiz.en.json: is not valid JSON at line 3, column 17: unexpected ","');
    expect(quizError('{\n  "title": "x",\n}')).toBe('demo/quiz.en.json: is not valid JSON at line 3, column 1: expected a property name in double quotes, found "}"');
  });
});

describe('an author mistake in a lesson names the file and the line or field', () => {
  const problems = (overrides: Files) => validateLessons(fixture(overrides)).map(String).join('\n');

  it('a valid fixture has no problems', () => {
    expect(problems({})).toBe('');
  });

  it('lesson.json whose id is not its folder', () => {
    expect(problems({ 'demo/lesson.json': { ...goodManifest, id: 'other' } })).toContain('demo/lesson.json: id: "other" must equal the folder name "demo"');
  });

  it('lesson.json with a missing English title', () => {
    expect(problems({ 'demo/lesson.json': { ...goodManifest, title: { ru: 'Демо' } } })).toMatch(/demo\/lesson\.json: field title\.en: /);
  });

  it('a missing language', () => {
    expect(problems({ 'demo/lesson.ru.md': null })).toContain('demo/lesson.ru.md: the file does not exist');
    expect(() => loadLesson(fixture({ 'demo/lesson.ru.md': null }), 'demo', 'ru')).toThrow('demo/lesson.ru.md: the file does not exist');
  });

  it('a quiz in one language only', () => {
    expect(problems({ 'demo/quiz.ru.json': null })).toContain('demo: has quiz.en.json but no quiz.ru.json');
  });

  it('quizzes whose languages disagree on the answers', () => {
    const swapped = withQuestion(0, { options: [{ text: 'Да', correct: false }, { text: 'Нет', correct: true }] });
    expect(problems({ 'demo/quiz.ru.json': swapped })).toContain('demo/quiz.*.json: questions[0] “What is first?”: options differ between ru and en');
  });

  it('an unknown admonition kind, an unindented body, an unclosed fence, an empty diagram', () => {
    const md = '# Demo\n\n!!! danger "Careful"\n    body\n\n!!! tip "T"\nnot indented\n\n```mermaid\n```\n\n```ts\nconst x = 1;\n';
    const found = problems({ 'demo/lesson.en.md': md });
    expect(found).toContain('demo/lesson.en.md: line 3: unknown admonition kind "danger"');
    expect(found).toContain('demo/lesson.en.md: line 7: an admonition body starts on the next line, indented by 4 spaces');
    expect(found).toContain('demo/lesson.en.md: line 9: this Mermaid block is empty');
    expect(found).toContain('demo/lesson.en.md: line 12: this code fence is never closed');
  });

  it('a next lesson that neither exists nor has a title', () => {
    expect(problems({ 'demo/lesson.json': { ...goodManifest, next: 'nowhere' } })).toContain('demo/lesson.json: next: lesson "nowhere" does not exist');
  });

  it('an unknown lesson id', () => {
    expect(() => loadLesson(fixture(), 'missing', 'en')).toThrow('missing/lesson.json: no such lesson');
    expect(() => loadQuiz(fixture(), '../etc', 'en')).toThrow(/not a lesson id/);
  });
});
