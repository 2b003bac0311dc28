// Given events in the log, when the projection catches up, then a row looks like this.
// Failures are the shared helper's ScenarioFailure:
// {given: the events, command: what ran, expected_events: the expected row, actual_events: the row it got}.
import { describeThrown, said, sameOrFail, say, ScenarioFailure, thrownWords } from '@engine/testing/givenWhenThen';
import type { OrderEvent } from '@workspace/events';
import { OrderProjection } from '@workspace/OrderProjection';
import { newLog } from './orders';

export function given(...history: OrderEvent[]) {
  const details = (expected: unknown, actual: unknown, what: string) => ({
    given: history,
    command: { type: 'catchUp', then: what },
    expected_events: [expected],
    actual_events: [actual],
  });

  function project(): OrderProjection {
    const log = newLog();
    log.append(...history);
    const projection = new OrderProjection(log);
    try {
      projection.catchUp();
    } catch (error) {
      throw new ScenarioFailure(
        `expected catchUp() to project every event, but it threw ${describeThrown(error)}`,
        { given: history, command: { type: 'catchUp' } },
        said('expected catchUp() to project every event, but it threw {{thrown}}', 'ожидалось, что catchUp() спроецирует каждое событие, но он бросил {{thrown}}', { thrown: thrownWords(error) }),
      );
    }
    return projection;
  }

  function same(actual: unknown, expected: unknown, what: string): void {
    sameOrFail(actual, expected, say(`${what} is not what the events say (differences below)`, `${what} не соответствует событиям (различия ниже)`), details(expected, actual, what));
  }

  return {
    /** The order's summary after catching up. */
    thenSummary(orderId: string, expected: unknown): OrderProjection {
      const projection = project();
      same(projection.getSummary(orderId), expected, `getSummary('${orderId}')`);
      return projection;
    },
    /** The order's details after catching up; `expected` may list only the fields that matter. */
    thenDetails(orderId: string, expected: Record<string, unknown>): OrderProjection {
      const projection = project();
      const actual = projection.getDetails(orderId);
      const picked = actual === undefined ? undefined : Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as unknown as Record<string, unknown>)[key]]));
      same(picked, expected, `getDetails('${orderId}')`);
      return projection;
    },
  };
}
