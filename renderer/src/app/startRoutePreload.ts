// The first module the app evaluates (main.tsx imports it before React and the pages): on an
// exercise's address (a reload, a link) it asks for the exercises page and the code editor (Monaco) at
// once, so their download overlaps the app's own start instead of following it.
import { preloadEditorForStartRoute } from './editorWarmup';

preloadEditorForStartRoute();
