// Grading: the submission file format (students hand in), the grader (instructors grade folders of
// submissions through the sandboxed runner), and the reports it writes.
export { canonicalJson } from './canonicalJson';
export { exerciseContentHash, hashExerciseFolder, isHashedPath, normaliseText, EXERCISE_HASH_VERSION } from './exerciseHash';
export {
  Submission,
  UnsignedSubmission,
  StudentIdentity,
  SubmittedRun,
  HintUnlock,
  QuizAttempt,
  EditableFile,
  SUBMISSION_FORMAT,
  SUBMISSION_FORMAT_VERSION,
  MAX_SUBMISSION_BYTES,
} from './submissionSchema';
export type { UnsignedSubmissionInput } from './submissionSchema';
export {
  sealSubmission,
  serializeSubmission,
  submissionChecksum,
  submissionFileName,
  sanitizeFileName,
  sanitizeNamePart,
  writeSubmission,
  parseSubmission,
  readSubmissionFile,
  verifySubmission,
  SUBMISSION_EXTENSION,
} from './submissionFile';
export type { ReadOutcome } from './submissionFile';
export { loadExerciseCatalog } from './exerciseCatalog';
export type { CatalogExercise, ExerciseCatalog } from './exerciseCatalog';
export { discover } from './discover';
export type { Candidate } from './discover';
export { classify, entryFiles, folderNames, CLOCK_SKEW_TOLERANCE_MS, DEFAULT_MEMORY_BUDGET } from './classify';
export type { Entry, EntryFlag, ClassifyOptions } from './classify';
export { grade } from './grader';
export type { GradeOptions, GradingProgress, GradingRunner } from './grader';
export { Gradebook, GradebookEntry, GradebookRow, GradedTest, RowStatus, CSV_COLUMNS, GRADED_STATUSES, FLAGGED_STATUSES } from '../common/gradebook';
export { writeReports } from './reports/writeReports';
export type { WrittenReports } from './reports/writeReports';
export { gradebookCsv } from '../common/gradebookCsv';
export { summaryHtml } from './reports/summary';
export { testStats, scoreBuckets, mostFailedTests, meanScore } from '../common/gradingStats';
export { gradebookWideCsv, wideGradebook } from '../common/wideGradebook';
export type { WideGradebook, WideRow } from '../common/wideGradebook';
export { feedbackHtml, feedbackMarkdown } from './reports/feedback';
export { escapeHtml, csvCell } from './reports/escape';
export { buildSubmission, handIn } from './handIn';
export type { HandInExercise, HandInSources } from './handIn';
export { runGradingJob } from './gradingJob';
export type { GradingJobOptions, GradingJobResult } from './gradingJob';
export { createSandboxGradingRunner } from './sandboxRunner';
export type { SandboxGradingRunnerOptions } from './sandboxRunner';
export { compareSimilarity, DEFAULT_THRESHOLD, MIN_FINGERPRINTS } from './similarity/compare';
export type { SimilarityInput, SimilarityResult, SimilarPair, SimilarityReference, SimilaritySubmission, Region, Highest } from './similarity/compare';
export { tokenize } from './similarity/tokens';
export { engineReferences, solutionReference } from './similarity/references';
