// Quiz scoring (pure) and the attempts kept in the progress database.
export { scoreQuiz, scoreQuestion, correctOptionsOf, normaliseSelection, QuizAnswerError, type QuizScore, type ScoredQuestion, type TopicScore } from './score';
export { openQuizAttempts, type QuizAttemptsRepo, type StoredAttempt, type NewAttempt } from './attempts';
export type { Quiz, QuizQuestion, QuizOption, Answer, ScoringRule, QuestionType } from './types';
export { openQuizDrafts, type QuizDraftsRepo } from './drafts';
