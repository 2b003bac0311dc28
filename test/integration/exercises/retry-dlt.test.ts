// Proves the retry-dlt package is a fair exercise: the solution passes everything, the starter passes
// no graded test by accident, and every mutant (retrying forever, committing before processing, no
// backoff or a fixed one, parking transient failures, retrying hopeless ones, a dead letter without
// its headers or key, parking the process's own crash, dropping poison) costs a visible share.
import { proveExercise } from './support/proveExercise';

proveExercise('retry-dlt', { minGradedTests: 20, minMutants: 10 });
