// The quiz page's state: the quiz (without answers), the attempt in progress (seed, picks, checked
// questions, mode) mirrored to the engine as a draft of the active profile so it survives reload and
// restart, the finish warning for unanswered questions, the engine's verdict after submitting, the
// attempt history, and the review of one past attempt.
import { create } from 'zustand';
import { invoke, type MethodOutput } from '../../bridge';
import type { Language } from '../../i18n';
import { describeError } from '../../i18n/describeError';
import type { QuizMode } from '@common/quizDraft';
import { fromDraft, switchMode, toDraft, unansweredIndexes, type AttemptState } from './attemptRules';
import { newSeed } from './shuffle';

export type QuizData = MethodOutput<'quiz.get'>;
export type QuestionResult = MethodOutput<'quiz.check'>;
export type SubmitResult = MethodOutput<'quiz.submit'>;
export type Attempt = MethodOutput<'quiz.attempts'>['attempts'][number];
export type AttemptReview = MethodOutput<'quiz.attempt'>;
export type { QuizMode };

const MODE_KEY = 'replayground.quiz.mode';

interface QuizState {
  status: 'idle' | 'loading' | 'ready' | 'empty' | 'error';
  error: string | null;
  lessonId: string | null;
  lang: Language;
  quiz: QuizData | null;
  attempts: Attempt[];
  mode: QuizMode;
  phase: 'intro' | 'answering' | 'results' | 'review';
  seed: number;
  startedAt: string | null;
  /** When the attempt on screen was restored from a saved draft: its last save. */
  resumedFrom: string | null;
  index: number;
  answers: Record<string, number[]>;
  checked: Record<string, QuestionResult>;
  /** Set when finishing was asked for with unanswered questions: their indexes, for the warning. */
  finishWarning: number[] | null;
  /** A question to bring into view and focus ("go to the first unanswered"), bumped on each request. */
  focusRequest: { questionId: string; n: number } | null;
  result: SubmitResult | null;
  review: AttemptReview | null;
  busy: boolean;
  load(lessonId: string | null, lang: Language): Promise<void>;
  setMode(mode: QuizMode): void;
  start(): void;
  toggle(questionId: string, option: number, multiple: boolean): void;
  check(questionId: string): Promise<void>;
  goTo(index: number): void;
  /** Finishes, or, with questions unanswered, shows the warning first. */
  requestFinish(): void;
  dismissFinishWarning(): void;
  goToFirstUnanswered(): void;
  submit(): Promise<void>;
  backToIntro(): void;
  openReview(attemptId: number): Promise<void>;
}

let loadToken = 0;
/** Draft saves run one after another, so a slow save never overwrites a newer one. */
let saveChain: Promise<unknown> = Promise.resolve();

function attemptOf(s: QuizState): AttemptState {
  return { seed: s.seed, startedAt: s.startedAt ?? new Date().toISOString(), mode: s.mode, index: s.index, answers: s.answers, checked: Object.keys(s.checked) };
}

