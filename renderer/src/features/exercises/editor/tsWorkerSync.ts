// Tells Monaco's TypeScript worker about every file of the open exercise, then has it check them again.
// Monaco syncs all models to the worker only when the worker starts; later it syncs just the model it is
// asked about, so the second exercise opened in a window saw "Cannot find module './checks'" until edited.
import { typescriptDefaults, getTypeScriptWorker } from 'monaco-editor/languages/features/typescript/register';
import type { monaco } from './monacoSetup';

let generation = 0;

/** Syncs `uris` into the TypeScript worker and re-runs diagnostics for every TypeScript model. */
export async function syncWorkerWith(uris: monaco.Uri[]): Promise<void> {
  const mine = ++generation;
  // Before the TypeScript mode has started there is no worker yet; when it starts it syncs every model.
  const getWorker = await getTypeScriptWorker().catch(() => null);
  if (!getWorker) return;
  if (mine !== generation) return;
  await getWorker(...uris);
  if (mine !== generation) return;
  // A changed extra lib is the one public signal that makes Monaco validate every model again
  // without restarting the worker (a compiler-option change would restart it).
  typescriptDefaults.addExtraLib(`// exercise files in sync: ${mine}\nexport {};\n`, 'file:///__replayground/sync.d.ts');
}
