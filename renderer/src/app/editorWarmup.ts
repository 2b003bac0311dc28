// Gets the code editor ready before a student opens an exercise. Started on another page, the warm-up
// waits until the first page is on screen and the main thread is idle, then loads the editor's chunk
// (Monaco), lets a throwaway editor start the TypeScript worker, and fetches the exercises page's chunk,
// so opening an exercise later costs only that exercise's own work. Started on an exercise (a reload, a
// link), the editor's chunk is requested at once, alongside the app's own start. Monaco is always
// imported dynamically: no page waits for it.
import { pages } from './pages';
import { codeEditor } from '../features/exercises/editor/codeEditorModule';

/** Resolves at the next idle moment (or after `timeout` ms, for a main thread that is never idle). */
function idle(timeout: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 200);
  });
}

function loaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

function exercisesPage() {
  return pages.find((p) => p.id === 'exercises');
}

/** An exercise's address opened directly: fetch its page and the editor now, not after the profile check and the page's chunk. */
export function preloadEditorForStartRoute(): void {
  if (!/^#\/exercises\/[^/]+/.test(window.location.hash)) return;
  void exercisesPage()?.preload().catch(() => undefined);
  void codeEditor.preload().catch(() => undefined);
}

declare global {
  interface Window {
    /**
     * Honoured only under automation (navigator.webdriver): an end-to-end suite that never opens the editor
     * sets it (test/e2e/support/app.ts) so the warm-up's seconds of CPU do not slow a suite that does not test it.
     */
    __replaygroundSkipEditorWarmup?: boolean;
  }
}

let started = false;

/** Schedules the warm-up once per window. */
export function warmEditorWhenIdle(): void {
  if (started || (navigator.webdriver && window.__replaygroundSkipEditorWarmup === true)) return;
  started = true;
  void (async () => {
    await loaded();
    // Two idle moments: the first page's own lazy chunk and data usually arrive in between.
    await idle(2000);
    await idle(2000);
    void exercisesPage()?.preload();
    await codeEditor.preload();
    const { warmUpEditor } = await import('../features/exercises/editor/warmup');
    await idle(1000);
    await warmUpEditor();
  })().catch(() => undefined); // a failed warm-up only means the workspace loads the editor itself
}
