// Small value checks the order rules share. They accept `unknown` because commands
// can arrive from untyped places (JSON, a student's test, a form).

/** A string with at least one non-whitespace character. */
export function isNonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** A whole number above zero that a double represents exactly. */
export function isPositiveSafeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
