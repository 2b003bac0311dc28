// Given what the saga log already holds (and which services are failing), when the saga runs,
// then it writes exactly these new entries. A failure throws an Error whose `details` the runner
// shows: {given: the earlier entries, command: the run, expected_events / actual_events: the new entries}.
import { expect } from 'vitest';
import { OrderSaga } from '@workspace/OrderSaga';
import type { SagaEntry, SagaOutcome } from '@workspace/saga';
import { createMemorySagaLog } from '@workspace/sagaLog';
import { REQUEST, World, type Operation } from './world';

export class ScenarioFailure extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ScenarioFailure';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface Ran {
  outcome: SagaOutcome;
  world: World;
  entries: SagaEntry[];
}

export function given(...history: SagaEntry[]) {
  const failing: Partial<Record<Operation, string>> = {};
  const api = {
    /** These operations throw with these messages. */
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
            throw new ScenarioFailure(`run threw: ${messageOf(error)}`, {
              given: history,
              command,
              expected_events: expected,
              actual_events: log.read(REQUEST.orderId).slice(history.length),
            });
          }
          const written = log.read(REQUEST.orderId).slice(history.length);
          try {
            expect(written).toEqual(expected);
          } catch (error) {
            throw new ScenarioFailure(`the saga wrote other log entries than expected\n${messageOf(error)}`, {
              given: history,
              command,
              expected_events: expected,
              actual_events: written,
            });
          }
          return { outcome, world, entries: log.read(REQUEST.orderId) };
        },
      };
    },
  };
  return api;
}
