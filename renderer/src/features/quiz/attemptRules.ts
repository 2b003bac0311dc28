// Pure rules of an attempt in progress: which questions are still unanswered, where "go to the first
// unanswered" lands, what switching the mode mid-attempt keeps, and the draft the engine stores.
import type { QuizDraft, QuizMode } from '@common/quizDraft';

export interface AttemptState {
  seed: number;
  startedAt: string;
  mode: QuizMode;
  index: number;
  answers: Record<string, number[]>;
  /** Ids of questions already checked (locked, feedback shown). */
  checked: readonly string[];
}

/** Indexes (in quiz order) of the questions with nothing picked: they would score zero. */
export function unansweredIndexes(questionIds: readonly string[], answers: Record<string, readonly number[]>): number[] {
  return questionIds.flatMap((id, i) => ((answers[id] ?? []).length === 0 ? [i] : []));
}

/**
 * Switching the mode mid-attempt keeps every pick and every checked question. Going to one-at-a-time
 * shows the first unanswered question (or the first one when all are answered), so nothing is skipped.
 */
export function switchMode(state: AttemptState, mode: QuizMode, questionIds: readonly string[]): AttemptState {
  if (mode === state.mode) return state;
  if (mode === 'all') return { ...state, mode };
  const [firstOpen] = unansweredIndexes(questionIds, state.answers);
  return { ...state, mode, index: firstOpen ?? 0 };
}

/** The draft as the engine stores it: answers in quiz order, only questions with picks. */
export function toDraft(state: AttemptState, lang: 'ru' | 'en', questionIds: readonly string[]): QuizDraft {
  return {
    lang,
    seed: state.seed,
    startedAt: state.startedAt,
    mode: state.mode,
    index: state.index,
    answers: questionIds.flatMap((id) => ((state.answers[id] ?? []).length ? [{ questionId: id, selected: [...state.answers[id]] }] : [])),
    checked: state.checked.filter((id) => questionIds.includes(id)),
  };
}

/**
 * A stored draft back into an attempt for today's quiz: picks and checks of questions the quiz no
 * longer has are dropped, and the question shown stays in range.
 */
export function fromDraft(draft: QuizDraft, questionIds: readonly string[]): AttemptState {
  const known = new Set(questionIds);
  const answers: Record<string, number[]> = {};
  for (const a of draft.answers) if (known.has(a.questionId) && a.selected.length) answers[a.questionId] = [...a.selected];
  return {
    seed: draft.seed,
    startedAt: draft.startedAt,
    mode: draft.mode,
    index: Math.min(Math.max(0, draft.index), Math.max(0, questionIds.length - 1)),
    answers,
    checked: draft.checked.filter((id) => known.has(id)),
  };
}
