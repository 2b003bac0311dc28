// Idle-time warm-up of the code editor, so that an exercise opened from inside the app finds Monaco
// loaded and set up, its editor code already run once, and the TypeScript worker started with its
// standard library checked. It creates one throwaway editor off screen (inert, hidden from assistive
// technology) showing a one-line TypeScript file, waits until the worker has type-checked it, and removes it.
import { monaco } from './monacoSetup';
import { typeScriptWorker } from './tsWorkerSync';
import { useTheme } from '../../../app/theme';
import { mark } from '../../../app/perfMarks';

const WARMUP_URI = 'file:///__replayground/warmup.ts';

let done: Promise<void> | null = null;

/** Warms the editor once per window; later calls return the same promise. */
export function warmUpEditor(): Promise<void> {
  done ??= run().finally(() => mark('warmup:done'));
  return done;
}

async function run(): Promise<void> {
  // The workspace got here first: it starts the editor and the worker itself.
  if (monaco.editor.getEditors().length > 0) return;
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:480px;height:240px;visibility:hidden;contain:strict';
  document.body.appendChild(host);
  const model = monaco.editor.createModel('export const ready: number = 1;\n', 'typescript', monaco.Uri.parse(WARMUP_URI));
  const editor = monaco.editor.create(host, {
    model,
    readOnly: true,
    minimap: { enabled: false },
    theme: useTheme.getState().resolved === 'dark' ? 'rg-dark' : 'vs',
    'semanticHighlighting.enabled': false,
  });
  try {
    const getWorker = await typeScriptWorker();
    const worker = await getWorker(model.uri);
    await worker.getSemanticDiagnostics(WARMUP_URI);
  } finally {
    editor.dispose();
    model.dispose();
    host.remove();
  }
}
