// The code editor component, loaded on demand (Monaco is its heavy part): by the workspace, by the
// app's start on an exercise address, and ahead of time by the idle-time warm-up. Monaco's texts in
// the app's language are loaded first (monacoTexts.ts): Monaco reads them as it loads.
import { preloadable } from '../../../components/preloadable';
import { loadMonacoTexts } from './monacoTexts';

export const codeEditor = preloadable(async () => {
  await loadMonacoTexts();
  return import('./CodeEditor');
});
