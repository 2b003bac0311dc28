// The quiz page's state: the quiz (without answers), the attempt in progress (seed, picks, checked
// questions), the engine's verdict after submitting, and the attempt history from the database.
import { create } from 'zustand';
import { invoke, type MethodOutput } from '../../bridge';
import type { Language } from '../../i18n';
import { newSeed } from './shuffle';

export type QuizData = MethodOutput<'quiz.get'>;
export type QuestionResult = MethodOutput<'quiz.check'>;
export type SubmitResult = MethodOutput<'quiz.submit'>;
export type Attempt = MethodOutput<'quiz.attempts'>['attempts'][number];
export type QuizMode = 'one' | 'all';

const MODE_KEY = 'replayground.quiz.mode';

interface QuizState {
  status: 'idle' | 'loading' | 'ready' | 'empty' | 'error';
  error: string | null;
  lessonId: string | null;
  lang: Language;
  quiz: QuizData | null;
  attempts: Attempt[];
  mode: QuizMode;
  phase: 'intro' | 'answering' | 'results';
  seed: number;
  startedAt: string | null;
  index: number;
  answers: Record<string, number[]>;
  checked: Record<string, QuestionResult>;
  result: SubmitResult | null;
  busy: boolean;
  load(lessonId: string | null, lang: Language): Promise<void>;
  setMode(mode: QuizMode): void;
  start(): void;
  toggle(questionId: string, option: number, multiple: boolean): void;
  check(questionId: string): Promise<void>;
  goTo(index: number): void;
  submit(): Promise<void>;
  backToIntro(): void;
}

let loadToken = 0;

export const useQuizStore = create<QuizState>((set, get) => ({
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
  index: 0,
  answers: {},
  checked: {},
  result: null,
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
      const [quiz, { attempts }] = await Promise.all([
        invoke('quiz.get', { lessonId, lang }),
        invoke('quiz.attempts', { lessonId }),
      ]);
      if (token !== loadToken) return;
      const sameLesson = before.lessonId === lessonId && before.quiz !== null;
      if (sameLesson) {
        // A language switch mid-attempt keeps the picks (ids and option indexes are the same in
        // every language); checked questions are checked again for the explanation in the new language.
        set({ status: 'ready', quiz, attempts, lang });
        const { checked, answers } = get();
        for (const id of Object.keys(checked)) {
          const again = await invoke('quiz.check', { lessonId, lang, questionId: id, selected: answers[id] ?? [] });
          if (token === loadToken) set((s) => ({ checked: { ...s.checked, [id]: again } }));
        }
        if (before.result && token === loadToken) {
          // Re-read the stored verdict in the new language by scoring the same picks without storing.
          const questions = await Promise.all(
            before.result.questions.map((q) => invoke('quiz.check', { lessonId, lang, questionId: q.questionId, selected: q.selected })),
          );
          if (token === loadToken) set((s) => ({ result: s.result ? { ...s.result, questions } : s.result }));
        }
        return;
      }
      set({
        status: 'ready', lessonId, lang, quiz, attempts, phase: 'intro', index: 0, answers: {}, checked: {}, result: null,
      });
    } catch (err) {
      if (token === loadToken) set({ status: 'error', error: (err as Error).message });
    }
  },

  setMode(mode) {
    localStorage.setItem(MODE_KEY, mode);
    set({ mode });
  },

  start() {
    set({ phase: 'answering', seed: newSeed(), startedAt: new Date().toISOString(), index: 0, answers: {}, checked: {}, result: null });
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
  },

  async check(questionId) {
    const { lessonId, lang, answers } = get();
    if (!lessonId) return;
    set({ busy: true });
    try {
      const result = await invoke('quiz.check', { lessonId, lang, questionId, selected: answers[questionId] ?? [] });
      set((s) => ({ checked: { ...s.checked, [questionId]: result } }));
    } catch (err) {
      set({ error: (err as Error).message });
    } finally {
      set({ busy: false });
    }
  },

  goTo(index) {
    const count = get().quiz?.questions.length ?? 0;
    set({ index: Math.max(0, Math.min(count - 1, index)) });
  },

  async submit() {
    const { lessonId, lang, quiz, answers, seed, startedAt } = get();
    if (!lessonId || !quiz) return;
    set({ busy: true, error: null });
    try {
      const result = await invoke('quiz.submit', {
        lessonId,
        lang,
        seed,
        startedAt: startedAt ?? undefined,
        answers: quiz.questions.map((q) => ({ questionId: q.id, selected: answers[q.id] ?? [] })),
      });
      const { attempts } = await invoke('quiz.attempts', { lessonId });
      set({ result, attempts, phase: 'results' });
    } catch (err) {
      set({ error: (err as Error).message });
    } finally {
      set({ busy: false });
    }
  },

  backToIntro() {
    set({ phase: 'intro', answers: {}, checked: {}, result: null, index: 0 });
  },
}));
