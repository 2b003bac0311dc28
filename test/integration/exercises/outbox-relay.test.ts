// Proves the outbox-relay package is a fair exercise: the solution passes everything, the starter
// passes no graded test by accident, and every mutant (a dual write, the outbox in a second
// transaction, marking before publishing, keying by event type, ...) costs a visible share of the points.
import { proveExercise } from './support/proveExercise';

proveExercise('outbox-relay', { minGradedTests: 18, minMutants: 8 });
