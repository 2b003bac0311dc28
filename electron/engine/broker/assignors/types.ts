import type { TopicPartition } from '../types';

export interface AssignorMember {
  memberId: string;
  /** Topics the member subscribed to. */
  topics: readonly string[];
  /** Partitions the member owned before this rebalance, in its own order (used by sticky). */
  owned?: readonly TopicPartition[];
}

/** partitionsPerTopic: topic → partition count. Result: memberId → partitions (every member present). */
export type AssignFn = (
  members: readonly AssignorMember[],
  partitionsPerTopic: ReadonlyMap<string, number>,
) => Map<string, TopicPartition[]>;

/** Java's String.compareTo (UTF-16 code units) — the order Kafka sorts member ids and topics in. */
export function javaCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function tpKey(tp: TopicPartition): string {
  return `${tp.topic}\u0000${tp.partition}`;
}

export function emptyAssignment(members: readonly AssignorMember[]): Map<string, TopicPartition[]> {
  const out = new Map<string, TopicPartition[]>();
  for (const m of members) out.set(m.memberId, []);
  return out;
}

/** All partitions of the given topics, topics sorted, partitions ascending (Kafka's "sorted partitions"). */
export function sortedPartitions(topics: Iterable<string>, partitionsPerTopic: ReadonlyMap<string, number>): TopicPartition[] {
  const out: TopicPartition[] = [];
  for (const topic of [...new Set(topics)].sort(javaCompare)) {
    const n = partitionsPerTopic.get(topic) ?? 0;
    for (let p = 0; p < n; p++) out.push({ topic, partition: p });
  }
  return out;
}
