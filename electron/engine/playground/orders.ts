// Running order commands against the playground's store, with either the reference aggregate or
// a student's (asynchronously, through the sandbox). A refused command appends nothing and comes
// back as { ok: false, code, message } rather than as an exception: it is a normal outcome here.
import {
  OrderAggregate,
  createOrderCommandHandler,
  fromRecordedEvent,
  isOrderEventType,
  orderStreamId,
  toNewEvent,
  type OrderCommand,
  type OrderEvent,
} from '../domain/orders';
import type { EventStore } from '../store';

export interface AppendedEventInfo {
  type: string;
  version: number;
  globalPosition: number;
}

export type CommandOutcome =
  | { ok: true; orderId: string; version: number; events: AppendedEventInfo[] }
  | { ok: false; orderId: string | null; code: string; message: string; appended: 0 };

/** A student's aggregate behind the sandbox: given the history and a command, the new events (or a refusal). */
export interface AggregateDecider {
  decide(history: OrderEvent[], command: OrderCommand): Promise<{ ok: true; events: OrderEvent[] } | { ok: false; code: string; message: string }>;
}

/** A thrown error's string `code` (domain and store errors carry one), else INTERNAL. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

export function newOrderId(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}

export function runReferenceCommand(store: EventStore, command: OrderCommand): CommandOutcome {
  const handler = createOrderCommandHandler({ store, newOrderId, aggregate: OrderAggregate });
  const orderId = command.type === 'CreateOrder' ? (command.orderId ?? null) : command.orderId;
  const before = store.headPosition();
  try {
    const handled = handler.handle(command);
    const first = before + 1;
    return {
      ok: true,
      orderId: handled.orderId,
      version: handled.version,
      events: handled.events.map((e, i) => ({ type: e.type, version: e.version, globalPosition: first + i })),
    };
  } catch (error) {
    return { ok: false, orderId, code: errorCode(error), message: error instanceof Error ? error.message : String(error), appended: 0 };
  }
}

/** The student's aggregate decides; the playground checks what it returned before storing it. */
export async function runStudentCommand(store: EventStore, decider: AggregateDecider, command: OrderCommand): Promise<CommandOutcome> {
  const orderId = command.type === 'CreateOrder' ? (command.orderId ?? newOrderId()) : command.orderId;
  const streamId = orderStreamId(orderId);
  const stream = store.readStream(streamId);
  const refuse = (code: string, message: string): CommandOutcome => ({ ok: false, orderId, code, message, appended: 0 });
  if (command.type === 'CreateOrder' && stream.currentVersion > 0) return refuse('INVALID_STATE', `Order ${orderId} already exists`);
  if (command.type !== 'CreateOrder' && stream.currentVersion === 0) return refuse('NOT_FOUND', `Order ${orderId} does not exist`);
  const history = stream.events.map(fromRecordedEvent);
  const answer = await decider.decide(history, { ...command, ...(command.type === 'CreateOrder' ? { orderId } : {}) } as OrderCommand);
  if (!answer.ok) return refuse(answer.code, answer.message);
  // The student's events are input: they must be order events of this order, numbered on from the stream.
  for (const [i, e] of answer.events.entries()) {
    if (!e || !isOrderEventType(e.type) || e.aggregateId !== orderId || e.version !== stream.currentVersion + i + 1) {
      return refuse('BAD_EVENT', `your aggregate returned an event the playground cannot store: ${JSON.stringify(e).slice(0, 200)}`);
    }
  }
  if (answer.events.length === 0) return { ok: true, orderId, version: stream.currentVersion, events: [] };
  try {
    const r = store.appendToStream(streamId, answer.events.map(toNewEvent), { expectedVersion: stream.currentVersion === 0 ? 'no_stream' : stream.currentVersion });
    return {
      ok: true,
      orderId,
      version: r.nextExpectedVersion,
      events: answer.events.map((e, i) => ({ type: e.type, version: e.version, globalPosition: r.firstGlobalPosition + i })),
    };
  } catch (error) {
    return refuse(errorCode(error), error instanceof Error ? error.message : String(error));
  }
}

/**
 * Two users load the same order at the same version and both change its address. The first
 * append wins; the second is refused by the store with CONCURRENCY (no automatic retry here,
 * unlike the command handler, so the conflict is visible).
 */
export function runConcurrentEdit(store: EventStore, orderId: string): { first: CommandOutcome; second: CommandOutcome } {
  const streamId = orderStreamId(orderId);
  const stream = store.readStream(streamId);
  if (stream.currentVersion === 0) {
    const missing: CommandOutcome = { ok: false, orderId, code: 'NOT_FOUND', message: `Order ${orderId} does not exist`, appended: 0 };
    return { first: missing, second: missing };
  }
  const history = stream.events.map(fromRecordedEvent);
  const attempt = (user: string): CommandOutcome => {
    try {
      const order = OrderAggregate.fromEvents(history);
      order.changeAddress({ orderId, newAddress: `${user}'s new address, 1 Main St` });
      const events = [...order.uncommittedEvents];
      const r = store.appendToStream(streamId, events.map(toNewEvent), { expectedVersion: stream.currentVersion });
      return { ok: true, orderId, version: r.nextExpectedVersion, events: events.map((e, i) => ({ type: e.type, version: e.version, globalPosition: r.firstGlobalPosition + i })) };
    } catch (error) {
      return { ok: false, orderId, code: errorCode(error), message: error instanceof Error ? error.message : String(error), appended: 0 };
    }
  };
  return { first: attempt('Alice'), second: attempt('Bob') };
}
