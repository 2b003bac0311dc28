// Given these deliveries (records, duplicates included), when the consumer handles them one by
// one, then the statistics are these. Failures are the shared helper's ScenarioFailure:
// {given: the events, command: the deliveries, expected_events: the expected rows, actual_events: the rows}.
import { describeThrown, said, sameOrFail, say, ScenarioFailure, thrownWords } from '@engine/testing/givenWhenThen';
import type { OrderEvent } from '@workspace/events';
import { EVENT_ID_HEADER, ORDER_TOPIC, type OrderRecord } from '@workspace/records';
import { StatsDatabase, type CustomerStats } from '@workspace/statsDb';
import { OrderStatsConsumer } from '@workspace/OrderStatsConsumer';
import { eventIdOfEvent } from './shop';

/** A record as the broker would deliver it, carrying the event with its id in header and value. */
export function recordOf(event: OrderEvent, offset: number, partition = 0, headers?: Record<string, string>): OrderRecord {
  const eventId = eventIdOfEvent(event);
  return {
    topic: ORDER_TOPIC,
    partition,
    offset,
    key: `order-${event.aggregateId}`,
    value: { eventId, streamId: `order-${event.aggregateId}`, streamVersion: event.version, type: event.type, data: { ...event } },
    timestamp: 0,
    headers: headers ?? { [EVENT_ID_HEADER]: eventId },
  };
}

const noBroker = {
  poll: () => [],
  commit: () => undefined,
};

export function given(...history: OrderEvent[]) {
  return {
    /** Each entry is an index into the history, or a full record (e.g. the same event at another offset). */
    whenDelivered(...deliveries: Array<number | OrderRecord>) {
      const records = deliveries.map((d, i) => (typeof d === 'number' ? recordOf(history[d], i) : d));
      const command = { type: 'handle', deliveries: records.map((r) => `${r.headers[EVENT_ID_HEADER] ?? '?'} @${r.partition}:${r.offset}`) };
      return {
        thenStats(expected: CustomerStats[]): { db: StatsDatabase; newOnes: boolean[] } {
          const db = new StatsDatabase();
          const worker = new OrderStatsConsumer(noBroker, db);
          const newOnes: boolean[] = [];
          try {
            for (const record of records) newOnes.push(worker.handle(record));
          } catch (error) {
            throw new ScenarioFailure(
              `expected handle() to apply every delivery, but it threw ${describeThrown(error)}`,
              { given: history, command, expected_events: expected, actual_events: db.allStats() },
              said('expected handle() to apply every delivery, but it threw {{thrown}}', 'ожидалось, что handle() применит каждую доставку, но он бросил {{thrown}}', { thrown: thrownWords(error) }),
            );
          }
          sameOrFail(db.allStats(), expected, say('the customer statistics are not what the delivered events say (differences below)', 'статистика покупателей не соответствует доставленным событиям (различия ниже)'), {
            given: history,
            command,
            expected_events: expected,
            actual_events: db.allStats(),
          });
          return { db, newOnes };
        },
      };
    },
  };
}
