// The write side in given/when/then form: given product events already stored, when a command
// is handled, then expect exactly these new events in the store, or a refusal with a code and
// nothing stored. A failure throws an Error whose `details` the runner shows beside the test.
import { expect } from 'vitest';
import { createMemoryEventStore } from '@engine/store/memory';
import type { CatalogCommand, CommandResult } from '@workspace/commands';
import type { CatalogErrorCode } from '@workspace/errors';
import type { ProductEvent } from '@workspace/events';
import { ProductCommandHandler } from '@workspace/ProductCommandHandler';
import { productStreamId } from '@workspace/storage';

export class ScenarioFailure extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ScenarioFailure';
  }
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function execute(history: ProductEvent[], command: CatalogCommand) {
  const store = createMemoryEventStore();
  for (const event of history) store.appendToStream(productStreamId(event.productId), [{ type: event.type, data: event }]);
  const head = store.headPosition();
  const handler = new ProductCommandHandler(store);
  let result: CommandResult | undefined;
  let error: unknown;
  try {
    result = handler.handle(command);
  } catch (caught) {
    error = caught;
  }
  const events = store.readAll({ after: head }).map((stored) => stored.data as ProductEvent);
  return { result, error, events };
}

export function given(...history: ProductEvent[]) {
  return {
    when(command: CatalogCommand) {
      const base = { given: history, command };
      return {
        /** Expects exactly these new events stored; returns what the handler answered. */
        then(...expected: ProductEvent[]): CommandResult {
          const { result, error, events } = execute(history, command);
          if (error !== undefined) {
            throw new ScenarioFailure(`Expected ${expected.map((e) => e.type).join(', ') || 'no events'}, but ${command.type} threw: ${messageOf(error)}`, {
              ...base,
              expected_events: expected,
              actual_events: events,
              actual_error_code: codeOf(error),
            });
          }
          try {
            expect(events).toEqual(expected);
          } catch (mismatch) {
            throw new ScenarioFailure(`${command.type} stored other events than expected\n${messageOf(mismatch)}`, {
              ...base,
              expected_events: expected,
              actual_events: events,
            });
          }
          return result!;
        },

        /** Expects a CatalogError with this code and nothing stored. */
        thenFails(code: CatalogErrorCode): void {
          const { error, events } = execute(history, command);
          const details = { ...base, expected_error_code: code, actual_error_code: codeOf(error) };
          if (error === undefined) {
            throw new ScenarioFailure(`Expected ${command.type} to fail with ${code}, but it succeeded`, { ...details, actual_events: events });
          }
          if (codeOf(error) !== code) {
            throw new ScenarioFailure(
              `Expected ${command.type} to fail with ${code}, but it threw ${codeOf(error) ?? 'an error without a code'}: ${messageOf(error)}`,
              details,
            );
          }
          if (events.length > 0) {
            throw new ScenarioFailure(`${command.type} failed with ${code} but still stored events`, { ...base, expected_events: [], actual_events: events });
          }
        },
      };
    },
  };
}

/** Sample events for the write-side scenarios. */
export const added = (productId = 'kettle-1', price = 3990): ProductEvent => ({
  type: 'ProductAdded',
  productId,
  name: 'Steel kettle',
  description: '1.7 litres',
  category: 'kitchen',
  price,
});
export const priceChanged = (price: number, productId = 'kettle-1'): ProductEvent => ({ type: 'ProductPriceChanged', productId, price });
export const discontinued = (productId = 'kettle-1'): ProductEvent => ({ type: 'ProductDiscontinued', productId });
