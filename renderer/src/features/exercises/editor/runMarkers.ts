// A build error from the last run becomes a red marker at its line and column in the editor,
// beside TypeScript's own diagnostics (owner 'runner', so each run replaces only its own).
import { monaco } from './monacoSetup';
import { workspaceUri } from './models';
import type { RunResult } from '../workspace/types';

/** The marker's texts, translated: the message when the run gives none, and the marker's source. */
export interface RunMarkerLabels {
  buildError: string;
  source: string;
}

export function applyRunMarkers(exerciseId: string, files: readonly string[], results: RunResult | null, labels: RunMarkerLabels): void {
  for (const name of files) {
    const model = monaco.editor.getModel(workspaceUri(exerciseId, name));
    if (!model) continue;
    const loc = results?.status === 'error' ? results.location : undefined;
    if (!loc || loc.file !== name) {
      monaco.editor.setModelMarkers(model, 'runner', []);
      continue;
    }
    const line = Math.min(Math.max(1, loc.line), model.getLineCount());
    const column = Math.max(1, loc.column);
    monaco.editor.setModelMarkers(model, 'runner', [
      {
        severity: monaco.MarkerSeverity.Error,
        message: results?.message ?? labels.buildError,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: line,
        endColumn: Math.max(column + 1, model.getLineMaxColumn(line)),
        source: labels.source,
      },
    ]);
  }
}
