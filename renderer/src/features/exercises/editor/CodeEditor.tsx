// The code editor: Monaco showing the active workspace file (editable or read-only), a visible
// test, or a past run's code. Loaded lazily so that only the workspace pays for Monaco.
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Editor from '@monaco-editor/react';
import { monaco } from './monacoSetup';
import { disposeExerciseModels, ensureTestModel, pastRunModel, pastRunUri, syncExerciseModels, workspaceUri } from './models';
import { useTheme } from '../../../app/theme';
import { editFile, runTests, setCursor, useWorkspace } from '../workspace/store';
import { applyRunMarkers } from './runMarkers';
import { syncWorkerWith } from './tsWorkerSync';
import { mark } from '../../../app/perfMarks';

declare global {
  interface Window {
    /** Set only under automation (navigator.webdriver), so end-to-end tests can put code into the editor. */
    __replaygroundEditor?: monaco.editor.IStandaloneCodeEditor;
    __replaygroundMonaco?: typeof monaco;
  }
}

/** Memoized, and not subscribed to the results: a run re-renders the results, not the editor. */
export default memo(function CodeEditor() {
  const { t } = useTranslation('exercises');
  const resolvedTheme = useTheme((s) => s.resolved);
  const view = useWorkspace((s) => s.view);
  const filesVersion = useWorkspace((s) => s.filesVersion);
  const activeFile = useWorkspace((s) => s.activeFile);
  const viewingRun = useWorkspace((s) => s.viewingRun);
  const reveal = useWorkspace((s) => s.reveal);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const highlight = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const [ready, setReady] = useState(false);
  // Tab moves focus (true) or indents (false). A keyboard user tabbing into the editor keeps moving
  // through the page; a click into the code means typing, so Tab indents. Ctrl+M switches either way.
  const [tabMovesFocus, setTabMovesFocusState] = useState(true);
  const pointerDown = useRef(false);
  // Monaco's option changes at once with our state: through the options prop it would follow a render
  // later, and a Tab pressed in between (Ctrl+M, Tab) would still indent.
  const tabMovesFocusNow = useRef(true);
  const setTabMovesFocus = (movesFocus: boolean) => {
    tabMovesFocusNow.current = movesFocus;
    editorRef.current?.updateOptions({ tabFocusMode: movesFocus });
    setTabMovesFocusState(movesFocus);
  };

  const exerciseId = view?.id ?? '';
  const editableNames = view?.editable ?? [];

  // Models first: every workspace file exists before the editor shows one, so imports resolve.
  if (view) {
    syncExerciseModelsOnce(view, filesVersion);
    ensureTestModel(view, activeFile);
  }

  useEffect(() => {
    if (!exerciseId) return;
    const subs = editableNames.map((name) => {
      const model = monaco.editor.getModel(workspaceUri(exerciseId, name));
      return model?.onDidChangeContent(() => editFile(name, model.getValue()));
    });
    return () => subs.forEach((s) => s?.dispose());
    // Deliberately not a dependency: names are fixed per exercise.
  }, [exerciseId, filesVersion]);

  useEffect(() => {
    if (!exerciseId) return;
    cancelDispose(exerciseId);
    // Deferred, so React's development double-mount does not throw away the models in use.
    return () => scheduleDispose(exerciseId);
  }, [exerciseId]);

  useEffect(() => {
    if (!view) return;
    const apply = (results: ReturnType<typeof useWorkspace.getState>['results']) =>
      applyRunMarkers(view.id, view.editable, results, { buildError: t('results.buildError'), source: t('ws.run') });
    apply(useWorkspace.getState().results);
    // Straight from the store, so a new result re-marks the code without re-rendering the editor.
    return useWorkspace.subscribe((s, prev) => {
      if (s.results !== prev.results) apply(s.results);
    });
  }, [view, t]);

  // A request to show a line (a compile error, a failing test): open it and highlight the line.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal || !ready) return;
    const model = monaco.editor.getModel(workspaceUri(exerciseId, reveal.file));
    if (!model) return;
    if (editor.getModel() !== model) editor.setModel(model);
    editor.setPosition({ lineNumber: reveal.line, column: Math.max(1, reveal.column) });
    editor.revealLineInCenter(reveal.line);
    highlight.current?.clear();
    highlight.current = editor.createDecorationsCollection([
      { range: new monaco.Range(reveal.line, 1, reveal.line, 1), options: { isWholeLine: true, className: 'rg-reveal-line' } },
    ]);
    editor.focus();
  }, [reveal, ready, exerciseId]);

  if (!view) return null;
  const pastFile = viewingRun ? (viewingRun.files.find((f) => f.name === activeFile && f.editable) ?? viewingRun.files.find((f) => f.editable)) : undefined;
  if (viewingRun && pastFile) pastRunModel(exerciseId, viewingRun, pastFile.name);
  const path = viewingRun && pastFile
    ? pastRunUri(exerciseId, viewingRun.run.id, pastFile.name).toString()
    : workspaceUri(exerciseId, activeFile).toString();
  const editable = !viewingRun && editableNames.includes(activeFile);

  return (
    <div
      className="ex-editor"
      data-testid="code-editor"
      data-editor-ready={ready}
      data-file={activeFile}
      data-readonly={!editable}
      onPointerDownCapture={() => (pointerDown.current = true)}
    >
      <div className="ex-editor-box">
      <Editor
        path={path}
        language="typescript"
        theme={resolvedTheme === 'dark' ? 'rg-dark' : 'vs'}
        keepCurrentModel
        saveViewState
        loading={<div className="ex-editor-loading">{t('ws.loadingEditor')}</div>}
        options={{
          readOnly: !editable,
          readOnlyMessage: { value: t('ws.readonlyNotice', { files: editableNames.join(', ') }) },
          minimap: { enabled: false },
          fontSize: 14,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          renderLineHighlight: 'all',
          'semanticHighlighting.enabled': false,
          tabFocusMode: tabMovesFocus,
          // Faded "unused" code is below AA contrast; the unused-variable hint stays in the hover.
          showUnused: false,
          ariaLabel: t('ws.editorLabel', { file: activeFile }),
        }}
        onMount={(editor) => {
          editorRef.current = editor;
          if (navigator.webdriver) {
            window.__replaygroundEditor = editor;
            window.__replaygroundMonaco = monaco;
          }
          // Ctrl/Cmd+Enter runs the tests from inside the editor too.
          editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void runTests());
          // Ctrl+M: what Tab does (our state, shown under the editor, instead of Monaco's hidden global).
          // (CtrlCmd is Ctrl on Windows and Linux; WinCtrl is the Control key on macOS.)
          const toggleTab = () => setTabMovesFocus(!tabMovesFocusNow.current);
          editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, toggleTab);
          editor.addCommand(monaco.KeyMod.WinCtrl | monaco.KeyCode.KeyM, toggleTab);
          editor.onDidFocusEditorText(() => {
            setTabMovesFocus(!pointerDown.current);
            pointerDown.current = false;
          });
          editor.onDidBlurEditorText(() => (pointerDown.current = false));
          editor.onDidChangeCursorPosition((e) => {
            const uri = editor.getModel()?.uri.toString() ?? '';
            const prefix = `file:///${exerciseId}/`;
            if (!uri.startsWith(prefix)) return;
            setCursor({ file: uri.slice(prefix.length), line: e.position.lineNumber, column: e.position.column });
          });
          restoreCursor(editor);
          mark('editor:mounted');
          setReady(true);
        }}
      />
      </div>
      <p className="ex-editor-keys" data-testid="tab-mode" data-tab-moves-focus={tabMovesFocus}>
        <span>{tabMovesFocus ? t('ws.tabMovesFocus') : t('ws.tabIndents')}</span>
        <button
          type="button"
          className="link-button"
          aria-pressed={tabMovesFocus}
          aria-keyshortcuts="Control+M"
          data-testid="tab-mode-toggle"
          onClick={() => setTabMovesFocus(!tabMovesFocusNow.current)}
        >
          {tabMovesFocus ? t('ws.tabMakeIndent') : t('ws.tabMakeMove')}
        </button>
      </p>
    </div>
  );
});

