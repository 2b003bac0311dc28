// Proves the orders-consumer package is a fair exercise: the solution passes everything, the
// starter passes no graded test by accident, and every mutant (no inbox, an inbox in memory, the
// inbox written outside the statistics' transaction, offsets as ids, commit before handling, a
// rebalance treated as an error, ...) is caught by at least one test.
import { proveExercise } from './support/proveExercise';

proveExercise('orders-consumer', { minGradedTests: 20, minMutants: 10 });
