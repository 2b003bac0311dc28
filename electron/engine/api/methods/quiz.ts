// Methods of the quiz page. The UI never sees which options are correct until it asks the engine to
// check an answer or submits an attempt; scores are always computed here, from the content files.
// No node imports here: the renderer imports these types through the contract.
import { z } from 'zod';
import { method, Ok } from '../defineMethod';
import { Locale } from './app';
import { LessonId } from './lesson';
import { QuizDraft } from '../../common/quizDraft';

export const Scoring = z.enum(['all-or-nothing', 'partial']);
const QuestionId = z.string().min(1).max(100);
const Selected = z.array(z.number().int().min(0).max(50)).max(50);

export const QuizQuestionView = z.object({
  id: QuestionId,
  question: z.string(),
  type: z.enum(['single', 'multiple']),
  points: z.number(),
  topic: z.string(),
  scoring: Scoring,
  /** Options in the author's order; `index` is what answers refer to, whatever order the UI shows. */
  options: z.array(z.object({ index: z.number().int(), text: z.string() })),
});

export const QuestionResult = z.object({
  questionId: QuestionId,
  selected: Selected,
  correctOptions: z.array(z.number().int()),
  correct: z.boolean(),
  earned: z.number(),
  points: z.number(),
  explanation: z.string(),
});

export const TopicScore = z.object({ topic: z.string(), earned: z.number(), max: z.number(), correct: z.number(), total: z.number() });

export const QuizAttempt = z.object({
  id: z.number().int(),
  lessonId: LessonId,
  lang: Locale,
  seed: z.number().int(),
  startedAt: z.string().nullable(),
  submittedAt: z.string(),
  score: z.number(),
  maxScore: z.number(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  topics: z.array(TopicScore),
});

export const quizMethods = {
  'quiz.get': method(
    z.object({ lessonId: LessonId, lang: Locale }),
    z.object({
      lessonId: LessonId,
      lang: Locale,
      title: z.string(),
      description: z.string(),
      icon: z.string(),
      maxScore: z.number(),
      questions: z.array(QuizQuestionView),
    }),
  ),
  /** Checks one answer without recording anything: what the student sees right after answering. */
  'quiz.check': method(
    z.object({ lessonId: LessonId, lang: Locale, questionId: QuestionId, selected: Selected }),
    QuestionResult,
  ),
  'quiz.submit': method(
    z.object({
      lessonId: LessonId,
      lang: Locale,
      seed: z.number().int().min(0).max(0xffffffff),
      startedAt: z.string().max(40).optional(),
      answers: z.array(z.object({ questionId: QuestionId, selected: Selected })).max(500),
    }),
    z.object({ attempt: QuizAttempt, questions: z.array(QuestionResult) }),
  ),
  'quiz.attempts': method(z.object({ lessonId: LessonId }), z.object({ attempts: z.array(QuizAttempt) })),
  /**
   * One past attempt for review: each question's picks, the correct options and the explanation, worded
   * in `lang`, re-checked against today's quiz file. `stored: true` when the file has changed so much
   * that the picks no longer fit it: the results saved with the attempt are shown, in its own language.
   */
  'quiz.attempt': method(
    z.object({ lessonId: LessonId, attemptId: z.number().int().min(1), lang: Locale }),
    z.object({ attempt: QuizAttempt, questions: z.array(QuestionResult), stored: z.boolean() }),
  ),
  /** The attempt in progress for this lesson (per profile), or null. */
  'quiz.draft.get': method(z.object({ lessonId: LessonId }), z.object({ draft: QuizDraft.extend({ updatedAt: z.string() }).nullable() })),
  'quiz.draft.save': method(z.object({ lessonId: LessonId, draft: QuizDraft }), Ok),
  'quiz.draft.clear': method(z.object({ lessonId: LessonId }), Ok),
};
