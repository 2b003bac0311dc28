// The sandboxed test runner for student code: public face. See docs/engine/runner.md.
export {
  createRunner,
  RunnerInputError,
  type Runner,
  type RunnerOptions,
  type RunRequest,
  type RunnerStats,
  type SuitesRequest,
  type CallRequest,
  type CallResult,
  type CallError,
  type CallErrorCode,
} from './runner';
export { loadRunnerExercise, readEditableFiles, type RunnerManifest, type RunnerExercise } from './exercise';
export {
  RunResult,
  TestResult,
  SuiteSummary,
  TestStatus,
  SuiteVisibility,
  SourceLocation,
  OUTPUT_CAP_BYTES,
  RESULT_CAP_BYTES,
  TEST_OUTPUT_CAP_CHARS,
} from '../common/runResult';
export { buildHarnessText, PREBUILT_NAME } from './harnessFile';
