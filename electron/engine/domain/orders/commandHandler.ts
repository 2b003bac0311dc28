// Turns a command into stored events: load the order's stream, let the aggregate decide,
// append with the version it was loaded at. Publishing is not done here: the broker relay
// reads the store's global log, so there is never a second write to keep in step.
// The aggregate is always passed in (the reference one, or a student's): this module must not import the
// reference OrderAggregate, because exercise suites import it and the student build ships it as source.
import type { EventStore } from '../../store';
import { isNonBlank } from './checks';
import { systemClock, type Clock } from './clock';
import type { OrderCommand } from './commands';
import { OrderError } from './errors';
import type { OrderEvent } from './events';
import { executeCommand, type OrderAggregateFactory } from './executeCommand';
import { fromRecordedEvent, orderStreamId, toNewEvent } from './storedEvents';

export interface OrderCommandHandlerOptions {
  store: Pick<EventStore, 'readStream' | 'appendToStream'>;
  clock?: Clock;
  /** Id for a CreateOrder that does not name one. */
  newOrderId?: () => string;
  /** The aggregate class to use: the reference OrderAggregate, or a student's. */
  aggregate: OrderAggregateFactory;
}

export interface HandledCommand {
  orderId: string;
  /** The events this command stored, in order. */
  events: OrderEvent[];
  /** The order's stream version after the append. */
  version: number;
}

export interface OrderCommandHandler {
  handle(command: OrderCommand): HandledCommand;
}

/** Node and browsers have crypto.randomUUID as a global; a bare vm context may not. */
function defaultOrderId(): string {
  const uuid = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto?.randomUUID;
  if (!uuid) throw new OrderError('VALIDATION', 'CreateOrder needs an orderId here (no id generator available)');
  return uuid.call((globalThis as { crypto?: unknown }).crypto);
}

function isConcurrencyConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'CONCURRENCY';
}

export function createOrderCommandHandler(options: OrderCommandHandlerOptions): OrderCommandHandler {
  const { store, clock = systemClock, newOrderId = defaultOrderId, aggregate } = options;

  function attempt(orderId: string, command: OrderCommand): HandledCommand {
    const streamId = orderStreamId(orderId);
    const stream = store.readStream(streamId);
    let order;
    if (command.type === 'CreateOrder') {
      if (stream.currentVersion > 0) throw new OrderError('INVALID_STATE', `Order ${orderId} already exists`);
      const { customerId, items, shippingAddress } = command;
      order = aggregate.create(orderId, { customerId, items, shippingAddress }, clock);
    } else {
      if (stream.currentVersion === 0) throw new OrderError('NOT_FOUND', `Order ${orderId} does not exist`);
      order = aggregate.fromEvents(stream.events.map(fromRecordedEvent), clock);
      executeCommand(order, command);
    }
    const events = [...order.uncommittedEvents];
    const result = store.appendToStream(streamId, events.map(toNewEvent), {
      expectedVersion: stream.currentVersion === 0 ? 'no_stream' : stream.currentVersion,
    });
    return { orderId, events, version: result.nextExpectedVersion };
  }

  return {
    handle(command) {
      const orderId = command.type === 'CreateOrder' ? (command.orderId ?? newOrderId()) : command.orderId;
      if (!isNonBlank(orderId)) throw new OrderError('VALIDATION', 'orderId must not be blank');
      try {
        return attempt(orderId, command);
      } catch (error) {
        // Someone appended between our read and our write: decide once more on fresh state.
        // A second conflict goes back to the caller, who knows whether retrying makes sense.
        if (!isConcurrencyConflict(error)) throw error;
        return attempt(orderId, command);
      }
    },
  };
}
