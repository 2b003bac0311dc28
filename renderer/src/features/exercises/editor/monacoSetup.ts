// Monaco, bundled locally and configured once: the editor core, the features the app uses
// (monacoFeatures.ts) and TypeScript only (no other language, no css/html/json workers), workers built
// by Vite, and @monaco-editor/react told to use this copy instead of a CDN.
import * as monaco from 'monaco-editor/editor/editor.api';
import './monacoFeatures';
import { typescriptDefaults, ModuleKind, ModuleResolutionKind, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { loader } from '@monaco-editor/react';
import { mark } from '../../../app/perfMarks';
import { EDITOR_LIB, SANDBOX_GLOBALS_DTS, SANDBOX_GLOBALS_URI } from './sandboxGlobals';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

// The TypeScript worker starts now, as Monaco is set up, rather than when the first editor's TypeScript
// support asks for it (after the editor is on screen): its 7 MB script loads and compiles on another core
// while the editor is being created, and is handed over at that first request.
let startedTsWorker: Worker | null = new TsWorker();

window.MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label !== 'typescript' && label !== 'javascript') return new EditorWorker();
    const worker = startedTsWorker ?? new TsWorker();
    startedTsWorker = null;
    return worker;
  },
};

typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ES2020,
  module: ModuleKind.ESNext,
  // Node-style resolution makes `import './events'` find the model file:///<exercise>/events.ts.
  moduleResolution: ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  isolatedModules: true,
  esModuleInterop: true,
  // The sandbox's globals, not a browser's (sandboxGlobals.ts).
  lib: EDITOR_LIB,
});
typescriptDefaults.addExtraLib(SANDBOX_GLOBALS_DTS, SANDBOX_GLOBALS_URI);
typescriptDefaults.setEagerModelSync(true);

/** Only workspace files get diagnostics markers: test files and past runs are for reading. */
const quietPrefixes = new Set<string>();
export function silenceMarkersUnder(prefix: string): void {
  quietPrefixes.add(prefix);
}
monaco.editor.onDidChangeMarkers((uris) => {
  for (const uri of uris) {
    const s = uri.toString();
    if (![...quietPrefixes].some((p) => s.startsWith(p))) continue;
    const model = monaco.editor.getModel(uri);
    if (model && monaco.editor.getModelMarkers({ resource: uri, owner: 'typescript' }).length > 0) {
      monaco.editor.setModelMarkers(model, 'typescript', []);
    }
  }
});

// vs-dark's comment green (#608B4E) is 4.2:1 on its background; WCAG AA wants 4.5:1 for text.
monaco.editor.defineTheme('rg-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6A9955' }], colors: {} });

loader.config({ monaco });
mark('monaco:ready');


export { monaco };
export type Monaco = typeof monaco;
