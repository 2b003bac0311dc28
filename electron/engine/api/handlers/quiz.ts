// Handlers for quiz.*: the quiz without its answers, checking one answer, scoring and storing an
// attempt, the attempt history and the review of one past attempt, and the attempt in progress (kept
// per profile so it survives reload and restart). The score always comes from scoreQuiz over the content file.
import { ApiError } from '../errors';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { createLessonSource } from '../../lesson';
import { fromContent } from './fromContent';
import { openQuizAttempts, openQuizDrafts, scoreQuestion, scoreQuiz, QuizAnswerError, type Quiz, type ScoredQuestion } from '../../quiz';
import { z } from 'zod';
import { profileScoped } from '../../profiles';

export function createQuizHandlers(ctx: EngineContext): HandlerGroup<'quiz.'> {
  const source = createLessonSource(ctx.resourcesDir);
  const attempts = profileScoped(ctx, openQuizAttempts);
  const drafts = profileScoped(ctx, openQuizDrafts);
  const StoredResults = z.array(
    z.object({
      questionId: z.string(),
      selected: z.array(z.number().int()),
      correctOptions: z.array(z.number().int()),
      correct: z.boolean(),
      earned: z.number(),
      points: z.number(),
      explanation: z.string(),
    }),
  );

  function load(lessonId: string, lang: 'ru' | 'en'): Quiz {
    const quiz = fromContent(() => source.quiz(lessonId, lang));
    if (!quiz) throw new ApiError('NOT_FOUND', `Lesson "${lessonId}" has no quiz in ${lang}`);
    return quiz;
  }
  function asApiError<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof QuizAnswerError) throw new ApiError('INVALID_ANSWER', err.message);
      throw err;
    }
  }

  return {
    'quiz.get': ({ lessonId, lang }) => {
      const quiz = load(lessonId, lang);
      return {
        lessonId,
        lang,
        title: quiz.title,
        description: quiz.description,
        icon: quiz.icon,
        maxScore: quiz.questions.reduce((s, q) => s + q.points, 0),
        questions: quiz.questions.map((q) => ({
          id: q.id,
          question: q.question,
          type: q.type,
          points: q.points,
          topic: q.topic,
          scoring: q.scoring,
          options: q.options.map((o, index) => ({ index, text: o.text })),
        })),
      };
    },
    'quiz.check': ({ lessonId, lang, questionId, selected }) => {
      const question = load(lessonId, lang).questions.find((q) => q.id === questionId);
      if (!question) throw new ApiError('NOT_FOUND', `The quiz has no question "${questionId}"`);
      return asApiError(() => scoreQuestion(question, selected));
    },
    'quiz.submit': ({ lessonId, lang, seed, startedAt, answers }) => {
      const result = asApiError(() => scoreQuiz(load(lessonId, lang), answers));
      const attempt = attempts.add({
        lessonId,
        lang,
        seed,
        startedAt: startedAt ?? null,
        submittedAt: new Date().toISOString(),
        answers,
        result,
      });
      drafts.clear(lessonId);
      return { attempt, questions: result.questions };
    },
    'quiz.attempts': ({ lessonId }) => ({ attempts: attempts.list(lessonId) }),
    'quiz.attempt': ({ lessonId, attemptId, lang }) => {
      const found = attempts.answersOf(lessonId, attemptId);
      if (!found) throw new ApiError('NOT_FOUND', `Lesson "${lessonId}" has no quiz attempt ${attemptId}`);
      let questions: ScoredQuestion[];
      try {
        questions = scoreQuiz(load(lessonId, lang), found.answers).questions;
      } catch (err) {
        // The quiz file changed since (a question or option removed): show what was stored with the attempt.
        if (!(err instanceof QuizAnswerError) && !(err instanceof ApiError)) throw err;
        return { attempt: found.attempt, questions: StoredResults.parse(found.results), stored: true };
      }
      return { attempt: found.attempt, questions, stored: false };
    },
    'quiz.draft.get': ({ lessonId }) => ({ draft: drafts.get(lessonId) }),
    'quiz.draft.save': ({ lessonId, draft }) => {
      drafts.save(lessonId, draft);
      return { ok: true as const };
    },
    'quiz.draft.clear': ({ lessonId }) => {
      drafts.clear(lessonId);
      return { ok: true as const };
    },
  };
}
