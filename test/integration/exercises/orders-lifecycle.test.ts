// Proves the orders-lifecycle package is a fair exercise, through the real sandboxed runner:
// the solution passes everything, the starter passes no graded test by accident, and every
// deliberately wrong solution (mutant) is caught by at least one test.
import { proveExercise } from './support/proveExercise';

proveExercise('orders-lifecycle', { minGradedTests: 51, minMutants: 10 });
