// The workspace's state: the exercise, the student's files, autosave, runs, results and history.
// Components read slices; the engine is only called from the actions here.
import { create } from 'zustand';
import { invoke } from '../../../bridge';
import type { Language } from '../../../i18n';
import { mark } from '../../../app/perfMarks';
import type { Cursor, ExerciseView, HintView, PastRun, RevealRequest, RunResult, RunSummary, WorkspaceFile } from './types';

/** Autosave waits for a pause in typing, but never longer than MAX_WAIT_MS after the first change. */
export const SAVE_DEBOUNCE_MS = 400;
export const SAVE_MAX_WAIT_MS = 1000;

type SaveState = { state: 'saved' | 'dirty' | 'saving' | 'error'; savedAt: string | null; error: string | null };

export interface WorkspaceState {
  id: string | null;
  view: ExerciseView | null;
  loadError: { code: string; message: string } | null;
  /** Current content of the editable files: what autosave stores and Run sends. */
  files: Record<string, string>;
  /** Bumped when files are replaced from outside the editor (reset, restore), so the editor reloads them. */
  filesVersion: number;
  activeFile: string;
  cursor: Cursor | null;
  save: SaveState;
  running: boolean;
  runError: string | null;
  results: RunResult | null;
  resultsRun: RunSummary | null;
  runs: RunSummary[];
  hints: HintView[];
  viewingRun: PastRun | null;
  panel: 'results' | 'history';
  /** Which pane shows when the window is too small for all three side by side (Task | Code | Results). */
  pane: 'task' | 'code' | 'results';
  reveal: RevealRequest | null;
  /** The last thing that replaced the code from outside the editor since the results (for the "older code" mark). */
  replacedBy: { kind: 'reset' } | { kind: 'restore'; runId: number } | null;
}

const initial: WorkspaceState = {
  id: null,
  view: null,
  loadError: null,
  files: {},
  filesVersion: 0,
  activeFile: '',
  cursor: null,
  save: { state: 'saved', savedAt: null, error: null },
  running: false,
  runError: null,
  results: null,
  resultsRun: null,
  runs: [],
  hints: [],
  viewingRun: null,
  panel: 'results',
  pane: 'code',
  reveal: null,
  replacedBy: null,
};

export const useWorkspace = create<WorkspaceState>(() => ({ ...initial }));
const set = useWorkspace.setState;
const get = useWorkspace.getState;

let saveTimer: ReturnType<typeof setTimeout> | null = null;
let firstUnsavedAt: number | null = null;
let revealNonce = 0;

