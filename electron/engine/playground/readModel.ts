// The playground's read model: order rows built from broker records by the 'read-model' consumer
// group. Deliberately naive (it applies whatever it is given) so that, with the inbox switched
// off, a redelivered record leaves a visible duplicate effect: an item counted twice, a payment
// added to the revenue twice, more handler runs than events.
import { createMemoryInbox, eventIdOf, type ConsumerRecord, type Inbox } from '../broker';
import { evolve, fromRecordedEvent, initialState, isOrderStream, type OrderState } from '../domain/orders';
import type { RecordedEvent } from '../store';

export interface ReadModelRow {
  state: OrderState;
  /** How many times the handler ran for this order (> version means duplicates were applied). */
  applied: number;
}

export type HandleOutcome = 'applied' | 'duplicate-skipped' | 'ignored' | 'invalid';

export interface ReadModelStats {
  handled: number;
  duplicatesSkipped: number;
  invalidSkipped: number;
  /** Sum of OrderPaid amounts seen: a non-idempotent effect, doubled by an unguarded redelivery. */
  revenue: number;
  orders: number;
}

/** A relayed record back into a stored event; undefined when the value is not one (a poison record). */
export function recordToEvent(record: ConsumerRecord): RecordedEvent | undefined {
  const v = record.value as Partial<RecordedEvent> | null;
  if (!v || typeof v !== 'object') return undefined;
  if (typeof v.eventId !== 'string' || typeof v.streamId !== 'string' || typeof v.type !== 'string') return undefined;
  if (typeof v.streamVersion !== 'number' || typeof v.globalPosition !== 'number') return undefined;
  return {
    eventId: v.eventId,
    streamId: v.streamId,
    streamVersion: v.streamVersion,
    globalPosition: v.globalPosition,
    type: v.type,
    schemaVersion: typeof v.schemaVersion === 'number' ? v.schemaVersion : 1,
    data: v.data,
    metadata: (v.metadata as Record<string, unknown>) ?? {},
    recordedAt: typeof v.recordedAt === 'string' ? v.recordedAt : '',
  };
}

export class PlaygroundReadModel {
  readonly rows = new Map<string, ReadModelRow>();
  private inbox: Inbox = createMemoryInbox();
  inboxEnabled = true;
  readonly stats: Omit<ReadModelStats, 'orders'> = { handled: 0, duplicatesSkipped: 0, invalidSkipped: 0, revenue: 0 };

  reset(): void {
    this.rows.clear();
    this.inbox = createMemoryInbox();
    Object.assign(this.stats, { handled: 0, duplicatesSkipped: 0, invalidSkipped: 0, revenue: 0 });
  }

  handleRecord(record: ConsumerRecord): HandleOutcome {
    const event = recordToEvent(record);
    if (!event) {
      this.stats.invalidSkipped++;
      return 'invalid';
    }
    if (!this.inboxEnabled) return this.applyEvent(event);
    let outcome: HandleOutcome = 'duplicate-skipped';
    this.inbox.process(eventIdOf(record), () => {
      outcome = this.applyEvent(event);
    });
    if (outcome === 'duplicate-skipped') this.stats.duplicatesSkipped++;
    return outcome;
  }

  /** Rebuild from the store's log: applied once, and its id goes into the inbox. */
  replayEvent(recorded: RecordedEvent): void {
    this.inbox.process(recorded.eventId, () => {
      this.applyEvent(recorded);
    });
  }

  /** Applies one stored event without any guard (the inbox is the guard). */
  applyEvent(recorded: RecordedEvent): HandleOutcome {
    if (!isOrderStream(recorded.streamId)) return 'ignored';
    let event;
    try {
      event = fromRecordedEvent(recorded);
    } catch {
      this.stats.invalidSkipped++;
      return 'invalid';
    }
    const row = this.rows.get(event.aggregateId) ?? { state: initialState(), applied: 0 };
    row.state = evolve(row.state, event);
    row.applied++;
    this.rows.set(event.aggregateId, row);
    this.stats.handled++;
    if (event.type === 'OrderPaid') this.stats.revenue += event.amount;
    return 'applied';
  }

  summary(): ReadModelStats {
    return { ...this.stats, orders: this.rows.size };
  }
}
