// The general path of Kafka's sticky assignor (AbstractStickyAssignor.generalAssign), used when
// members subscribe to different topics. Written from a reading of the algorithm:
//   1. keep every owned partition whose owner is still subscribed to its topic;
//   2. topics sorted by how few members could take them, then by name; partitions in that order;
//   3. each unowned partition goes to the least-loaded eligible member (ties: member id);
//   4. partitions that could move (topic has 2+ candidates) move from a member holding 2+ more than
//      another candidate to the least-loaded candidate, preferring to undo an earlier move of the
//      same topic between the same two members, until balanced; a rebalance that does not improve
//      the balance score is rolled back (except on the very first assignment).
// Iteration orders that Kafka takes from java.util.HashMap / HashSet are reproduced.
// Kafka also weighs "previous owners" from older generations; the simulator's members always share
// one generation, so that input is always empty here.
import type { TopicPartition } from '../types';
import { javaHashMapOrder, javaStringHash } from './javaHashOrder';
import { javaCompare, tpKey, type AssignorMember } from './types';

/** java TopicPartition.hashCode: 31 * (31 + partition) + topic.hashCode(), int arithmetic. */
function tpHash(tp: TopicPartition): number {
  return (Math.imul(31, 31 + tp.partition) + javaStringHash(tp.topic)) | 0;
}

/** A java.util.HashSet<TopicPartition> as far as "which element does iterator().next() return" goes. */
class TpHashSet {
  private items: TopicPartition[] = [];
  private capacity = 16;

  add(tp: TopicPartition): void {
    if (this.items.some((x) => tpKey(x) === tpKey(tp))) return;
    this.items.push(tp);
    while (this.items.length > this.capacity * 0.75) this.capacity *= 2; // tables grow, never shrink
  }

  delete(tp: TopicPartition): void {
    this.items = this.items.filter((x) => tpKey(x) !== tpKey(tp));
  }

  get size(): number {
    return this.items.length;
  }

  first(): TopicPartition {
    const bucket = (tp: TopicPartition) => {
      const h = tpHash(tp);
      return (h ^ (h >>> 16)) & (this.capacity - 1);
    };
    let best = 0;
    for (let i = 1; i < this.items.length; i++) if (bucket(this.items[i]) < bucket(this.items[best])) best = i;
    return this.items[best];
  }
}

/** Where each partition has moved during this rebalance, to keep moves sticky (no ping-pong). */
class PartitionMovements {
  private readonly byTopic = new Map<string, Map<string, TpHashSet>>(); // topic → "src\0dst" → partitions
  private readonly byPartition = new Map<string, { src: string; dst: string }>();

  private remove(tp: TopicPartition): { src: string; dst: string } {
    const key = tpKey(tp);
    const pair = this.byPartition.get(key) as { src: string; dst: string };
    this.byPartition.delete(key);
    const topicMoves = this.byTopic.get(tp.topic) as Map<string, TpHashSet>;
    const pk = `${pair.src}\u0000${pair.dst}`;
    const set = topicMoves.get(pk) as TpHashSet;
    set.delete(tp);
    if (set.size === 0) topicMoves.delete(pk);
    if (topicMoves.size === 0) this.byTopic.delete(tp.topic);
    return pair;
  }

  private add(tp: TopicPartition, src: string, dst: string): void {
    this.byPartition.set(tpKey(tp), { src, dst });
    let topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) this.byTopic.set(tp.topic, (topicMoves = new Map()));
    const pk = `${src}\u0000${dst}`;
    let set = topicMoves.get(pk);
    if (!set) topicMoves.set(pk, (set = new TpHashSet()));
    set.add(tp);
  }

  move(tp: TopicPartition, from: string, to: string): void {
    if (this.byPartition.has(tpKey(tp))) {
      const earlier = this.remove(tp);
      if (earlier.src !== to) this.add(tp, earlier.src, to);
    } else {
      this.add(tp, from, to);
    }
  }

  /** If some partition of the topic moved the opposite way before, move that one back instead. */
  actualPartitionToMove(tp: TopicPartition, from: string, to: string): TopicPartition {
    const topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) return tp;
    const earlier = this.byPartition.get(tpKey(tp));
    const src = earlier ? earlier.src : from;
    const reverse = topicMoves.get(`${to}\u0000${src}`);
    return reverse ? reverse.first() : tp;
  }
}