const pendingDispose = new Map<string, ReturnType<typeof setTimeout>>();
function cancelDispose(id: string): void {
  clearTimeout(pendingDispose.get(id));
  pendingDispose.delete(id);
}
function scheduleDispose(id: string): void {
  cancelDispose(id);
  pendingDispose.set(
    id,
    setTimeout(() => {
      pendingDispose.delete(id);
      disposeExerciseModels(id);
      if (lastSynced?.id === id) lastSynced = null;
    }, 0),
  );
}

let lastSynced: { id: string; version: number } | null = null;
/** Syncs models once per files version (during render, so they exist before Monaco asks for them). */
function syncExerciseModelsOnce(view: NonNullable<ReturnType<typeof useWorkspace.getState>['view']>, version: number): void {
  if (lastSynced && lastSynced.id === view.id && lastSynced.version === version) return;
  lastSynced = { id: view.id, version };
  const created = syncExerciseModels(view, useWorkspace.getState().files);
  if (created.length > 0) mark('editor:models');
  // New files: the TypeScript worker must know all of them before it judges any import.
  if (created.length > 0) {
    const open = workspaceUri(view.id, useWorkspace.getState().activeFile);
    void syncWorkerWith(view.files.map((f) => workspaceUri(view.id, f.name)), open);
  }
}

/** Puts the cursor back where the student left it (saved with the draft), without taking the focus:
 *  the page opens with focus outside the editor, so a first Tab+Enter cannot edit the draft. */
function restoreCursor(editor: monaco.editor.IStandaloneCodeEditor): void {
  const { cursor, activeFile } = useWorkspace.getState();
  if (!cursor || cursor.file !== activeFile) return;
  editor.setPosition({ lineNumber: cursor.line, column: cursor.column });
  editor.revealPositionInCenter({ lineNumber: cursor.line, column: cursor.column });
}
