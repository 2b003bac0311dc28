// State of the Instructor page: the form, the running job (progress pushed on 'grading.progress'),
// the finished gradebook, which student is open, and the machine's past gradings (kept by the engine,
// so a reload or a restart loses nothing: any of them opens again). Survives page switches while a job runs.
import { create } from 'zustand';
import { invoke, subscribe, type MethodOutput } from '../../bridge';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../i18n/describeError';

export type GradingResult = MethodOutput<'grading.result'>;
export type Gradebook = NonNullable<GradingResult['gradebook']>;
export type GradebookEntry = Gradebook['entries'][number];
export type StudentCode = MethodOutput<'grading.studentCode'>;
export type PastRun = MethodOutput<'grading.history'>['runs'][number];

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
  history: PastRun[];
  /** The past grading being opened, and why it could not be (an engine error, worded by the page). */
  opening: string | null;
  openError: unknown;
  setForm(patch: Partial<GradingState['form']>): void;
  start(): Promise<void>;
  loadHistory(): Promise<void>;
  openPast(runId: string): Promise<void>;
  forget(runId: string): Promise<void>;
  open(studentId: string, source: string): Promise<void>;
  close(): void;
}

let unsubscribe: (() => void) | null = null;

/** Follows a running job to its end: pushes for progress, and a slow poll so a lost push never hangs the page. */
function follow(jobId: string): void {
  const { getState: get, setState: set } = useGrading;
  unsubscribe?.();
  const refresh = async () => {
    const result = await invoke('grading.result', { jobId });
    if (get().jobId !== jobId) return;
    set({ done: result.done, total: result.total });
    if (result.state !== 'running') {
      unsubscribe?.();
      unsubscribe = null;
      set({ state: result.state, result, error: result.error });
      void get().loadHistory();
    }
  };
  unsubscribe = subscribe('grading.progress', (p) => {
    if (p.jobId !== jobId) return;
    set({ done: p.done, total: p.total, current: p.current ?? null });
    if (p.total > 0 && p.done >= p.total) void refresh();
  });
  const poll = async () => {
    while (get().jobId === jobId && get().state === 'running') {
      try {
        await refresh();
      } catch {
        // The engine restarted: the job is gone; the list of past gradings tells what is left.
        set({ state: 'idle' });
        return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void poll();
}

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
  history: [],
  opening: null,
  openError: null,
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
      follow(jobId);
    } catch (err) {
      set({ state: 'failed', error: describeError(err) });
    }
  },
  async loadHistory() {
    try {
      const { runs } = await invoke('grading.history', {});
      set({ history: runs });
      // A grading still running after a reload: follow it again.
      const running = runs.find((r) => r.state === 'running');
      if (running && get().state !== 'running') {
        set({ jobId: running.id, state: 'running', done: 0, total: 0, result: null, openStudent: null, code: null });
        follow(running.id);
      }
    } catch {
      set({ history: [] });
    }
  },
  async openPast(runId) {
    set({ opening: runId, openError: null });
    try {
      const { jobId } = await invoke('grading.open', { runId });
      const result = await invoke('grading.result', { jobId });
      const run = get().history.find((r) => r.id === runId);
      set({
        jobId, state: result.state, result, error: result.error, done: result.done, total: result.total, openStudent: null, code: null, opening: null,
        ...(run ? { form: { ...get().form, inputDir: run.inputDir, outDir: '', exercise: run.exercise ?? '' } } : {}),
      });
      if (result.state === 'running') follow(jobId);
    } catch (err) {
      set({ opening: null, openError: err });
    }
  },
  async forget(runId) {
    await invoke('grading.forget', { runId });
    await get().loadHistory();
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
