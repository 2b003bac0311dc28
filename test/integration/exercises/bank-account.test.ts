// Proves the bank-account package is a fair exercise: the solution passes everything, the starter
// passes no graded test by accident, and every mutant (overdraft allowed, balance changed outside
// apply, a withdrawal that adds, ...) is caught by at least one test.
import { proveExercise } from './support/proveExercise';

proveExercise('bank-account', { minGradedTests: 50, minMutants: 10 });
