import type { Clock } from './types';

/** A manual clock: time only moves when the script says so, which keeps runs reproducible. */
export interface SimClock extends Clock {
  advance(ms: number): number;
  set(ms: number): void;
}

export function createSimClock(start = 0): SimClock {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${String(ms)} ms`);
      now += ms;
      return now;
    },
    set(ms: number) {
      if (!Number.isFinite(ms) || ms < now) throw new RangeError(`the clock cannot go back (now ${now}, asked ${String(ms)})`);
      now = ms;
    },
  };
}
