// Proves the snapshots-and-upcasting package is a fair exercise: the solution passes everything,
// the starter passes no graded test by accident, and every mutant (snapshot ignored or applied
// twice, stale snapshot used, shared state, street cut at the first comma, v2 events parsed
// again, stored event changed in place, ...) is caught by at least one test.
import { proveExercise } from './support/proveExercise';

proveExercise('snapshots-and-upcasting', { minGradedTests: 40, minMutants: 10 });
