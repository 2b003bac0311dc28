// Proves the choreography package is a fair exercise: the solution passes everything, the starter
// passes no graded test by accident, and every mutant (a direct call to the next service, a missing
// compensation, a handler that is not idempotent, a lost correlation, ...) costs a visible share of the points.
import { proveExercise } from './support/proveExercise';

proveExercise('choreography', { minGradedTests: 25, minMutants: 9 });
