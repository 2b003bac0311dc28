// Starts a Monaco language worker (the TypeScript one) for Monaco's own language support. Stands in for
// monaco-editor's `internal/common/workers.js` (vite.config.ts redirects Monaco's import of it here):
// that module does the same few steps but also imports every editor contribution Monaco has (inline
// completions, colour picker, diff editor, …), which would load 1.2 MB of JavaScript we chose not to use.
import { editor } from 'monaco-editor/editor/editor.api';

/** What Monaco's TypeScript support passes when it starts its worker. */
export interface LanguageWorkerOptions {
  /** Which worker: the app's MonacoEnvironment picks the script by this label ("typescript"). */
  label?: string;
  moduleId?: string;
  /** Monaco's own way to start the worker, used only when the app has no MonacoEnvironment. */
  createWorker?: () => Worker;
  /** Handed to the worker's create() (compiler options, extra libs). */
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

function startWorker(opts: LanguageWorkerOptions): Worker {
  const label = opts.label ?? 'monaco-editor-worker';
  const env = window.MonacoEnvironment;
  if (env) return env.getWorker('workerMain.js', label);
  if (opts.createWorker) return opts.createWorker();
  throw new Error(`no way to start Monaco's "${label}" worker: MonacoEnvironment.getWorker is not set`);
}

export function createWebWorker<T extends object>(opts: LanguageWorkerOptions): editor.MonacoWebWorker<T> {
  const worker = Promise.resolve(startWorker(opts)).then((w) => {
    // The worker's start-up protocol: a first message that only arms it, then the data for its create().
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return editor.createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}
