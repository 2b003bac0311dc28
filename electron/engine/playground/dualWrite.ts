// The order service WITHOUT an outbox, for the crash lab: it writes to the event store and sends the
// same events to 'order-events' itself — a dual write — so a crash between the two writes is possible.
// Store then send: the process can die after the commit and before the send (the event is stored and
// never sent). Send then store: it can die after the send and before its store transaction commits
// (the consumers hear of an event the store never recorded). Both run the real command handler, the
// real store and the real broker; the relay leaves the events this service sends alone.
import { relayRecord, type RecordMetadata } from '../broker';
import type { OrderCommand } from '../domain/orders';
import type { RecordedEvent } from '../store';
import { runReferenceCommand, type CommandOutcome } from './orders';
import { TOPIC } from './pipeline';
import type { SessionCore } from './sessionCore';

/** The service's client id on the broker (what the journal names as the sender). */
export const ORDER_SERVICE_CLIENT = 'order-service';

/** The events a successful outcome appended, read back from the store (inside the same transaction). */
function appendedEvents(core: SessionCore, outcome: CommandOutcome): RecordedEvent[] {
  if (!outcome.ok || outcome.events.length === 0) return [];
  const first = outcome.events[0]!.globalPosition;
  return core.store.readAll({ after: first - 1, upTo: outcome.events[outcome.events.length - 1]!.globalPosition });
}

/** Thrown inside the service's store transaction to play the process dying before the commit. */
class DiedBeforeCommit extends Error {}

export class DualWriteService {
  /** Ids of events this service stored and then died before sending: nothing will ever send them. */
  readonly neverSent = new Set<string>();

  constructor(private readonly core: SessionCore) {}

  private send(events: RecordedEvent[]): RecordMetadata[] {
    return this.core.pipeline.broker.producer({ clientId: ORDER_SERVICE_CLIENT }).send(TOPIC, events.map((e) => relayRecord(e)));
  }

  /**
   * Store, then send. With `dieBetween`, the process dies after the store committed and before the
   * send: the event stays in the store, and nothing will ever send it.
   */
  storeThenSend(command: OrderCommand, dieBetween = false): CommandOutcome {
    const { store, pipeline, activity } = this.core;
    let events: RecordedEvent[] = [];
    const outcome = store.transaction(() => {
      const o = runReferenceCommand(store, command);
      events = appendedEvents(this.core, o);
      // This service sends its events itself: the relay, which hears of the commit, must leave them alone.
      for (const e of events) pipeline.sentByService.add(e.eventId);
      return o;
    });
    if (events.length === 0) return outcome;
    const [first] = events;
    const orderId = outcome.orderId ?? '';
    if (dieBetween) {
      for (const e of events) this.neverSent.add(e.eventId);
      activity.add('died-before-send', { orderId, type: first!.type, version: first!.streamVersion, position: first!.globalPosition });
    } else {
      const [meta] = this.send(events);
      activity.add('dual-write', { orderId, type: first!.type, count: events.length, partition: meta!.partition, offset: meta!.offset });
    }
    this.core.changed('store', 'broker', 'session');
    this.core.schedulePump();
    return outcome;
  }

  /**
   * Send, then store. With `dieBetween`, the process dies after the send and before its store
   * transaction commits: the store rolls the events back, the topic keeps them.
   */
  sendThenStore(command: OrderCommand, dieBetween = false): CommandOutcome {
    const { store, pipeline, activity } = this.core;
    let outcome: CommandOutcome | undefined;
    let sent: { event: RecordedEvent; meta: RecordMetadata } | undefined;
    try {
      store.transaction(() => {
        outcome = runReferenceCommand(store, command);
        const events = appendedEvents(this.core, outcome);
        if (events.length === 0) return;
        for (const e of events) pipeline.sentByService.add(e.eventId);
        const [meta] = this.send(events);
        sent = { event: events[0]!, meta: meta! };
        if (dieBetween) throw new DiedBeforeCommit();
      });
    } catch (error) {
      if (!(error instanceof DiedBeforeCommit)) throw error;
      const { event, meta } = sent!;
      const orderId = outcome?.orderId ?? '';
      activity.add('died-before-commit', { orderId, type: event.type, version: event.streamVersion, partition: meta.partition, offset: meta.offset });
      this.core.changed('broker', 'session');
      this.core.schedulePump();
      return { ok: false, orderId, code: 'CRASHED', message: 'the order service died before its store transaction committed: nothing was stored', appended: 0 };
    }
    if (sent) {
      activity.add('dual-write', { orderId: outcome!.orderId ?? '', type: sent.event.type, count: 1, partition: sent.meta.partition, offset: sent.meta.offset });
      this.core.changed('store', 'broker', 'session');
      this.core.schedulePump();
    }
    return outcome!;
  }

  /** The service starts again. Nothing in it knows which stored events it never sent: it just carries on. */
  restart(orderId: string): void {
    this.core.activity.add('restart-no-outbox', { orderId });
    this.core.changed('session');
    this.core.schedulePump();
  }
}
