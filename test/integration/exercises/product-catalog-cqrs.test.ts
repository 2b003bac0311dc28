// Proves the product-catalog-cqrs package is a fair exercise: the solution passes everything, the
// starter passes no graded test by accident, and every mutant (a query that catches up or reads
// the store, no checkpoint, exclusive price bounds, paging off by one, no expected version, ...)
// is caught by at least one test.
import { proveExercise } from './support/proveExercise';

proveExercise('product-catalog-cqrs', { minGradedTests: 50, minMutants: 10 });
