// Tells Monaco's TypeScript worker about every file of the open exercise, then has it check them again.
// Monaco syncs all models to the worker only when the worker starts; later it syncs just the model it is
// asked about, so the second exercise opened in a window saw "Cannot find module './checks'" until edited.
import { typescriptDefaults, getTypeScriptWorker } from 'monaco-editor/languages/features/typescript/register';
import { monaco } from './monacoSetup';
import { mark } from '../../../app/perfMarks';

type WorkerGetter = Awaited<ReturnType<typeof getTypeScriptWorker>>;

// Monaco starts its TypeScript mode when an editor first shows a TypeScript model. Registered when this
// module loads, which is before any editor exists (the editor and the warm-up both import it).
const requested = new Promise<void>((resolve) => monaco.languages.onLanguage('typescript', resolve));

/** The TypeScript worker, once the mode has started (waits for the first editor to show a TypeScript file). */
export async function typeScriptWorker(): Promise<WorkerGetter> {
  await requested;
  // The mode's own onLanguage handler loads its chunk and then registers the worker; ours may run first.
  for (let attempt = 0; ; attempt++) {
    try {
      return await getTypeScriptWorker();
    } catch (err) {
      if (attempt >= 400) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

let generation = 0;

/**
 * Syncs `uris` into the TypeScript worker and re-runs diagnostics for every TypeScript model.
 * `open` (the file on screen) is type-checked once the worker has them all: the moment the editor's
 * red and grey underlines can be trusted (marked `ts:checked` for the UI bench).
 */
export async function syncWorkerWith(uris: monaco.Uri[], open?: monaco.Uri): Promise<void> {
  const mine = ++generation;
  const getWorker = await typeScriptWorker().catch(() => null);
  if (!getWorker || mine !== generation) return;
  const worker = await getWorker(...uris);
  if (mine !== generation) return;
  mark('ts:synced');
  // A changed extra lib is the one public signal that makes Monaco validate every model again
  // without restarting the worker (a compiler-option change would restart it).
  typescriptDefaults.addExtraLib(`// exercise files in sync: ${mine}\nexport {};\n`, 'file:///__replayground/sync.d.ts');
  if (open) {
    // Asked after the new extra lib reached the worker and Monaco queued its own checks: the worker
    // answers in order and caches a file's diagnostics per program, so this returns as Monaco's check does.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await worker.getSemanticDiagnostics(open.toString()).catch(() => undefined);
    if (mine === generation) mark('ts:checked');
  }
}
