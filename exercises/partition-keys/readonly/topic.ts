// The topic the shop publishes to and what the publisher and the consumers see of the broker.
// A message with a key goes to the partition the broker's default partitioner picks from the key
// (Kafka's murmur2 rule): the same key, the same partition, for every producer that leaves the
// choice to the partitioner. A message without a key goes round robin. An explicit `partition`
// overrides the key. Order holds inside a partition only.
// Топик магазина. Сообщение с ключом попадает в партицию, которую выбирает партиционер по
// умолчанию (murmur2, как в Kafka): один ключ — одна партиция для всех производителей. Без ключа —
// по кругу. Явный `partition` сильнее ключа. Порядок соблюдается только внутри партиции.
import type { ShopEvent } from './events';

export const SHOP_TOPIC = 'shop-events';
export const PARTITIONS = 6;

/** The header with the event's id (`eventIdOf`). */
export const EVENT_ID_HEADER = 'event-id';
/** The header with the event's type. */
export const EVENT_TYPE_HEADER = 'event-type';

export interface OutgoingMessage {
  /** null: no key, the broker spreads such messages round robin. */
  key: string | null;
  value: ShopEvent;
  headers: Record<string, string>;
  /** Picks the partition by hand, overriding the key. */
  partition?: number;
}

/** The producer side of the broker: appends the messages in the order given. */
export interface Publisher {
  send(topic: string, messages: OutgoingMessage[]): void;
}

/** One record as a consumer receives it. */
export interface ShopRecord {
  topic: string;
  partition: number;
  /** Position inside the partition. */
  offset: number;
  key: string | null;
  value: ShopEvent;
  headers: Record<string, string>;
}
