// Monaco models for an exercise: one file:/// model per workspace file in one folder (so the
// student's `import './events'` resolves and IntelliSense sees the real types), plus read-only models
// for the visible tests and for past runs, which never show diagnostics.
import { monaco, silenceMarkersUnder } from './monacoSetup';
import type { ExerciseView, PastRun } from '../workspace/types';

export function workspaceUri(exerciseId: string, file: string): monaco.Uri {
  return monaco.Uri.parse(`file:///${exerciseId}/${file}`);
}
export function pastRunUri(exerciseId: string, runId: number, file: string): monaco.Uri {
  return monaco.Uri.parse(`file:///__runs/${exerciseId}/${runId}/${file}`);
}
silenceMarkersUnder('file:///__runs/');

function ensureModel(uri: monaco.Uri, content: string): monaco.editor.ITextModel {
  const existing = monaco.editor.getModel(uri);
  if (existing) {
    if (existing.getValue() !== content) existing.setValue(content);
    return existing;
  }
  return monaco.editor.createModel(content, 'typescript', uri);
}

/** Creates (or refreshes) the models of the exercise's workspace files; returns the URIs it created. */
export function syncExerciseModels(view: ExerciseView, editable: Record<string, string>): monaco.Uri[] {
  silenceMarkersUnder(`file:///${view.id}/tests/`);
  const created: monaco.Uri[] = [];
  for (const f of view.files) {
    const content = f.editable ? (editable[f.name] ?? f.content) : f.content;
    const uri = workspaceUri(view.id, f.name);
    const model = monaco.editor.getModel(uri);
    if (!model) {
      monaco.editor.createModel(content, 'typescript', uri);
      created.push(uri);
    }
    else if (model.getValue() !== content) {
      // An edit operation (not setValue) so the student can undo a reset or a restore.
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
    }
  }
  return created;
}

/** Test files get their model when first shown: fewer models for the TypeScript worker at start-up. */
export function ensureTestModel(view: ExerciseView, file: string): void {
  const test = view.tests.find((t) => t.file === file);
  if (test && !monaco.editor.getModel(workspaceUri(view.id, file))) ensureModel(workspaceUri(view.id, file), test.content);
}

export function pastRunModel(exerciseId: string, past: PastRun, file: string): monaco.editor.ITextModel {
  const content = past.files.find((f) => f.name === file)?.content ?? '';
  return ensureModel(pastRunUri(exerciseId, past.run.id, file), content);
}

/** Frees the models of an exercise when its workspace closes. */
export function disposeExerciseModels(exerciseId: string): void {
  for (const model of monaco.editor.getModels()) {
    const s = model.uri.toString();
    if (s.startsWith(`file:///${exerciseId}/`) || s.startsWith(`file:///__runs/${exerciseId}/`)) model.dispose();
  }
}
