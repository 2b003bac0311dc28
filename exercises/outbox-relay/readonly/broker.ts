// The message broker as the shop sees it: publish one message to a topic, with a key (messages with
// the same key keep their order: same partition) and headers. Publishing fails while the broker is
// down. Consumers find duplicates by the `event-id` header, so a re-sent event must carry the same id.

export const ORDER_TOPIC = 'order-events';
/** The header with the event's id: the same on every copy of one event. */
export const EVENT_ID_HEADER = 'event-id';
/** The header with the event's type. */
export const EVENT_TYPE_HEADER = 'event-type';

export interface Message {
  topic: string;
  key: string;
  /** The event as JSON. */
  value: string;
  headers: Record<string, string>;
}

export interface Broker {
  /** Throws BrokerUnavailable when the broker cannot take the message. */
  publish(message: Message): void;
}

export class BrokerUnavailable extends Error {
  readonly code = 'BROKER_UNAVAILABLE';
  constructor() {
    super('the broker is not reachable');
    this.name = 'BrokerUnavailable';
  }
}

/** The event id of an outbox row: stable, so every copy of the event carries the same one. */
export function eventIdOf(row: { id: number }): string {
  return `order-outbox-${row.id}`;
}

/** A broker in memory for tests and the playground: keeps what it received; can be down or fail a few times. */
export class MemoryBroker implements Broker {
  readonly messages: Message[] = [];
  /** While true, every publish fails. */
  down = false;
  private failures = 0;

  /** The next `count` publishes fail. */
  failNext(count: number): void {
    this.failures = count;
  }

  publish(message: Message): void {
    if (this.down) throw new BrokerUnavailable();
    if (this.failures > 0) {
      this.failures--;
      throw new BrokerUnavailable();
    }
    this.messages.push(JSON.parse(JSON.stringify(message)) as Message);
  }
}
