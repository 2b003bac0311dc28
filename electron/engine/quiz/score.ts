// Scores quiz answers from the content alone: the UI sends what the student picked, never a score.
// Single choice: the one correct option. Multiple choice: all-or-nothing by default (exactly the
// correct set), or partial credit (right picks minus wrong picks, never below zero) when the author asks.
import { CodedError } from '../common/codedError';
import type { Answer, Quiz, QuizQuestion } from './types';

export class QuizAnswerError extends CodedError {
  readonly code = 'INVALID_ANSWER';
}

export interface ScoredQuestion {
  questionId: string;
  selected: number[];
  correctOptions: number[];
  correct: boolean;
  earned: number;
  points: number;
  explanation: string;
}

export interface TopicScore {
  topic: string;
  earned: number;
  max: number;
  correct: number;
  total: number;
}

export interface QuizScore {
  score: number;
  maxScore: number;
  correctCount: number;
  questionCount: number;
  questions: ScoredQuestion[];
  topics: TopicScore[];
}

/** Rounds to hundredths so partial credit (e.g. 2/3 of a point) stores and displays cleanly. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function correctOptionsOf(question: QuizQuestion): number[] {
  return question.options.flatMap((o, i) => (o.correct ? [i] : []));
}

/** Validates and normalises a selection: sorted, no duplicates, in range, one pick for single choice. */
export function normaliseSelection(question: QuizQuestion, selected: readonly number[]): number[] {
  const unique = [...new Set(selected)].sort((a, b) => a - b);
  for (const i of unique) {
    if (!Number.isInteger(i) || i < 0 || i >= question.options.length) {
      throw new QuizAnswerError(`Question "${question.id}" has no option ${i}`);
    }
  }
  if (question.type === 'single' && unique.length > 1) {
    throw new QuizAnswerError(`Question "${question.id}" is single choice but ${unique.length} options were picked`);
  }
  return unique;
}

export function scoreQuestion(question: QuizQuestion, selected: readonly number[]): ScoredQuestion {
  const picks = normaliseSelection(question, selected);
  const correctOptions = correctOptionsOf(question);
  const exact = picks.length === correctOptions.length && picks.every((p, i) => p === correctOptions[i]);
  let earned = exact ? question.points : 0;
  if (!exact && question.type === 'multiple' && question.scoring === 'partial' && correctOptions.length > 0) {
    const hits = picks.filter((p) => correctOptions.includes(p)).length;
    const misses = picks.length - hits;
    earned = round2((question.points * Math.max(0, hits - misses)) / correctOptions.length);
  }
  return {
    questionId: question.id,
    selected: picks,
    correctOptions,
    correct: exact,
    earned,
    points: question.points,
    explanation: question.explanation,
  };
}

/** Scores a whole attempt; unanswered questions score zero, unknown or repeated questions are errors. */
export function scoreQuiz(quiz: Quiz, answers: readonly Answer[]): QuizScore {
  const byId = new Map<string, readonly number[]>();
  const known = new Set(quiz.questions.map((q) => q.id));
  for (const a of answers) {
    if (!known.has(a.questionId)) throw new QuizAnswerError(`The quiz has no question "${a.questionId}"`);
    if (byId.has(a.questionId)) throw new QuizAnswerError(`Question "${a.questionId}" was answered twice`);
    byId.set(a.questionId, a.selected);
  }
  const questions = quiz.questions.map((q) => scoreQuestion(q, byId.get(q.id) ?? []));
  const topics = new Map<string, TopicScore>();
  quiz.questions.forEach((q, i) => {
    const result = questions[i];
    const t = topics.get(q.topic) ?? { topic: q.topic, earned: 0, max: 0, correct: 0, total: 0 };
    t.earned = round2(t.earned + result.earned);
    t.max = round2(t.max + q.points);
    t.correct += result.correct ? 1 : 0;
    t.total += 1;
    topics.set(q.topic, t);
  });
  return {
    score: round2(questions.reduce((s, q) => s + q.earned, 0)),
    maxScore: round2(quiz.questions.reduce((s, q) => s + q.points, 0)),
    correctCount: questions.filter((q) => q.correct).length,
    questionCount: questions.length,
    questions,
    topics: [...topics.values()],
  };
}
