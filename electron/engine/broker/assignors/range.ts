// RangeAssignor: topic by topic, the subscribed members sorted by id; each gets a contiguous range
// of floor(partitions / members), and the first (partitions % members) members get one extra.
import type { TopicPartition } from '../types';
import { emptyAssignment, javaCompare, type AssignFn } from './types';

export const rangeAssign: AssignFn = (members, partitionsPerTopic) => {
  const out = emptyAssignment(members);
  const topics = [...new Set(members.flatMap((m) => m.topics))].sort(javaCompare);
  for (const topic of topics) {
    const n = partitionsPerTopic.get(topic) ?? 0;
    const consumers = members.filter((m) => m.topics.includes(topic)).map((m) => m.memberId).sort(javaCompare);
    if (n === 0 || consumers.length === 0) continue;
    const per = Math.floor(n / consumers.length);
    const extra = n % consumers.length;
    consumers.forEach((memberId, i) => {
      const start = per * i + Math.min(i, extra);
      const length = per + (i + 1 > extra ? 0 : 1);
      const list = out.get(memberId) as TopicPartition[];
      for (let p = start; p < start + length; p++) list.push({ topic, partition: p });
    });
  }
  return out;
};
