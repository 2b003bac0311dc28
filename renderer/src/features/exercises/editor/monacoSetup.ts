// Monaco, bundled locally and configured once: only the editor core and TypeScript (no css/html/json
// workers), workers built by Vite, and @monaco-editor/react told to use this copy instead of a CDN.
import * as monaco from 'monaco-editor/editor';
import { typescriptDefaults, ModuleKind, ModuleResolutionKind, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/definitions/typescript/register';
// Monaco's worker helper imports every editor contribution (hover, suggest, find, …). Left to the
// TypeScript mode's lazy chunk, the bundler moves the contributions there too, and they would load
// after the first editor exists (no hover, no completion). Importing it here keeps them in this chunk.
import 'monaco-editor/internal/common/workers';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { loader } from '@monaco-editor/react';
import { mark } from '../../../app/perfMarks';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker(_workerId, label) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
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
});
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
