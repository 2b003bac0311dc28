// The playground's order commands. Every command goes through the domain's command handler with
// an aggregate factory: the reference OrderAggregate, or the student's aggregate, whose decision
// (made asynchronously in the sandbox) is replayed by a stand-in aggregate. A refused command
// appends nothing and comes back as { ok: false, code, message }: a normal outcome here.
import {
  OrderAggregate,
  createOrderCommandHandler,
  fromRecordedEvent,
  isOrderEventType,
  orderStreamId,
  toNewEvent,
  type HandledCommand,
  type OrderAggregateFactory,
  type OrderAggregateLike,
  type OrderCommand,
  type OrderEvent,
} from '../domain/orders';
import { ConcurrencyError, type EventStore } from '../store';
import { happyCommands } from './samples';
import type { SessionCore } from './sessionCore';
import { takeSnapshot } from './storeViews';

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

const refusal = (orderId: string | null, code: string, message: string): CommandOutcome => ({ ok: false, orderId, code, message, appended: 0 });
const refusalOf = (orderId: string | null, error: unknown): CommandOutcome => refusal(orderId, errorCode(error), error instanceof Error ? error.message : String(error));

/** The events a command stored, with their global positions (appended in one go: consecutive). */
function accepted(orderId: string, version: number, events: readonly OrderEvent[], firstPosition: number): CommandOutcome {
  return { ok: true, orderId, version, events: events.map((e, i) => ({ type: e.type, version: e.version, globalPosition: firstPosition + i })) };
}

/** Runs `command` through the domain's command handler with `aggregate` deciding. */
function handle(store: EventStore, aggregate: OrderAggregateFactory, command: OrderCommand): CommandOutcome {
  const orderId = command.type === 'CreateOrder' ? (command.orderId ?? null) : command.orderId;
  try {
    const before = store.headPosition();
    const handled: HandledCommand = createOrderCommandHandler({ store, newOrderId, aggregate }).handle(command);
    return accepted(handled.orderId, handled.version, handled.events, before + 1);
  } catch (error) {
    return refusalOf(orderId, error);
  }
}

export function runReferenceCommand(store: EventStore, command: OrderCommand): CommandOutcome {
  return handle(store, OrderAggregate, command);
}

/**
 * An aggregate that replays a decision already made (by the student's code, in the sandbox) on
 * `decidedOn` events of history: the handler loads, "decides" and appends as for any aggregate.
 * Loaded on a history that has moved on since, it refuses as the store would (CONCURRENCY).
 */
function replayedDecision(orderId: string, decidedOn: number, events: OrderEvent[]): OrderAggregateFactory {
  const noop = () => undefined;
  const order: OrderAggregateLike = {
    id: orderId,
    version: decidedOn,
    uncommittedEvents: events,
    ...{ addItem: noop, removeItem: noop, changeAddress: noop, pay: noop, ship: noop, deliver: noop, cancel: noop },
  };
  return {
    create: () => order,
    fromEvents(history) {
      if (history.length !== decidedOn) throw new ConcurrencyError(orderStreamId(orderId), decidedOn, history.length);
      return order;
    },
  };
}

