// Proves the order-saga package is a fair exercise: the solution passes everything, the starter
// passes no graded test by accident, and every mutant (compensations in forward order, stopping at
// a failed compensation, a crash taken for a failed step, fresh idempotency keys per attempt, no
// resume from the log, ...) is caught by at least one test.
import { proveExercise } from './support/proveExercise';

proveExercise('order-saga', { minGradedTests: 20, minMutants: 10 });
