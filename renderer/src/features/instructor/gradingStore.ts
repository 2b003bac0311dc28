// State of the Instructor page: the form, the running job (progress pushed on 'grading.progress'),
// the finished gradebook, and which student is open. Survives page switches while a job runs.
import { create } from 'zustand';
import { invoke, subscribe, type MethodOutput } from '../../bridge';
import { currentLanguage } from '../../i18n';

export type GradingResult = MethodOutput<'grading.result'>;
export type Gradebook = NonNullable<GradingResult['gradebook']>;
export type GradebookEntry = Gradebook['entries'][number];
export type StudentCode = MethodOutput<'grading.studentCode'>;

interface GradingState {
  form: { inputDir: string; outDir: string; exercise: string; hiddenTestsDir: string; exercisesDir: string };
  jobId: string | null;
  state: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  current: string | null;
  error: string | null;
  result: GradingResult | null;
  openStudent: { studentId: string; source: string } | null;
  code: StudentCode | null;
  setForm(patch: Partial<GradingState['form']>): void;
  start(): Promise<void>;
  open(studentId: string, source: string): Promise<void>;
  close(): void;
}

let unsubscribe: (() => void) | null = null;

export const useGrading = create<GradingState>((set, get) => ({
  form: { inputDir: '', outDir: '', exercise: '', hiddenTestsDir: '', exercisesDir: '' },
  jobId: null,
  state: 'idle',
  done: 0,
  total: 0,
  current: null,
  error: null,
  result: null,
  openStudent: null,
  code: null,
  setForm: (patch) => set({ form: { ...get().form, ...patch } }),
  async start() {
    const { form } = get();
    set({ state: 'running', done: 0, total: 0, current: null, error: null, result: null, openStudent: null, code: null });
    unsubscribe?.();
    try {
      const { jobId } = await invoke('grading.start', {
        inputDir: form.inputDir.trim(),
        outDir: form.outDir.trim() || undefined,
        exercise: form.exercise.trim() || undefined,
        hiddenTestsDir: form.hiddenTestsDir.trim() || undefined,
        exercisesDir: form.exercisesDir.trim() || undefined,
        lang: currentLanguage(),
      });
      set({ jobId });
      const refresh = async () => {
        const result = await invoke('grading.result', { jobId });
        if (get().jobId !== jobId) return;
        set({ done: result.done, total: result.total });
        if (result.state !== 'running') {
          unsubscribe?.();
          unsubscribe = null;
          set({ state: result.state, result, error: result.error });
        }
      };
      unsubscribe = subscribe('grading.progress', (p) => {
        if (p.jobId !== jobId) return;
        set({ done: p.done, total: p.total, current: p.current ?? null });
        if (p.total > 0 && p.done >= p.total) void refresh();
      });
      // The job may finish before the subscription is live, and a lost push must not hang the page.
      const poll = async () => {
        while (get().jobId === jobId && get().state === 'running') {
          await refresh();
          await new Promise((r) => setTimeout(r, 1000));
        }
      };
      void poll();
    } catch (err) {
      set({ state: 'failed', error: (err as Error).message });
    }
  },
  async open(studentId, source) {
    const jobId = get().jobId;
    if (!jobId) return;
    set({ openStudent: { studentId, source }, code: null });
    try {
      const code = await invoke('grading.studentCode', { jobId, studentId, source });
      if (get().openStudent?.source === source) set({ code });
    } catch {
      set({ code: null });
    }
  },
  close: () => set({ openStudent: null, code: null }),
}));
