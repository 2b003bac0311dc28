// The broker bench's produce and consume workload, shared by the measured rounds (bench/broker.ts)
// and the GC-trace child (brokerGcTrace.ts): 1,000,000 keyed records (10,000 distinct keys, as an
// order topic has) sent in sends of 1000 to a 6-partition topic, then read by one group of 3
// consumers in polls of 500 with a commit after each non-empty poll.
import { createBroker, type Broker, type ConsumerRecord, type ProducerRecord } from '../../electron/engine/broker';

export const RECORDS = 1_000_000;
export const PARTITIONS = 6;
export const BATCH = 1000;

/** The sends: one object per record, each with a key string and value(i) of its own. */
export function inputBatches(value: (i: number) => unknown): ProducerRecord[][] {
  const batches: ProducerRecord[][] = [];
  for (let n = 0; n < RECORDS; n += BATCH) {
    const batch = new Array<ProducerRecord>(BATCH);
    for (let i = 0; i < BATCH; i++) batch[i] = { key: `order-${(n + i) % 10_000}`, value: value(n + i) };
    batches.push(batch);
  }
  return batches;
}

/** The string values the headline figures use (a JSON text per record). */
export const orderText = (i: number): string => `{"orderId":"order-${i % 10_000}","amount":${i % 100}}`;

/** A broker with the bench's topic. */
export function benchBroker(): Broker {
  const broker = createBroker({ journalLimit: 10_000 });
  broker.createTopic('orders', { partitions: PARTITIONS });
  return broker;
}

/** Sends every batch with one producer. */
export function produceAll(broker: Broker, batches: ProducerRecord[][]): void {
  const p = broker.producer();
  for (const b of batches) p.send('orders', b);
}

/** The group's consumers, subscribed (the rebalance happens here, before any measurement). */
export function benchConsumers(broker: Broker, groupId = 'bench') {
  const consumers = [0, 1, 2].map(() => broker.consumer({ groupId, autoOffsetReset: 'earliest' }));
  for (const c of consumers) c.subscribe(['orders']);
  return consumers;
}

/**
 * Reads every record's offset, as a consumer touches each record. Its own function so that V8 keeps
 * it optimised across rounds (inside consumeAll's loop, the code after the loop, first run when a
 * round ends, threw consumeAll's optimised code away and the next round ran this loop unoptimised).
 * Xor, not a sum: a sum passes 2^31 within a round, which threw the optimised code away as well.
 */
function readOffsets(batch: readonly ConsumerRecord[]): number {
  let x = 0;
  for (let i = 0; i < batch.length; i++) x ^= batch[i].offset;
  return x;
}

/** Polls every consumer in turn until a round returns nothing; returns how many records came (and reads each offset). */
export function consumeAll(consumers: ReturnType<typeof benchConsumers>): { total: number; sink: number } {
  let total = 0;
  let sink = 0;
  for (;;) {
    let got = 0;
    for (const c of consumers) {
      const batch = c.poll({ maxRecords: 500 });
      got += batch.length;
      sink ^= readOffsets(batch);
      if (batch.length > 0) c.commit();
    }
    total += got;
    if (got === 0) return { total, sink };
  }
}
