// A small shop for the tests: order events, a broker topic they are published to, consumers in
// one group, and the statistics the events should produce when each is counted exactly once.
import { createBroker, type Consumer, type ConsumerOptions } from '@engine/broker';
import type { OrderEvent } from '@workspace/events';
import { EVENT_ID_HEADER, ORDER_TOPIC, type OrderRecordValue } from '@workspace/records';
import { applyToStats } from '@workspace/stats';
import { StatsDatabase, type CustomerStats } from '@workspace/statsDb';
import { OrderStatsConsumer } from '@workspace/OrderStatsConsumer';

export const GROUP = 'customer-stats';

function stamp(minute: number): string {
  return new Date(Date.UTC(2030, 5, 1, 8, minute)).toISOString();
}

/**
 * `count` orders from a handful of customers: every order is created, most are paid (a few also
 * shipped and delivered), some are cancelled. Events of different orders are interleaved.
 */
export function orderEvents(count: number): OrderEvent[] {
  const perOrder: OrderEvent[][] = [];
  for (let i = 0; i < count; i++) {
    const id = `o-${i}`;
    const customerId = `cust-${i % 4}`;
    const total = 1000 + i * 37;
    let minute = i;
    const env = (version: number) => ({ aggregateId: id, version, timestamp: stamp(minute++) });
    const events: OrderEvent[] = [
      { type: 'OrderCreated', ...env(1), customerId, items: [{ productId: 'p', productName: 'Thing', quantity: 1, unitPrice: total }], totalAmount: total, shippingAddress: 'somewhere' },
    ];
    if (i % 5 === 3) {
      const e = env(2);
      events.push({ type: 'OrderCancelled', ...e, reason: 'no longer needed', cancelledAt: e.timestamp });
    } else {
      events.push({ type: 'OrderPaid', ...env(2), paymentId: `pay-${i}`, paymentMethod: 'paypal', amount: total });
      if (i % 3 === 0) events.push({ type: 'OrderShipped', ...env(3), trackingNumber: `T${i}`, carrier: 'DPD' });
      if (i % 6 === 0) {
        const e = env(4);
        events.push({ type: 'OrderDelivered', ...e, deliveredAt: e.timestamp });
      }
    }
    perOrder.push(events);
  }
  const mixed: OrderEvent[] = [];
  for (let step = 0; step < 4; step++) for (const events of perOrder) if (events[step]) mixed.push(events[step]);
  return mixed;
}

export function eventIdOfEvent(event: OrderEvent): string {
  return `evt-${event.aggregateId}-${event.version}`;
}

export interface PublishOptions {
  /** Leave the event-id header out (the id is then only in the value). Default: header present. */
  noHeader?: boolean;
  /** Send like a plain producer whose acknowledgement got lost: every record is written twice. */
  lostAck?: boolean;
}

export function newShop(partitions = 3, seed = 7) {
  const broker = createBroker({ seed });
  broker.createTopic(ORDER_TOPIC, { partitions });
  const producer = broker.producer();
  const db = new StatsDatabase();

  function publish(events: OrderEvent[], options: PublishOptions = {}): void {
    const records = events.map((event) => {
      const value: OrderRecordValue = {
        eventId: eventIdOfEvent(event),
        streamId: `order-${event.aggregateId}`,
        streamVersion: event.version,
        type: event.type,
        data: JSON.parse(JSON.stringify(event)) as unknown,
      };
      const headers: Record<string, string> = options.noHeader ? {} : { [EVENT_ID_HEADER]: value.eventId, 'event-type': event.type };
      return {
        key: value.streamId,
        value: value as unknown as Record<string, unknown>,
        headers,
      };
    });
    producer.send(ORDER_TOPIC, records, options.lostAck ? { fault: 'lost-ack' } : undefined);
  }

  /** A new member of the stats group (it joins at once: the group rebalances). */
  function member(options: Partial<ConsumerOptions> = {}): Consumer {
    const consumer = broker.consumer({ groupId: GROUP, autoOffsetReset: 'earliest', ...options });
    consumer.subscribe([ORDER_TOPIC]);
    return consumer;
  }

  /** What the group still has to read (log end minus committed offset, over all partitions). */
  function lag(): number {
    const group = broker.describe().groups.find((g) => g.groupId === GROUP);
    if (!group) return Number.POSITIVE_INFINITY;
    return group.partitions.reduce((sum, p) => sum + (p.logEndOffset - (p.committed ?? p.logStartOffset)), 0);
  }

  /** Polls with every live worker in turn until the group has nothing left to read. */
  function drain(workers: OrderStatsConsumer[], maxRounds = 40): void {
    for (let round = 0; round < maxRounds && lag() > 0; round++) for (const worker of workers) worker.pollOnce(10);
  }

  return { broker, producer, db, publish, member, lag, drain };
}

/** The statistics the events give when each one is counted exactly once. */
export function expectedStats(events: OrderEvent[]): CustomerStats[] {
  const db = new StatsDatabase();
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(eventIdOfEvent(event))) continue;
    seen.add(eventIdOfEvent(event));
    applyToStats(db, event);
  }
  return db.allStats();
}

/** Runs `action`, returns the error it threw (or undefined). */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
