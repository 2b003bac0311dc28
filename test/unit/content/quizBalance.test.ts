// A quiz must not give its answers away by their form: the correct option is not systematically the
// longest, nor always in the same place, and in multiple choice the right options are not visibly wordier.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuiz } from '../../../electron/engine/content/loadLessons';
import { LESSON_LANGS } from '../../../electron/engine/content/lessonSchema';

const root = path.resolve(import.meta.dirname, '../../../content/lessons');
type Option = { text: string; correct: boolean };
type Question = { id: string; type: 'single' | 'multiple'; options: Option[] };

/** Single-choice questions whose correct option is strictly longer than every other option. */
export function correctIsLongest(questions: Question[]): string[] {
  return questions
    .filter((q) => q.type === 'single')
    .filter((q) => {
      const right = q.options.find((o) => o.correct)!.text.length;
      return q.options.every((o) => o.correct || o.text.length < right);
    })
    .map((q) => q.id);
}

/** Multiple-choice questions whose correct options are on average over 20% longer than the wrong ones. */
export function correctAreWordier(questions: Question[]): string[] {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return questions
    .filter((q) => q.type === 'multiple' && q.options.some((o) => !o.correct))
    .filter((q) => {
      const right = mean(q.options.filter((o) => o.correct).map((o) => o.text.length));
      const wrong = mean(q.options.filter((o) => !o.correct).map((o) => o.text.length));
      return right > wrong * 1.2;
    })
    .map((q) => q.id);
}

const quizzes = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'quiz.en.json')))
  .flatMap((d) => LESSON_LANGS.map((lang) => ({ id: d.name, lang, quiz: loadQuiz(root, d.name, lang) })));

describe('quiz option balance', () => {
  it('finds the quizzes', () => {
    expect(quizzes.length).toBeGreaterThanOrEqual(2);
  });

  it('notices a quiz where the right answer is always the longest', () => {
    const q = (id: string): Question => ({ id, type: 'single', options: [{ text: 'short', correct: false }, { text: 'the long and careful right answer', correct: true }] });
    expect(correctIsLongest([q('a'), q('b')])).toEqual(['a', 'b']);
    const m: Question = { id: 'm', type: 'multiple', options: [{ text: 'a long, detailed right answer', correct: true }, { text: 'no', correct: false }] };
    expect(correctAreWordier([m])).toEqual(['m']);
  });

  for (const { id, lang, quiz } of quizzes) {
    describe(`${id} in ${lang}`, () => {
      const questions = quiz.questions as Question[];
      const singles = questions.filter((q) => q.type === 'single');

      it('rarely makes the correct single-choice option the longest (at most a quarter of the questions)', () => {
        expect(correctIsLongest(questions).length).toBeLessThanOrEqual(Math.floor(singles.length / 4));
      });

      it('spreads the correct single-choice option over the positions', () => {
        const positions = singles.map((q) => q.options.findIndex((o) => o.correct));
        const most = Math.max(...[0, 1, 2, 3].map((p) => positions.filter((x) => x === p).length));
        expect(most).toBeLessThanOrEqual(Math.ceil(singles.length / 2));
        expect(new Set(positions).size).toBeGreaterThanOrEqual(3);
      });

      it('does not make the right multiple-choice options visibly wordier', () => {
        const multiples = questions.filter((q) => q.type === 'multiple');
        expect(correctAreWordier(questions).length).toBeLessThanOrEqual(Math.floor(multiples.length / 4));
      });
    });
  }
});
