// Types of the workspace, all derived from the API contract.
import type { MethodOutput } from '../../../bridge/types';

export type ExerciseView = MethodOutput<'exercises.get'>;
export type WorkspaceFile = ExerciseView['files'][number];
export type RunResult = MethodOutput<'exercises.run'>['results'];
export type TestResult = RunResult['tests'][number];
export type SuiteSummary = RunResult['suites'][number];
export type RunSummary = MethodOutput<'exercises.run'>['run'];
export type HintView = ExerciseView['hints']['unlocked'][number];
export type ExerciseSummary = MethodOutput<'exercises.list'>['exercises'][number];
export interface Cursor {
  file: string;
  line: number;
  column: number;
}
export interface PastRun {
  run: RunSummary;
  files: WorkspaceFile[];
  results: RunResult;
}
/** A request to show a place in a file; the nonce makes repeated clicks on the same place work. */
export interface RevealRequest {
  file: string;
  line: number;
  column: number;
  nonce: number;
}