export const useQuizStore = create<QuizState>((set, get) => {
  const questionIds = () => get().quiz?.questions.map((q) => q.id) ?? [];

  /** Mirrors the attempt in progress to the engine (the active profile's progress database). */
  function persist(): void {
    const s = get();
    if (s.phase !== 'answering' || !s.lessonId || !s.quiz) return;
    const lessonId = s.lessonId;
    const draft = toDraft(attemptOf(s), s.lang, questionIds());
    saveChain = saveChain
      .then(() => invoke('quiz.draft.save', { lessonId, draft }))
      .catch((err: unknown) => set({ error: describeError(err) }));
  }

  async function recheck(lessonId: string, lang: Language, ids: readonly string[], answers: Record<string, number[]>, token: number) {
    for (const id of ids) {
      const again = await invoke('quiz.check', { lessonId, lang, questionId: id, selected: answers[id] ?? [] });
      if (token === loadToken) set((s) => ({ checked: { ...s.checked, [id]: again } }));
    }
  }

  return {
    status: 'idle',
    error: null,
    lessonId: null,
    lang: 'en',
    quiz: null,
    attempts: [],
    mode: localStorage.getItem(MODE_KEY) === 'all' ? 'all' : 'one',
    phase: 'intro',
    seed: 0,
    startedAt: null,
    resumedFrom: null,
    index: 0,
    answers: {},
    checked: {},
    finishWarning: null,
    focusRequest: null,
    result: null,
    review: null,
    busy: false,

    async load(requested, lang) {
      const token = ++loadToken;
      const before = get();
      set({ status: before.quiz ? before.status : 'loading', error: null });
      try {
        let lessonId = requested;
        if (!lessonId) {
          const { lessons } = await invoke('lesson.list', { lang });
          lessonId = lessons.find((l) => l.hasQuiz)?.id ?? null;
        }
        if (!lessonId) {
          if (token === loadToken) set({ status: 'empty', quiz: null });
          return;
        }
        const sameLesson = before.lessonId === lessonId && before.quiz !== null;
        const [quiz, { attempts }, { draft }] = await Promise.all([
          invoke('quiz.get', { lessonId, lang }),
          invoke('quiz.attempts', { lessonId }),
          sameLesson ? Promise.resolve({ draft: null }) : invoke('quiz.draft.get', { lessonId }),
        ]);
        if (token !== loadToken) return;
        if (sameLesson) {
          // A language switch mid-attempt keeps the picks (ids and option indexes are the same in
          // every language); checked questions are checked again for the explanation in the new language.
          set({ status: 'ready', quiz, attempts, lang });
          const { checked, answers } = get();
          await recheck(lessonId, lang, Object.keys(checked), answers, token);
          if (before.phase === 'answering') persist();
          if (before.result && token === loadToken) {
            // Re-read the stored verdict in the new language by scoring the same picks without storing.
            const questions = await Promise.all(
              before.result.questions.map((q) => invoke('quiz.check', { lessonId, lang, questionId: q.questionId, selected: q.selected })),
            );
            if (token === loadToken) set((s) => ({ result: s.result ? { ...s.result, questions } : s.result }));
          }
          if (before.review && token === loadToken) {
            const review = await invoke('quiz.attempt', { lessonId, attemptId: before.review.attempt.id, lang });
            if (token === loadToken) set({ review });
          }
          return;
        }
        const fresh = { status: 'ready' as const, lessonId, lang, quiz, attempts, index: 0, answers: {}, checked: {}, result: null, review: null, finishWarning: null, resumedFrom: null };
        if (!draft) {
          set({ ...fresh, phase: 'intro' });
          return;
        }
        // An attempt was in progress (before a reload, a restart, or another page): carry on with it.
        const restored = fromDraft(draft, quiz.questions.map((q) => q.id));
        set({
          ...fresh,
          phase: 'answering',
          seed: restored.seed,
          startedAt: restored.startedAt,
          mode: restored.mode,
          index: restored.index,
          answers: restored.answers,
          resumedFrom: draft.updatedAt,
        });
        await recheck(lessonId, lang, restored.checked, restored.answers, token);
      } catch (err) {
        if (token === loadToken) set({ status: 'error', error: describeError(err) });
      }
    },

    setMode(mode) {
      localStorage.setItem(MODE_KEY, mode);
      const s = get();
      if (s.phase !== 'answering') {
        set({ mode });
        return;
      }
      const next = switchMode(attemptOf(s), mode, questionIds());
      set({ mode: next.mode, index: next.index, finishWarning: null });
      persist();
    },

    start() {
      set({
        phase: 'answering', seed: newSeed(), startedAt: new Date().toISOString(), index: 0, answers: {}, checked: {},
        result: null, review: null, finishWarning: null, resumedFrom: null,
      });
      persist();
    },

    toggle(questionId, option, multiple) {
      if (get().checked[questionId]) return; // answered questions are locked
      set((s) => {
        const current = s.answers[questionId] ?? [];
        const next = multiple
          ? current.includes(option) ? current.filter((o) => o !== option) : [...current, option]
          : [option];
        return { answers: { ...s.answers, [questionId]: next } };
      });
      // The warning counted unanswered questions; it is re-asked on the next finish.
      if (get().finishWarning) set({ finishWarning: unansweredIndexes(questionIds(), get().answers) });
      persist();
    },

    async check(questionId) {
      const { lessonId, lang, answers } = get();
      if (!lessonId) return;
      set({ busy: true });
      try {
        const result = await invoke('quiz.check', { lessonId, lang, questionId, selected: answers[questionId] ?? [] });
        set((s) => ({ checked: { ...s.checked, [questionId]: result } }));
        persist();
      } catch (err) {
        set({ error: describeError(err) });
      } finally {
        set({ busy: false });
      }
    },

    goTo(index) {
      const count = get().quiz?.questions.length ?? 0;
      set({ index: Math.max(0, Math.min(count - 1, index)) });
      persist();
    },

    requestFinish() {
      const missing = unansweredIndexes(questionIds(), get().answers);
      if (missing.length > 0) set({ finishWarning: missing });
      else void get().submit();
    },

    dismissFinishWarning() {
      set({ finishWarning: null });
    },

    goToFirstUnanswered() {
      const s = get();
      const [first] = unansweredIndexes(questionIds(), s.answers);
      set({ finishWarning: null });
      if (first === undefined || !s.quiz) return;
      if (s.mode === 'one') get().goTo(first);
      set({ focusRequest: { questionId: s.quiz.questions[first].id, n: (s.focusRequest?.n ?? 0) + 1 } });
    },

    async submit() {
      const { lessonId, lang, quiz, answers, seed, startedAt } = get();
      if (!lessonId || !quiz) return;
      set({ busy: true, error: null, finishWarning: null });
      try {
        await saveChain; // a draft save still on its way must not land after the submit cleared the draft
        const result = await invoke('quiz.submit', {
          lessonId,
          lang,
          seed,
          startedAt: startedAt ?? undefined,
          answers: quiz.questions.map((q) => ({ questionId: q.id, selected: answers[q.id] ?? [] })),
        });
        const { attempts } = await invoke('quiz.attempts', { lessonId });
        set({ result, attempts, phase: 'results', resumedFrom: null });
      } catch (err) {
        set({ error: describeError(err) });
      } finally {
        set({ busy: false });
      }
    },

    backToIntro() {
      set({ phase: 'intro', answers: {}, checked: {}, result: null, review: null, index: 0, finishWarning: null });
    },

    async openReview(attemptId) {
      const { lessonId, lang } = get();
      if (!lessonId) return;
      set({ busy: true, error: null });
      try {
        const review = await invoke('quiz.attempt', { lessonId, attemptId, lang });
        set({ review, phase: 'review' });
      } catch (err) {
        set({ error: describeError(err) });
      } finally {
        set({ busy: false });
      }
    },
  };
});