export function stickyGeneralAssign(
  members: readonly AssignorMember[],
  ownedByMember: ReadonlyMap<string, TopicPartition[]>,
  partitionsPerTopic: ReadonlyMap<string, number>,
): Map<string, TopicPartition[]> {
  // Kafka walks its subscriptions map in HashMap order; candidate lists inherit that order.
  const ids = javaHashMapOrder(members.map((m) => m.memberId).sort(javaCompare));
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const topicsOf = new Map<string, string[]>();
  const candidates = new Map<string, string[]>();
  for (const t of partitionsPerTopic.keys()) candidates.set(t, []);
  for (const id of ids) {
    const topics = (byId.get(id) as AssignorMember).topics.filter((t) => partitionsPerTopic.has(t));
    topicsOf.set(id, topics);
    for (const t of topics) (candidates.get(t) as string[]).push(id);
  }
  const subscribed = (id: string, topic: string) => (topicsOf.get(id) as string[]).includes(topic);

  const current = new Map<string, TopicPartition[]>();
  const ownerOf = new Map<string, string>();
  let revocationRequired = false;
  for (const id of ids) {
    const kept: TopicPartition[] = [];
    for (const tp of ownedByMember.get(id) ?? []) {
      if (!partitionsPerTopic.has(tp.topic) || tp.partition >= (partitionsPerTopic.get(tp.topic) as number)) continue;
      if (!subscribed(id, tp.topic)) {
        revocationRequired = true;
        continue;
      }
      kept.push(tp);
      ownerOf.set(tpKey(tp), id);
    }
    current.set(id, kept);
  }

  const total = [...partitionsPerTopic.values()].reduce((a, b) => a + b, 0);
  const sortedTopics = [...partitionsPerTopic.keys()].sort(
    (a, b) => (candidates.get(a) as string[]).length - (candidates.get(b) as string[]).length || javaCompare(a, b),
  );
  let sortedPartitions: TopicPartition[] = sortedTopics.flatMap((topic) =>
    Array.from({ length: partitionsPerTopic.get(topic) as number }, (_, partition) => ({ topic, partition })),
  );
  let unassigned = sortedPartitions.filter((tp) => !ownerOf.has(tpKey(tp)));

  // Kafka's TreeSet of members ordered by (assignment size, member id); `inTree` is its membership.
  const inTree = new Set(ids);
  const size = (id: string) => (current.get(id) as TopicPartition[]).length;
  const sortedMembers = () => [...inTree].sort((a, b) => size(a) - size(b) || javaCompare(a, b));
  const maxAssignable = (id: string) => {
    const topics = topicsOf.get(id) as string[];
    return topics.length === partitionsPerTopic.size ? total : topics.reduce((s, t) => s + (partitionsPerTopic.get(t) as number), 0);
  };
  const movements = new PartitionMovements();

  const isBalanced = (): boolean => {
    const order = sortedMembers();
    if (order.length === 0) return true;
    if (size(order[0]) >= size(order[order.length - 1]) - 1) return true;
    for (const id of order) {
      const count = size(id);
      if (count === maxAssignable(id)) continue;
      for (const topic of topicsOf.get(id) as string[]) {
        for (let p = 0; p < (partitionsPerTopic.get(topic) as number); p++) {
          const owner = ownerOf.get(tpKey({ topic, partition: p }));
          if (owner === undefined || owner === id || !current.has(owner)) continue;
          if (count < size(owner)) return false;
        }
      }
    }
    return true;
  };

  const moveTo = (tp: TopicPartition, to: string) => {
    const from = ownerOf.get(tpKey(tp)) as string;
    const actual = movements.actualPartitionToMove(tp, from, to);
    const actualFrom = ownerOf.get(tpKey(actual)) as string;
    movements.move(actual, actualFrom, to);
    const list = current.get(actualFrom) as TopicPartition[];
    list.splice(
      list.findIndex((x) => tpKey(x) === tpKey(actual)),
      1,
    );
    (current.get(to) as TopicPartition[]).push(actual);
    ownerOf.set(tpKey(actual), to);
  };

  const performReassignments = (partitions: TopicPartition[]): boolean => {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of partitions) {
        if (isBalanced()) break;
        const owner = ownerOf.get(tpKey(tp));
        if (owner === undefined || !current.has(owner)) continue;
        for (const other of candidates.get(tp.topic) as string[]) {
          if (!current.has(other)) continue;
          if (size(owner) > size(other) + 1) {
            const to = sortedMembers().find((id) => subscribed(id, tp.topic)) as string;
            moveTo(tp, to);
            performed = true;
            modified = true;
            break;
          }
        }
      }
    } while (modified);
    return performed;
  };

  // --- balance ---
  const initializing = (() => {
    const order = sortedMembers();
    return order.length === 0 || size(order[order.length - 1]) === 0;
  })();
  for (const tp of unassigned) {
    if ((candidates.get(tp.topic) as string[]).length === 0) continue;
    const to = sortedMembers().find((id) => subscribed(id, tp.topic));
    if (to === undefined) continue;
    (current.get(to) as TopicPartition[]).push(tp);
    ownerOf.set(tpKey(tp), to);
  }
  const movable = (tp: TopicPartition) => (candidates.get(tp.topic) as string[]).length >= 2;
  sortedPartitions = sortedPartitions.filter(movable);
  unassigned = unassigned.filter(movable);
  const fixed = new Map<string, TopicPartition[]>();
  for (const id of ids) {
    const mine = current.get(id) as TopicPartition[];
    const canMove = mine.length < maxAssignable(id) || mine.some((tp) => movable(tp));
    if (!canMove) {
      inTree.delete(id);
      fixed.set(id, mine);
      current.delete(id);
    }
  }
  const snapshot = new Map([...current].map(([id, list]) => [id, [...list]]));
  const snapshotOwners = new Map(ownerOf);
  if (!revocationRequired) performReassignments(unassigned);
  const performed = performReassignments(sortedPartitions);
  const score = (a: Map<string, TopicPartition[]>) => {
    const sizes = [...a.values()].map((l) => l.length);
    let s = 0;
    for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) s += Math.abs(sizes[i] - sizes[j]);
    return s;
  };
  if (!initializing && performed && score(current) >= score(snapshot)) {
    current.clear();
    for (const [id, list] of snapshot) current.set(id, list);
    ownerOf.clear();
    for (const [k, v] of snapshotOwners) ownerOf.set(k, v);
  }
  for (const [id, list] of fixed) current.set(id, list);

  const out = new Map<string, TopicPartition[]>();
  for (const m of members) out.set(m.memberId, current.get(m.memberId) ?? []);
  return out;
}
