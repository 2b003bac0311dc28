// The code editor component, loaded on demand (Monaco is its heavy part): by the workspace, by the
// app's start on an exercise address, and ahead of time by the idle-time warm-up.
import { preloadable } from '../../../components/preloadable';

export const codeEditor = preloadable(() => import('./CodeEditor'));
