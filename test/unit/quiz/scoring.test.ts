import { describe, expect, it } from 'vitest';
import { scoreQuestion, scoreQuiz, type Quiz } from '../../../electron/engine/quiz';
import { createLessonSource } from '../../../electron/engine/lesson';
import { makeResources } from './fixture';

function fixtureQuiz(): Quiz {
  const quiz = createLessonSource(makeResources()).quiz('04-fixture', 'en');
  if (!quiz) throw new Error('fixture quiz missing');
  return quiz;
}

describe('quiz scoring', () => {
  const quiz = fixtureQuiz();
  const [single, multiple, partial] = quiz.questions;

  it('fills in question ids, topics and the all-or-nothing default from the content file', () => {
    expect(quiz.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'partial-one']);
    expect(multiple.scoring).toBe('all-or-nothing');
    expect(partial.scoring).toBe('partial');
  });

  it('gives a single-choice question its points only for the correct option', () => {
    expect(scoreQuestion(single, [1])).toMatchObject({ correct: true, earned: 1, correctOptions: [1] });
    expect(scoreQuestion(single, [0])).toMatchObject({ correct: false, earned: 0 });
    expect(scoreQuestion(single, [])).toMatchObject({ correct: false, earned: 0 });
  });

  it('scores multiple choice all-or-nothing by default', () => {
    expect(scoreQuestion(multiple, [1, 0])).toMatchObject({ correct: true, earned: 2, selected: [0, 1] });
    expect(scoreQuestion(multiple, [0])).toMatchObject({ correct: false, earned: 0 });
    expect(scoreQuestion(multiple, [0, 1, 2])).toMatchObject({ correct: false, earned: 0 });
  });

  it('gives partial credit (right minus wrong picks, not below zero) only when the author asks', () => {
    expect(scoreQuestion(partial, [0, 1, 3]).earned).toBe(3);
    expect(scoreQuestion(partial, [0, 1]).earned).toBe(2);
    expect(scoreQuestion(partial, [0, 2]).earned).toBe(0);
    expect(scoreQuestion(partial, [2]).earned).toBe(0);
    expect(scoreQuestion(partial, [0]).earned).toBe(1);
  });

  it('rejects options out of range and two picks on a single-choice question', () => {
    expect(() => scoreQuestion(single, [3])).toThrow(/no option 3/);
    expect(() => scoreQuestion(single, [0, 1])).toThrow(/single choice/);
  });

  it('adds up a whole attempt with a per-topic breakdown; unanswered questions score zero', () => {
    const result = scoreQuiz(quiz, [
      { questionId: 'q1', selected: [1] },
      { questionId: 'partial-one', selected: [0, 3] },
    ]);
    expect(result).toMatchObject({ score: 3, maxScore: 6, correctCount: 1, questionCount: 3 });
    expect(result.topics).toEqual([
      { topic: 'event-sourcing', earned: 1, max: 1, correct: 1, total: 1 },
      { topic: 'cqrs', earned: 2, max: 5, correct: 0, total: 2 },
    ]);
  });

  it('rejects answers to unknown questions and a question answered twice', () => {
    expect(() => scoreQuiz(quiz, [{ questionId: 'nope', selected: [] }])).toThrow(/no question "nope"/);
    expect(() =>
      scoreQuiz(quiz, [
        { questionId: 'q1', selected: [1] },
        { questionId: 'q1', selected: [0] },
      ]),
    ).toThrow(/answered twice/);
  });
});
