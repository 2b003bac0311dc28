// Non-blocking retries around a handler: a record that fails moves to a retry topic with a delay,
// then the next one, and finally to a dead-letter topic carrying the error and attempt count in its
// headers. The main partition keeps flowing meanwhile — which is exactly why retries lose ordering.
import type { Consumer } from './consumer';
import { BrokerError } from './errors';
import type { ProducerHost } from './host';
import type { Producer } from './producer';
import type { TopicState } from './state';
import type { AutoOffsetReset, ConsumerOptions, ConsumerRecord, ProducerOptions, TopicConfig, TopicPartition } from './types';

/** What retries need from the broker (any Broker, whatever its clock): topics to find and create, clients, time, the journal. */
export interface RetryHost extends ProducerHost {
  readonly topics: ReadonlyMap<string, TopicState>;
  createTopic(name: string, config: TopicConfig): unknown;
  producer(options?: ProducerOptions): Producer;
  consumer(options: ConsumerOptions): Consumer;
}

export interface RetryOptions {
  topic: string;
  groupId: string;
  /** Synchronous handler; throwing means "failed, retry". `attempt` starts at 1. */
  handler: (record: ConsumerRecord, info: { attempt: number }) => void;
  /** One retry topic per delay (`<topic>-retry-1`, `-retry-2`, …). Default [1000, 5000]. */
  retryDelaysMs?: number[];
  /** Default `<topic>-dlt`. */
  dltTopic?: string;
  autoOffsetReset?: AutoOffsetReset;
  maxRecords?: number;
}

export interface RetryStepResult {
  succeeded: number;
  retried: number;
  deadLettered: number;
  /** Records in retry topics not yet due (they stay put until the clock reaches their due time). */
  waiting: number;
}

export interface RetryingConsumer {
  readonly topics: { main: string; retries: string[]; dlt: string };
  /** One poll of the main topic and of every retry topic, handling and committing what came back. */
  step(): RetryStepResult;
  close(): void;
}

export const RETRY_HEADERS = {
  attempt: 'retry-attempt',
  dueAt: 'retry-due-at',
  error: 'retry-error',
  originalTopic: 'original-topic',
  originalPartition: 'original-partition',
  originalOffset: 'original-offset',
  dltError: 'dlt-error',
  dltAttempts: 'dlt-attempts',
} as const;

export function createRetryingConsumer(b: RetryHost, options: RetryOptions): RetryingConsumer {
  const main = b.topic(options.topic);
  if (typeof options.handler !== 'function') throw new BrokerError('INVALID_ARGUMENT', 'handler must be a function');
  const delays = options.retryDelaysMs ?? [1000, 5000];
  if (!Array.isArray(delays) || delays.some((d) => !Number.isFinite(d) || d < 0)) {
    throw new BrokerError('INVALID_ARGUMENT', 'retryDelaysMs must be non-negative numbers');
  }
  const retries = delays.map((_, i) => `${options.topic}-retry-${i + 1}`);
  const dlt = options.dltTopic ?? `${options.topic}-dlt`;
  for (const name of [...retries, dlt]) if (!b.topics.has(name)) b.createTopic(name, { partitions: main.logs.length });

  const producer: Producer = b.producer({ clientId: `${options.groupId}-retry-producer` });
  const consumers: Consumer[] = [options.topic, ...retries].map((topic) => {
    const c = b.consumer({ groupId: options.groupId, autoOffsetReset: options.autoOffsetReset ?? 'earliest', clientId: `${options.groupId}-${topic}` });
    c.subscribe([topic]);
    return c;
  });

  function errorText(e: unknown): string {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }

  /** Sends a failed record on: to the next retry topic, or to the DLT once the retries are used up. */
  function forward(record: ConsumerRecord, stage: number, error: unknown): 'retried' | 'dead' {
    const attempt = stage + 1; // attempts made so far
    const h = record.headers;
    const origin = {
      [RETRY_HEADERS.originalTopic]: h[RETRY_HEADERS.originalTopic] ?? record.topic,
      [RETRY_HEADERS.originalPartition]: h[RETRY_HEADERS.originalPartition] ?? String(record.partition),
      [RETRY_HEADERS.originalOffset]: h[RETRY_HEADERS.originalOffset] ?? String(record.offset),
    };
    const text = errorText(error);
    if (stage < retries.length) {
      const dueAt = b.clock.now() + delays[stage];
      producer.send(retries[stage], {
        key: record.key,
        value: record.value,
        headers: { ...origin, [RETRY_HEADERS.attempt]: String(attempt), [RETRY_HEADERS.dueAt]: String(dueAt), [RETRY_HEADERS.error]: text },
      });
      b.record({ type: 'retry.scheduled', fromTopic: record.topic, partition: record.partition, offset: record.offset, key: record.key, toTopic: retries[stage], attempt, dueAt, error: text });
      return 'retried';
    }
    producer.send(dlt, { key: record.key, value: record.value, headers: { ...origin, [RETRY_HEADERS.dltError]: text, [RETRY_HEADERS.dltAttempts]: String(attempt) } });
    b.record({ type: 'dead-letter', fromTopic: record.topic, partition: record.partition, offset: record.offset, key: record.key, toTopic: dlt, attempts: attempt, error: text });
    return 'dead';
  }

  return {
    topics: { main: options.topic, retries, dlt },
    step() {
      const result: RetryStepResult = { succeeded: 0, retried: 0, deadLettered: 0, waiting: 0 };
      consumers.forEach((consumer, stage) => {
        const records = consumer.poll({ maxRecords: options.maxRecords ?? 500 });
        const held = new Set<string>();
        for (const record of records) {
          const pk = `${record.partition}`;
          if (held.has(pk)) {
            result.waiting++;
            continue;
          }
          if (stage > 0) {
            const due = Number(record.headers[RETRY_HEADERS.dueAt] ?? 0);
            if (due > b.clock.now()) {
              // Not due yet: rewind to it and leave the rest of this partition for a later step.
              const tp: TopicPartition = { topic: record.topic, partition: record.partition };
              consumer.seek({ ...tp, offset: record.offset });
              held.add(pk);
              result.waiting++;
              continue;
            }
          }
          try {
            const r: unknown = options.handler(record, { attempt: stage + 1 });
            if (r !== null && typeof r === 'object' && typeof (r as { then?: unknown }).then === 'function') {
              throw new BrokerError('INVALID_ARGUMENT', 'the retry handler must be synchronous');
            }
            result.succeeded++;
          } catch (e) {
            if (forward(record, stage, e) === 'retried') result.retried++;
            else result.deadLettered++;
          }
        }
        if (records.length > 0) consumer.commit();
      });
      return result;
    },
    close() {
      for (const c of consumers) c.close();
    },
  };
}
