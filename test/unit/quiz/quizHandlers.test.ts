import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../electron/engine/api/context';
import { createQuizHandlers } from '../../../electron/engine/api/handlers/quiz';
import { openProgressDb, type ProgressDb } from '../../../electron/engine/progress';
import { makeResources } from './fixture';

let progress: ProgressDb | undefined;
afterEach(() => progress?.close());

function handlers() {
  progress = openProgressDb(':memory:');
  const ctx: EngineContext = {
    dataDir: ':memory:',
    resourcesDir: makeResources(),
    shell: 'test',
    appVersion: '0.0.0',
    progress,
    push: () => {},
    onClose: () => {},
  };
  return createQuizHandlers(ctx);
}

describe('quiz handlers', () => {
  it('serve the quiz without revealing which options are correct or the explanations', async () => {
    const quiz = await handlers()['quiz.get']({ lessonId: '04-fixture', lang: 'en' });
    expect(quiz.maxScore).toBe(6);
    expect(JSON.stringify(quiz)).not.toMatch(/correct|explanation|replaying the events/);
  });

  it('score a submission on the engine, store it, and list it in the history newest first', async () => {
    const h = handlers();
    const first = await h['quiz.submit']({
      lessonId: '04-fixture',
      lang: 'en',
      seed: 42,
      answers: [
        { questionId: 'q1', selected: [1] },
        { questionId: 'q2', selected: [0, 1] },
      ],
    });
    expect(first.attempt).toMatchObject({ score: 3, maxScore: 6, correctCount: 2, seed: 42, lang: 'en' });
    await h['quiz.submit']({ lessonId: '04-fixture', lang: 'ru', seed: 7, answers: [] });
    const { attempts } = await h['quiz.attempts']({ lessonId: '04-fixture' });
    expect(attempts.map((a) => a.score)).toEqual([0, 3]);
    expect(attempts[1].topics.find((t) => t.topic === 'cqrs')).toMatchObject({ earned: 2, max: 5 });
  });

  it('check one answer and say which options were correct', async () => {
    const result = await handlers()['quiz.check']({ lessonId: '04-fixture', lang: 'ru', questionId: 'q2', selected: [0] });
    expect(result).toMatchObject({ correct: false, earned: 0, correctOptions: [0, 1], explanation: 'Projections feed them asynchronously.' });
  });

  it('ignore a score sent by the UI: the contract has no place for one', async () => {
    const { methods } = await import('../../../electron/engine/api/contract');
    const parsed = methods['quiz.submit'].input.parse({ lessonId: '04-fixture', lang: 'en', seed: 1, answers: [], score: 999 });
    expect(parsed).not.toHaveProperty('score');
  });
});

describe('quiz content errors', () => {
  it('name the file, the question and the field when a quiz file is broken', async () => {
    const progressDb = openProgressDb(':memory:');
    const resourcesDir = makeResources('04-broken');
    const file = `${resourcesDir}/content/lessons/04-broken/quiz.en.json`;
    const quiz = JSON.parse(fs.readFileSync(file, 'utf8'));
    quiz.questions[1].options[0].correct = 'yes';
    fs.writeFileSync(file, JSON.stringify(quiz));
    const ctx: EngineContext = { dataDir: ':memory:', resourcesDir, shell: 'test', appVersion: '0', progress: progressDb, push: () => {}, onClose: () => {} };
    const h = createQuizHandlers(ctx);
    expect(() => h['quiz.get']({ lessonId: '04-broken', lang: 'en' })).toThrow(/quiz\.en\.json.*question 2.*options\[0\]\.correct/);
    progressDb.close();
  });
});
