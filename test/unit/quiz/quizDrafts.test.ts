// The attempt in progress and the review of past attempts, through the quiz handlers on a real
// (in-memory) progress database: a draft is kept until the attempt is submitted, a damaged draft is
// dropped rather than breaking the page, and an old attempt can be reviewed in either language.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../electron/engine/api/context';
import { createQuizHandlers } from '../../../electron/engine/api/handlers/quiz';
import { openProgressDb, type ProgressDb } from '../../../electron/engine/progress';
import { makeResources, quizFixture } from './fixture';

let progress: ProgressDb | undefined;
afterEach(() => progress?.close());

function setup(resourcesDir = makeResources()) {
  progress = openProgressDb(':memory:');
  const ctx: EngineContext = { dataDir: ':memory:', resourcesDir, shell: 'test', appVersion: '0.0.0', progress, push: () => {}, onClose: () => {} };
  return { h: createQuizHandlers(ctx), db: progress.db, resourcesDir };
}

const draft = {
  lang: 'en' as const,
  seed: 99,
  startedAt: '2026-12-03T04:00:00.000Z',
  mode: 'one' as const,
  index: 1,
  answers: [{ questionId: 'q1', selected: [1] }, { questionId: 'q2', selected: [0] }],
  checked: ['q1'],
};

describe('quiz attempt in progress', () => {
  it('is kept per lesson until the attempt is submitted', async () => {
    const { h } = setup();
    expect((await h['quiz.draft.get']({ lessonId: '04-fixture' })).draft).toBeNull();
    await h['quiz.draft.save']({ lessonId: '04-fixture', draft });
    expect((await h['quiz.draft.get']({ lessonId: '04-fixture' })).draft).toMatchObject(draft);
    expect((await h['quiz.draft.get']({ lessonId: '04-other' })).draft).toBeNull();

    await h['quiz.draft.save']({ lessonId: '04-fixture', draft: { ...draft, mode: 'all', index: 0 } });
    expect((await h['quiz.draft.get']({ lessonId: '04-fixture' })).draft).toMatchObject({ mode: 'all', index: 0 });

    await h['quiz.submit']({ lessonId: '04-fixture', lang: 'en', seed: 99, answers: draft.answers });
    expect((await h['quiz.draft.get']({ lessonId: '04-fixture' })).draft).toBeNull();
  });

  it('is cleared on request (starting over)', async () => {
    const { h } = setup();
    await h['quiz.draft.save']({ lessonId: '04-fixture', draft });
    await h['quiz.draft.clear']({ lessonId: '04-fixture' });
    expect((await h['quiz.draft.get']({ lessonId: '04-fixture' })).draft).toBeNull();
  });

  it('is dropped, not an error, when the stored copy cannot be read', async () => {
    const { h, db } = setup();
    await h['quiz.draft.save']({ lessonId: '04-fixture', draft });
    db.prepare('UPDATE quiz_drafts SET draft = ?').run('{"seed":"not a number"');
    expect((await h['quiz.draft.get']({ lessonId: '04-fixture' })).draft).toBeNull();
    expect(db.prepare('SELECT COUNT(*) AS n FROM quiz_drafts').get()).toEqual({ n: 0 });
  });
});

describe('reviewing a past attempt', () => {
  it('shows each question with the picks, the correct options and the explanation, in the asked language', async () => {
    const dir = makeResources();
    const ru = { ...quizFixture, questions: quizFixture.questions.map((q) => ({ ...q, explanation: `RU: ${q.explanation}` })) };
    fs.writeFileSync(path.join(dir, 'content/lessons/04-fixture/quiz.ru.json'), JSON.stringify(ru));
    const { h } = setup(dir);
    const { attempt } = await h['quiz.submit']({ lessonId: '04-fixture', lang: 'en', seed: 5, answers: draft.answers });

    const en = await h['quiz.attempt']({ lessonId: '04-fixture', attemptId: attempt.id, lang: 'en' });
    expect(en.stored).toBe(false);
    expect(en.attempt).toMatchObject({ id: attempt.id, seed: 5, score: attempt.score });
    expect(en.questions.map((q) => [q.questionId, q.selected, q.correctOptions, q.correct])).toEqual([
      ['q1', [1], [1], true],
      ['q2', [0], [0, 1], false],
      ['partial-one', [], [0, 1, 3], false],
    ]);
    expect(en.questions[0].explanation).toBe('State is derived by replaying the events.');

    const inRussian = await h['quiz.attempt']({ lessonId: '04-fixture', attemptId: attempt.id, lang: 'ru' });
    expect(inRussian.questions[0].explanation).toBe('RU: State is derived by replaying the events.');
  });

  it('falls back to the results stored with the attempt when the quiz file no longer fits the picks', async () => {
    const { h, resourcesDir } = setup();
    const { attempt } = await h['quiz.submit']({ lessonId: '04-fixture', lang: 'en', seed: 5, answers: draft.answers });
    const changed = { ...quizFixture, questions: quizFixture.questions.slice(1) }; // q1 removed
    fs.writeFileSync(path.join(resourcesDir, 'content/lessons/04-fixture/quiz.en.json'), JSON.stringify(changed));
    const review = await h['quiz.attempt']({ lessonId: '04-fixture', attemptId: attempt.id, lang: 'en' });
    expect(review.stored).toBe(true);
    expect(review.questions[0]).toMatchObject({ questionId: 'q1', selected: [1], correct: true });
  });

  it('answers NOT_FOUND for an attempt of another lesson or one that does not exist', async () => {
    const { h } = setup();
    const { attempt } = await h['quiz.submit']({ lessonId: '04-fixture', lang: 'en', seed: 5, answers: [] });
    expect(() => h['quiz.attempt']({ lessonId: '04-other', attemptId: attempt.id, lang: 'en' })).toThrow(/no quiz attempt/);
    expect(() => h['quiz.attempt']({ lessonId: '04-fixture', attemptId: attempt.id + 1, lang: 'en' })).toThrow(/no quiz attempt/);
  });
});