/** The student's aggregate decides; the playground checks what it returned before the handler stores it. */
export async function runStudentCommand(store: EventStore, decider: AggregateDecider, command: OrderCommand): Promise<CommandOutcome> {
  const orderId = command.type === 'CreateOrder' ? (command.orderId ?? newOrderId()) : command.orderId;
  const stream = store.readStream(orderStreamId(orderId));
  // An order that exists (for a create) or does not (for the rest): the handler refuses it, no sandbox run needed.
  if ((command.type === 'CreateOrder') === stream.currentVersion > 0) return runReferenceCommand(store, { ...command, orderId } as OrderCommand);
  const answer = await decider.decide(stream.events.map(fromRecordedEvent), { ...command, orderId } as OrderCommand);
  if (!answer.ok) return refusal(orderId, answer.code, answer.message);
  // The student's events are input: they must be order events of this order, numbered on from the stream.
  for (const [i, e] of answer.events.entries()) {
    if (!e || !isOrderEventType(e.type) || e.aggregateId !== orderId || e.version !== stream.currentVersion + i + 1) {
      return refusal(orderId, 'BAD_EVENT', `your aggregate returned an event the playground cannot store: ${JSON.stringify(e).slice(0, 200)}`);
    }
  }
  if (answer.events.length === 0) return { ok: true, orderId, version: stream.currentVersion, events: [] };
  return handle(store, replayedDecision(orderId, stream.currentVersion, answer.events), { ...command, orderId } as OrderCommand);
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
    const missing = refusal(orderId, 'NOT_FOUND', `Order ${orderId} does not exist`);
    return { first: missing, second: missing };
  }
  const history = stream.events.map(fromRecordedEvent);
  const attempt = (user: string): CommandOutcome => {
    try {
      const order = OrderAggregate.fromEvents(history);
      order.changeAddress({ orderId, newAddress: `${user}'s new address, 1 Main St` });
      const events = [...order.uncommittedEvents];
      const r = store.appendToStream(streamId, events.map(toNewEvent), { expectedVersion: stream.currentVersion });
      return accepted(orderId, r.nextExpectedVersion, events, r.firstGlobalPosition);
    } catch (error) {
      return refusalOf(orderId, error);
    }
  };
  return { first: attempt('Alice'), second: attempt('Bob') };
}

/** The session's order desk: commands (decided by the reference aggregate or the student's), conflicts, bulk load. */
export class PlaygroundOrders {
  constructor(
    private readonly core: SessionCore,
    private readonly decider: () => AggregateDecider | undefined,
  ) {}

  execute(command: OrderCommand): Promise<CommandOutcome> {
    const decider = this.decider();
    return decider ? runStudentCommand(this.core.store, decider, command) : Promise.resolve(runReferenceCommand(this.core.store, command));
  }

  /** Synchronous, reference aggregate only: what scenarios, sagas and tests use for bulk load. */
  executeReference(command: OrderCommand): CommandOutcome {
    return runReferenceCommand(this.core.store, command);
  }

  concurrentEdit(orderId: string): { first: CommandOutcome; second: CommandOutcome } {
    const r = runConcurrentEdit(this.core.store, orderId);
    if (!r.second.ok && r.second.code === 'CONCURRENCY') this.core.activity.add('concurrency', { orderId, code: r.second.code });
    this.core.changed('session');
    return r;
  }

  /** Runs the commands while the relay keys records by event type (a misconfigured producer); then the key is right again. */
  async keyedByType(commands: OrderCommand[]): Promise<CommandOutcome[]> {
    const outcomes: CommandOutcome[] = [];
    this.core.pipeline.keyByType = true;
    try {
      for (const command of commands) outcomes.push(await this.execute(command));
      this.core.pipeline.publish();
    } finally {
      this.core.pipeline.keyByType = false;
    }
    this.core.changed('broker');
    return outcomes;
  }

  /** Snapshots the order at its current version: loading it later folds only the newer events. */
  takeSnapshot(orderId: string): { streamVersion: number; createdAt: string } | null {
    const snap = takeSnapshot(this.core.store, orderId);
    if (snap) this.core.activity.add('snapshot', { orderId, version: snap.streamVersion });
    this.core.changed('session');
    return snap;
  }

  /** 4 commands per order (create, pay, ship, deliver) for `orders` orders, in one transaction per order. */
  bulkHappyPath(orders: number): number {
    let commands = 0;
    for (let i = 0; i < orders; i++) {
      const orderId = newOrderId();
      this.core.store.transaction(() => {
        for (const c of happyCommands(orderId)) if (this.executeReference(c).ok) commands++;
      });
    }
    return commands;
  }
}
