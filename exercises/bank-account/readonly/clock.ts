// Where an account gets "now" from. Passing the clock in keeps tests repeatable:
// the account never asks the system for the time.

/** Returns the current time as an ISO-8601 UTC string. */
export type Clock = () => string;

export const systemClock: Clock = () => new Date().toISOString();

/** A clock that always says the same time. */
export function fixedClock(iso: string): Clock {
  return () => iso;
}

/** A clock that starts at `startIso` and moves forward `stepMs` on every call. */
export function steppingClock(startIso: string, stepMs = 1000): Clock {
  let next = Date.parse(startIso);
  return () => {
    const now = new Date(next).toISOString();
    next += stepMs;
    return now;
  };
}
