// Value checks for amounts and names. They take `unknown` on purpose: a command may come from
// JSON or a form, so TypeScript's types do not promise anything at run time.

/** A string holding at least one character that is not whitespace. */
export function isNonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** A whole number of cents above zero that a double holds exactly (no 10.5, no '100', no NaN). */
export function isPositiveSafeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
