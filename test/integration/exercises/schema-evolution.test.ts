// Proves the schema-evolution package is a fair exercise: the solution passes everything, the starter
// passes no graded test by accident, and every mutant (a renamed or retyped field, a changed meaning,
// a strict reader, a wrong default, ...) costs a visible share of the points.
import { proveExercise } from './support/proveExercise';

proveExercise('schema-evolution', { minGradedTests: 30, minMutants: 10 });
