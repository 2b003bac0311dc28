// RoundRobinAssignor: all partitions sorted by topic then number, dealt one by one to members sorted
// by id in a circle; a member not subscribed to a partition's topic is skipped for that partition.
import type { TopicPartition } from '../types';
import { emptyAssignment, javaCompare, sortedPartitions, type AssignFn } from './types';

export const roundRobinAssign: AssignFn = (members, partitionsPerTopic) => {
  const out = emptyAssignment(members);
  const sorted = [...members].sort((a, b) => javaCompare(a.memberId, b.memberId));
  if (sorted.length === 0) return out;
  const all = sortedPartitions(
    sorted.flatMap((m) => m.topics),
    partitionsPerTopic,
  );
  let cursor = 0;
  for (const tp of all) {
    // advance the circular iterator until a member subscribed to this topic comes up
    for (let tries = 0; tries < sorted.length; tries++) {
      const m = sorted[cursor];
      cursor = (cursor + 1) % sorted.length;
      if (m.topics.includes(tp.topic)) {
        (out.get(m.memberId) as TopicPartition[]).push(tp);
        break;
      }
    }
  }
  return out;
};