function editableMap(files: WorkspaceFile[]): Record<string, string> {
  return Object.fromEntries(files.filter((f) => f.editable).map((f) => [f.name, f.content]));
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

let opening: { id: string; promise: Promise<void> } | null = null;

/** Loads an exercise into the workspace; a second call while the same one is loading joins it. */
export function openExercise(id: string, lang: Language): Promise<void> {
  if (opening?.id === id) return opening.promise;
  const promise = load(id, lang).finally(() => {
    if (opening?.promise === promise) opening = null;
  });
  opening = { id, promise };
  return promise;
}

async function load(id: string, lang: Language): Promise<void> {
  if (get().id !== id) {
    await flushSave();
    set({ ...initial, id });
  }
  // Opening the exercise that is already on screen (leaving the page and coming back) shows it at
  // once; what the student does before the engine answers (open a tab, type) wins over the answer.
  const before = get();
  try {
    const view = await invoke('exercises.get', { id, lang });
    mark('exercise:loaded');
    const now = get();
    if (now.id !== id) return;
    const known = new Set(view.files.map((f) => f.name));
    const movedOn = now.activeFile !== before.activeFile && known.has(now.activeFile);
    const typed = now.files !== before.files;
    const cursor = movedOn || typed ? now.cursor : view.draft.cursor;
    const activeFile = movedOn ? now.activeFile : cursor && known.has(cursor.file) ? cursor.file : view.editable[0];
    set({
      view,
      loadError: null,
      ...(typed
        ? {}
        : {
            files: editableMap(view.files),
            filesVersion: now.filesVersion + 1,
            save: { state: 'saved', savedAt: view.draft.savedAt, error: null },
          }),
      activeFile,
      cursor,
      hints: view.hints.unlocked,
      ...(now.results !== before.results ? {} : { results: view.lastRun?.results ?? null, resultsRun: view.lastRun?.run ?? null }),
    });
    void loadRuns();
  } catch (err) {
    const e = err as { code?: string };
    set({ loadError: { code: e.code ?? 'ERROR', message: message(err) } });
  }
}

/** Language switch: only the texts change, the student's files stay as they are. */
export async function refreshTexts(lang: Language): Promise<void> {
  const { id, view } = get();
  if (!id || !view) return;
  const fresh = await invoke('exercises.get', { id, lang });
  if (get().id !== id) return;
  set({ view: { ...view, title: fresh.title, summary: fresh.summary, description: fresh.description }, hints: fresh.hints.unlocked });
}

export function closeExercise(): void {
  void flushSave();
}

export function editFile(name: string, content: string): void {
  const { files } = get();
  if (!(name in files) || files[name] === content) return;
  set({ files: { ...files, [name]: content }, save: { ...get().save, state: 'dirty' } });
  scheduleSave();
}

export function setCursor(cursor: Cursor): void {
  const prev = get().cursor;
  if (prev && prev.file === cursor.file && prev.line === cursor.line && prev.column === cursor.column) return;
  set({ cursor });
  if (get().view?.editable.includes(cursor.file)) scheduleSave();
}

export function setActiveFile(name: string): void {
  const { viewingRun } = get();
  // A past run holds only the editable files: opening any other file goes back to the workspace.
  const leaveRun = viewingRun !== null && !viewingRun.files.some((f) => f.editable && f.name === name);
  set(leaveRun ? { activeFile: name, viewingRun: null } : { activeFile: name });
}

function scheduleSave(): void {
  const now = Date.now();
  firstUnsavedAt ??= now;
  if (saveTimer) clearTimeout(saveTimer);
  const wait = Math.max(0, Math.min(SAVE_DEBOUNCE_MS, firstUnsavedAt + SAVE_MAX_WAIT_MS - now));
  saveTimer = setTimeout(() => void flushSave(), wait);
}

let saving: Promise<void> = Promise.resolve();

/** Saves now if anything is pending; saves are serialized so an older one never lands last. */
export function flushSave(): Promise<void> {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  if (firstUnsavedAt === null) return saving;
  firstUnsavedAt = null;
  const { id, files, cursor } = get();
  if (!id) return saving;
  saving = saving.then(async () => {
    set({ save: { ...get().save, state: 'saving' } });
    try {
      const { savedAt } = await invoke('drafts.save', { exerciseId: id, files, cursor });
      if (get().id !== id) return;
      const dirty = firstUnsavedAt !== null;
      set({ save: { state: dirty ? 'dirty' : 'saved', savedAt, error: null } });
    } catch (err) {
      if (get().id === id) set({ save: { ...get().save, state: 'error', error: message(err) } });
    }
  });
  return saving;
}

export async function runTests(): Promise<void> {
  const { id, files, running, viewingRun } = get();
  if (!id || running) return;
  if (viewingRun) set({ viewingRun: null });
  mark('run:start');
  set({ running: true, runError: null, panel: 'results', pane: 'results', replacedBy: null });
  void flushSave();
  try {
    const { run, results } = await invoke('exercises.run', { exerciseId: id, files });
    mark('run:response');
    if (get().id !== id) return;
    set({ results, resultsRun: run, runs: [run, ...get().runs.filter((r) => r.id !== run.id)] });
    mark('run:state');
    // A build error in the student's file: put the cursor on it straight away.
    const loc = results.status === 'error' ? results.location : undefined;
    if (loc && get().view?.editable.includes(loc.file)) revealAt(loc.file, loc.line, loc.column);
  } catch (err) {
    if (get().id === id) set({ runError: message(err) });
  } finally {
    if (get().id === id) set({ running: false });
  }
}

export async function resetToStarter(): Promise<void> {
  const { id } = get();
  if (!id) return;
  if (saveTimer) clearTimeout(saveTimer);
  firstUnsavedAt = null;
  const { files } = await invoke('drafts.reset', { exerciseId: id });
  replaceFiles(files);
  set({ replacedBy: { kind: 'reset' } });
}

function replaceFiles(files: WorkspaceFile[]): void {
  const { view } = get();
  if (!view) return;
  const next = editableMap(files);
  set({
    files: next,
    filesVersion: get().filesVersion + 1,
    view: { ...view, files: view.files.map((f) => (f.editable && f.name in next ? { ...f, content: next[f.name] } : f)) },
    viewingRun: null,
    save: { state: 'saved', savedAt: new Date().toISOString(), error: null },
  });
}

export async function unlockNextHint(lang: Language): Promise<void> {
  const { id, hints, view } = get();
  if (!id || !view || hints.length >= view.hints.total) return;
  const hint = await invoke('hints.unlock', { exerciseId: id, index: hints.length, lang });
  set({ hints: [...get().hints.filter((h) => h.index !== hint.index), hint].sort((a, b) => a.index - b.index) });
}

export async function loadRuns(): Promise<void> {
  const { id } = get();
  if (!id) return;
  const { runs } = await invoke('runs.list', { exerciseId: id });
  if (get().id === id) set({ runs });
}

export async function viewRun(runId: number): Promise<void> {
  const past = await invoke('runs.get', { runId });
  set({ viewingRun: past, panel: 'history', pane: 'code' });
}

export function closeRunView(): void {
  set({ viewingRun: null });
}

export async function restoreRun(runId: number): Promise<void> {
  if (saveTimer) clearTimeout(saveTimer);
  firstUnsavedAt = null;
  const { files } = await invoke('runs.restore', { runId });
  replaceFiles(files);
  set({ replacedBy: { kind: 'restore', runId } });
}

export function setPanel(panel: WorkspaceState['panel']): void {
  set({ panel });
}

export function setPane(pane: WorkspaceState['pane']): void {
  set({ pane });
}

/** Opens a file (a workspace file or a visible test) and shows the given place. */
export function revealAt(file: string, line: number, column = 1): void {
  set({ activeFile: file, viewingRun: null, pane: 'code', reveal: { file, line, column, nonce: ++revealNonce } });
}
