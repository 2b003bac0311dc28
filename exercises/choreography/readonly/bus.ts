// The event bus the services share: publish, subscribe by event type, deliver in the order published.
// Delivery is at least once, like a real broker's: a test can deliver an event again (redeliver), stop
// delivering to a service for a while (pause), and a handler that throws keeps its delivery among the
// failures until retryFailed() puts it back in the queue.
import type { EventType, ShopEvent } from './events';

export type ServiceName = 'order' | 'payment' | 'stock' | 'shipping';

/** How a service publishes: every event it publishes is logged under its name. */
export interface Publisher {
  publish(event: ShopEvent): void;
}

export interface Delivery {
  service: ServiceName;
  event: ShopEvent;
}

interface Subscription {
  service: ServiceName;
  types: ReadonlySet<EventType>;
  handle: (event: ShopEvent) => void;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class EventBus {
  /** Every published event, in order, with the service that published it (null: from outside, e.g. a test). */
  readonly log: { by: ServiceName | null; event: ShopEvent }[] = [];
  /** Deliveries whose handler threw, with the error's message. */
  readonly failures: (Delivery & { error: string })[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly queue: Delivery[] = [];
  private readonly paused = new Set<ServiceName>();

  subscribe(service: ServiceName, types: readonly EventType[], handle: (event: ShopEvent) => void): void {
    this.subscriptions.push({ service, types: new Set(types), handle });
  }

  /** The publisher a service is given: what it publishes is logged as published by it. */
  publisherFor(service: ServiceName | null): Publisher {
    return { publish: (event) => this.publish(event, service) };
  }

  /** Puts an already published event in the queue again for every subscriber (a duplicate delivery). */
  redeliver(eventId: string): void {
    const entry = this.log.find((logged) => logged.event.eventId === eventId);
    if (!entry) throw new Error(`no event ${eventId} was published`);
    this.enqueue(entry.event);
  }

  /** Stops delivering to a service; its deliveries wait in the queue, in order. */
  pause(service: ServiceName): void {
    this.paused.add(service);
  }

  resume(service: ServiceName): void {
    this.paused.delete(service);
  }

  /** Puts every failed delivery back in the queue. */
  retryFailed(): void {
    this.queue.push(...this.failures.splice(0).map(({ service, event }) => ({ service, event })));
  }

  /** Delivers queued events (to services not paused) until none is left; returns how many it delivered. */
  deliverAll(): number {
    let delivered = 0;
    for (;;) {
      const index = this.queue.findIndex((delivery) => !this.paused.has(delivery.service));
      if (index < 0) return delivered;
      if (++delivered > 10_000) throw new Error('the bus delivered 10000 events: a handler is probably reacting to its own events');
      const [delivery] = this.queue.splice(index, 1);
      const subscription = this.subscriptions.find((candidate) => candidate.service === delivery!.service);
      try {
        subscription!.handle(copy(delivery!.event));
      } catch (error) {
        this.failures.push({ ...delivery!, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  /** Deliveries still waiting (for paused services). */
  waiting(): Delivery[] {
    return copy(this.queue);
  }

  private publish(event: ShopEvent, by: ServiceName | null): void {
    const stored = copy(event);
    this.log.push({ by, event: stored });
    this.enqueue(stored);
  }

  private enqueue(event: ShopEvent): void {
    for (const subscription of this.subscriptions) {
      if (subscription.types.has(event.type)) this.queue.push({ service: subscription.service, event: copy(event) });
    }
  }
}
