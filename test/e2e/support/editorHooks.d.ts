// The hooks the workspace sets on window under automation (navigator.webdriver), for driving Monaco in e2e tests.
import type * as monaco from 'monaco-editor';

declare global {
  interface Window {
    __replaygroundEditor?: monaco.editor.IStandaloneCodeEditor;
    __replaygroundMonaco?: typeof monaco;
    /** Read by renderer/src/app/editorWarmup.ts under automation; set by app.ts for suites without the editor. */
    __replaygroundSkipEditorWarmup?: boolean;
  }
}
export {};
