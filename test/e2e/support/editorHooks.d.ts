// The hooks the workspace sets on window under automation (navigator.webdriver), for driving Monaco in e2e tests.
import type * as monaco from 'monaco-editor';

declare global {
  interface Window {
    __replaygroundEditor?: monaco.editor.IStandaloneCodeEditor;
    __replaygroundMonaco?: typeof monaco;
  }
}
export {};
