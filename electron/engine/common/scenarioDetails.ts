// The detail keys a given/when/then failure carries to the runner. No imports at all: the sandbox's
// test bundle includes this file, and nothing may set globals there (zod would).
/** A given/when/then failure's value-carrying details, copied onto the test's result (and capped in size). */
export const SCENARIO_VALUE_KEYS = ['given', 'command', 'expected_events', 'actual_events'] as const;
/** Every detail key the runner reads from a failing scenario's error. */
export const SCENARIO_DETAIL_KEYS = [
  ...SCENARIO_VALUE_KEYS,
  'expected_error_code',
  'actual_error_code',
  'expected_state',
  'actual_state',
] as const;
