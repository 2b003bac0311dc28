// Proves the orders-read-model package is a fair exercise: the solution passes everything, the
// starter passes no graded test by accident, and every mutant (no checkpoint, one batch only, a
// checkpoint that stops at foreign events, no version guard, shared items, paging off by one, ...)
// is caught by at least one test.
import { proveExercise } from './support/proveExercise';

proveExercise('orders-read-model', { minGradedTests: 35, minMutants: 10 });
