// StickyAssignor (eager). When every member subscribes to the same topics this follows Kafka's
// AbstractStickyAssignor "constrained" path step for step:
//   1. min = floor(P/M), max = ceil(P/M), P % M members may hold max;
//   2. walking members in java.util.HashMap order, each keeps what it owned, capped at max (while
//      max slots remain) or min; members below min, or at min while max slots remain, stay open;
//   3. the rest of the partitions (sorted by topic, partition) are dealt round-robin to the open
//      members sorted by id: first up to min, then those at min get one more, in the order they filled.
// With different subscriptions Kafka's general algorithm runs (./stickyGeneral.ts).
import type { TopicPartition } from '../types';
import { javaHashMapOrder } from './javaHashOrder';
import { stickyGeneralAssign } from './stickyGeneral';
import { emptyAssignment, javaCompare, sortedPartitions, tpKey, type AssignFn, type AssignorMember } from './types';

/** Owned partitions in the order Kafka's StickyAssignor reads them back from the member's user data: topic groups in HashMap order. */
function ownedInSerialisedOrder(owned: readonly TopicPartition[], allTopics: ReadonlySet<string>): TopicPartition[] {
  const byTopic = new Map<string, TopicPartition[]>();
  for (const tp of owned) {
    if (!allTopics.has(tp.topic)) continue;
    let list = byTopic.get(tp.topic);
    if (!list) byTopic.set(tp.topic, (list = []));
    list.push(tp);
  }
  return javaHashMapOrder([...byTopic.keys()]).flatMap((t) => byTopic.get(t) as TopicPartition[]);
}

function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((t) => sb.has(t));
}

function constrainedAssign(
  members: readonly AssignorMember[],
  partitionsPerTopic: ReadonlyMap<string, number>,
  topics: readonly string[],
): Map<string, TopicPartition[]> {
  const assignment = emptyAssignment(members);
  const allTopics = new Set(topics.filter((t) => partitionsPerTopic.has(t)));
  const all = sortedPartitions(allTopics, partitionsPerTopic);
  const total = all.length;
  const n = members.length;
  const minQuota = Math.floor(total / n);
  const maxQuota = Math.ceil(total / n);
  const expectedOverMin = total % n;
  let currentOverMin = 0;

  // Ownership claimed twice would be invalidated by Kafka; the simulator never produces it, but guard anyway.
  const claimed = new Map<string, string>();
  const owned = new Map<string, TopicPartition[]>();
  const sortedIds = members.map((m) => m.memberId).sort(javaCompare);
  const byId = new Map(members.map((m) => [m.memberId, m]));
  for (const id of sortedIds) {
    const list: TopicPartition[] = [];
    for (const tp of ownedInSerialisedOrder(byId.get(id)?.owned ?? [], allTopics)) {
      if (tp.partition >= (partitionsPerTopic.get(tp.topic) ?? 0) || claimed.has(tpKey(tp))) continue;
      claimed.set(tpKey(tp), id);
      list.push(tp);
    }
    owned.set(id, list);
  }

  const underMin: string[] = [];
  const exactlyMin: string[] = [];
  const assignedKeys = new Set<string>();
  for (const id of javaHashMapOrder(sortedIds)) {
    const mine = owned.get(id) as TopicPartition[];
    const target = assignment.get(id) as TopicPartition[];
    let keep: TopicPartition[];
    if (mine.length < minQuota) {
      keep = mine;
      underMin.push(id);
    } else if (mine.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin.length = 0;
      keep = mine.slice(0, maxQuota);
    } else {
      keep = mine.slice(0, minQuota);
      if (currentOverMin < expectedOverMin) exactlyMin.push(id);
    }
    for (const tp of keep) {
      target.push(tp);
      assignedKeys.add(tpKey(tp));
    }
  }

  const unassigned = all.filter((tp) => !assignedKeys.has(tpKey(tp)));
  underMin.sort(javaCompare);
  exactlyMin.sort(javaCompare);

  // A Java LinkedList iterator over underMin that supports remove(); modelled with an index.
  let iter = 0;
  for (const tp of unassigned) {
    let consumer: string;
    let fromUnderMin: boolean;
    if (iter < underMin.length) {
      consumer = underMin[iter++];
      fromUnderMin = true;
    } else if (underMin.length === 0 && exactlyMin.length === 0) {
      throw new Error('sticky assignor: no member left to take a partition (bug)');
    } else if (underMin.length === 0) {
      consumer = exactlyMin.shift() as string;
      fromUnderMin = false;
    } else {
      iter = 0;
      consumer = underMin[iter++];
      fromUnderMin = true;
    }
    const target = assignment.get(consumer) as TopicPartition[];
    target.push(tp);
    const count = target.length;
    if (count === minQuota) {
      // Java calls unfilledConsumerIter.remove() here; it only ever happens to a member the
      // iterator just returned from the under-min list.
      if (fromUnderMin) {
        underMin.splice(iter - 1, 1);
        iter--;
      }
      exactlyMin.push(consumer);
    } else if (count === maxQuota) {
      currentOverMin++;
    }
  }
  return assignment;
}

export const stickyAssign: AssignFn = (members, partitionsPerTopic) => {
  if (members.length === 0) return new Map();
  const first = members[0].topics;
  if (members.every((m) => sameTopics(m.topics, first))) return constrainedAssign(members, partitionsPerTopic, first);
  const allTopics = new Set(members.flatMap((m) => m.topics).filter((t) => partitionsPerTopic.has(t)));
  const owned = new Map(members.map((m) => [m.memberId, ownedInSerialisedOrder(m.owned ?? [], allTopics)]));
  return stickyGeneralAssign(members, owned, partitionsPerTopic);
};
