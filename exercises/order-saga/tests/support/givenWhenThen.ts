// Given what the saga log already holds (and which services are failing), when the saga runs,
// then it writes exactly these new entries. Failures are the shared helper's ScenarioFailure:
// {given: the earlier entries, command: the run, expected_events / actual_events: the new entries}.
import { describeThrown, said, sameOrFail, say, ScenarioFailure, thrownWords } from '@engine/testing/givenWhenThen';
import { OrderSaga } from '@workspace/OrderSaga';
import type { SagaEntry, SagaOutcome } from '@workspace/saga';
import { createMemorySagaLog } from '@workspace/sagaLog';
import { REQUEST, World, type Operation } from './world';

export interface Ran {
  outcome: SagaOutcome;
  world: World;
  entries: SagaEntry[];
}

export function given(...history: SagaEntry[]) {
  const failing: Partial<Record<Operation, string>> = {};
  const api = {
    /** These operations throw with these error codes. */
    failing(failures: Partial<Record<Operation, string>>) {
      Object.assign(failing, failures);
      return api;
    },
    whenRun(world = new World()) {
      for (const [op, message] of Object.entries(failing)) world.fail(op as Operation, message);
      const command = { type: 'run', orderId: REQUEST.orderId, failing };
      return {
        /** Expects exactly these new log entries; resolves to the outcome for further checks. */
        async then(...expected: SagaEntry[]): Promise<Ran> {
          const log = createMemorySagaLog();
          for (const entry of history) log.append(REQUEST.orderId, entry);
          let outcome: SagaOutcome;
          try {
            outcome = await new OrderSaga(world.services(), log).run(REQUEST);
          } catch (error) {
            throw new ScenarioFailure(
              `expected the saga to run to an outcome, but run() threw ${describeThrown(error)}`,
              { given: history, command, expected_events: expected, actual_events: log.read(REQUEST.orderId).slice(history.length) },
              said('expected the saga to run to an outcome, but run() threw {{thrown}}', 'ожидалось, что сага дойдёт до результата, но run() бросил {{thrown}}', { thrown: thrownWords(error) }),
            );
          }
          const written = log.read(REQUEST.orderId).slice(history.length);
          sameOrFail(written, expected, say('the saga wrote other log entries than expected (differences below)', 'сага записала в журнал не то, что ожидалось (различия ниже)'), {
            given: history,
            command,
            expected_events: expected,
            actual_events: written,
          });
          return { outcome, world, entries: log.read(REQUEST.orderId) };
        },
      };
    },
  };
  return api;
}
