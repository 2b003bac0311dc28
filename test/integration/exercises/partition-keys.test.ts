// Proves the partition-keys package is a fair exercise: the solution passes everything, the starter
// passes no graded test by accident, and every mutant (keying by event type, by a fresh id, by the
// customer, no key, a partitioner of its own; a tracker with one global version, one that trusts the
// broker's order, one that applies gaps, one that takes a repeat for an error) costs a visible share.
import { proveExercise } from './support/proveExercise';

proveExercise('partition-keys', { minGradedTests: 25, minMutants: 9 });
