// Given past events, when a command runs, then expect new events or an error code.
// A failure throws an Error whose `details` the test runner shows next to the test:
// {given, command, expected_events, actual_events} or {given, command, expected_error_code, actual_error_code}.
import { expect } from 'vitest';
import type { OrderCommand } from '@workspace/commands';
import { fixedClock, type Clock } from '@workspace/clock';
import type { OrderErrorCode } from '@workspace/errors';
import type { OrderEvent } from '@workspace/events';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { NOW, ORDER_ID } from './fixtures';
import { stateOf } from './state';

export class ScenarioFailure extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ScenarioFailure';
  }
}

interface Outcome {
  order: OrderAggregate | undefined;
  error: unknown;
  events: OrderEvent[];
}

function run(history: OrderEvent[], command: OrderCommand, clock: Clock): Outcome {
  let order: OrderAggregate | undefined =
    command.type === 'CreateOrder' && history.length === 0 ? undefined : OrderAggregate.fromEvents(history, clock);
  try {
    switch (command.type) {
      case 'CreateOrder': {
        const { type: _type, orderId = ORDER_ID, ...create } = command;
        order = OrderAggregate.create(orderId, create, clock);
        break;
      }
      case 'AddOrderItem': order!.addItem(command); break;
      case 'RemoveOrderItem': order!.removeItem(command); break;
      case 'ChangeOrderAddress': order!.changeAddress(command); break;
      case 'PayOrder': order!.pay(command); break;
      case 'ShipOrder': order!.ship(command); break;
      case 'DeliverOrder': order!.deliver(command); break;
      case 'CancelOrder': order!.cancel(command); break;
    }
  } catch (error) {
    return { order, error, events: order ? [...order.uncommittedEvents] : [] };
  }
  return { order, error: undefined, events: order ? [...order.uncommittedEvents] : [] };
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Deep equality through the test framework's own `toEqual`, reported as a ScenarioFailure. */
function sameOrFail(actual: unknown, expected: unknown, message: string, details: Record<string, unknown>): void {
  try {
    expect(actual).toEqual(expected);
  } catch (error) {
    throw new ScenarioFailure(`${message}\n${messageOf(error)}`, details);
  }
}

export function given(...history: OrderEvent[]) {
  return {
    when(command: OrderCommand, clock: Clock = fixedClock(NOW)) {
      const base = { given: history, command };
      return {
        /** Expects exactly these new events; returns the order for further checks. */
        then(...expected: OrderEvent[]): OrderAggregate {
          const { order, error, events } = run(history, command, clock);
          if (error !== undefined) {
            throw new ScenarioFailure(`Expected ${expected.map((e) => e.type).join(', ') || 'no events'}, but ${command.type} threw: ${messageOf(error)}`, {
              ...base,
              expected_events: expected,
              actual_events: events,
              actual_error_code: codeOf(error),
            });
          }
          sameOrFail(events, expected, `${command.type} recorded other events than expected`, {
            ...base,
            expected_events: expected,
            actual_events: events,
          });
          return order!;
        },

        /** Expects an OrderError with this code, and no event and no change of state after it. */
        thenFails(code: OrderErrorCode): void {
          const before = stateOf(OrderAggregate.fromEvents(history, clock));
          const { order, error, events } = run(history, command, clock);
          const details = { ...base, expected_error_code: code, actual_error_code: codeOf(error) };
          if (error === undefined) {
            throw new ScenarioFailure(`Expected ${command.type} to fail with ${code}, but it succeeded`, {
              ...details,
              actual_events: events,
            });
          }
          if (codeOf(error) !== code) {
            throw new ScenarioFailure(
              `Expected ${command.type} to fail with ${code}, but it threw ${codeOf(error) ?? 'an error without a code'}: ${messageOf(error)}`,
              details,
            );
          }
          if (events.length > 0) {
            throw new ScenarioFailure(`${command.type} failed with ${code} but still recorded an event`, {
              ...base,
              expected_events: [],
              actual_events: events,
            });
          }
          if (order) {
            sameOrFail(stateOf(order), before, `${command.type} failed with ${code} but changed the order's state`, {
              ...details,
              expected_state: before,
              actual_state: stateOf(order),
            });
          }
        },
      };
    },
  };
}
