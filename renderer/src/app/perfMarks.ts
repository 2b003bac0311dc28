// Named moments of opening an exercise and of a test run, left as User Timing marks
// (performance.mark, a few microseconds each). Nothing in the app reads them: `npm run bench -- ui`
// reads them inside the page to say where the time goes, and a browser profiler shows them too.

export type PerfMark =
  /** the workspace page rendered for the first time */
  | 'workspace:open'
  /** the exercise's files and texts arrived from the engine */
  | 'exercise:loaded'
  /** Monaco is set up (themes, TypeScript options, worker factory) */
  | 'monaco:ready'
  /** the models of the open exercise's files exist */
  | 'editor:models'
  /** the editor is on screen with the active file */
  | 'editor:mounted'
  /** the TypeScript worker has every file of the open exercise */
  | 'ts:synced'
  /** the TypeScript worker has type-checked the open file once */
  | 'ts:checked'
  /** idle-time warm-up of the editor and the TypeScript worker finished */
  | 'warmup:done'
  /** Run tests pressed */
  | 'run:start'
  /** the run's result arrived and was parsed */
  | 'run:response'
  /** the result is in the workspace's state */
  | 'run:state'
  /** React committed the results panel showing the new result */
  | 'run:rendered';

export function mark(name: PerfMark): void {
  performance.mark(`rg:${name}`);
}
