// The group coordinator: consumer groups, their members and committed offsets, and the eager
// rebalance protocol (join, leave, crash, session and poll timeouts, commits checked against the
// generation). In-app consumers and the Kafka port's remote members go through the same one.
// It needs from the broker only its topics, its clock and its journal (ProducerHost).
import { assignors } from './assignors';
import { BrokerError } from './errors';
import type { ProducerHost } from './host';
import type { LeaveReason, RebalanceMember } from './journal';
import { partitionKey, type AssignedPartition, type GroupState, type MemberState } from './state';
import type { TopicPartition, TopicPartitionOffset } from './types';
import { genericArray } from './elementsKind';

/** What a group member (a Consumer, the Kafka port) asks of its group's coordinator. */
export interface GroupMembership {
  readonly groups: ReadonlyMap<string, GroupState>;
  /** The group, created empty on first use. */
  group(groupId: string): GroupState;
  assertNotRebalancing(what: string): void;
  join(member: MemberState, topics: string[]): void;
  changeSubscription(member: MemberState, topics: string[]): void;
  leave(member: MemberState, reason: LeaveReason): void;
  crash(member: MemberState): void;
  maintain(force?: boolean): void;
  commitOffsets(member: MemberState, offsets: readonly TopicPartitionOffset[], auto: boolean): void;
  commitPositions(member: MemberState, auto: boolean): void;
}

export class GroupCoordinator implements GroupMembership {
  readonly groups = new Map<string, GroupState>();
  private lastMaintenance = Number.NaN;
  /** A commit's (topic, partition, offset) fields on their way to the journal (reused: the journal copies them). */
  private readonly offsetFields = genericArray<string | number>();
  /** Set while a rebalance runs its revocation listeners: membership must not change underneath it. */
  private rebalancing = false;

  constructor(private readonly broker: ProducerHost) {}

  group(groupId: string): GroupState {
    let g = this.groups.get(groupId);
    if (!g) {
      g = { groupId, generation: 0, assignor: null, members: new Map(), committed: new Map() };
      this.groups.set(groupId, g);
    }
    return g;
  }

  assertNotRebalancing(what: string): void {
    if (this.rebalancing) throw new BrokerError('INVALID_ARGUMENT', `cannot ${what} inside a rebalance listener`);
  }

  join(member: MemberState, topics: string[]): void {
    this.assertNotRebalancing('join a group');
    const group = this.group(member.groupId);
    if (group.members.size > 0 && group.assignor !== null && group.assignor !== member.assignor) {
      throw new BrokerError(
        'INCONSISTENT_GROUP_PROTOCOL',
        `group ${group.groupId} uses the ${group.assignor} assignor; a member asking for ${member.assignor} cannot join`,
      );
    }
    group.assignor = member.assignor;
    member.subscription = topics;
    member.status = 'active';
    member.lastPollAt = null;
    member.lastAutoCommitAt = this.broker.clock.now();
    group.members.set(member.memberId, member);
    this.broker.record({ type: 'member.joined', groupId: group.groupId, memberId: member.memberId, clientId: member.clientId, topics: [...topics] });
    this.rebalance(group, `${member.memberId} joined`);
  }

  changeSubscription(member: MemberState, topics: string[]): void {
    this.assertNotRebalancing('change a subscription');
    member.subscription = topics;
    this.rebalance(this.group(member.groupId), `${member.memberId} changed its subscription`);
  }

  leave(member: MemberState, reason: LeaveReason): void {
    this.assertNotRebalancing('leave a group');
    const group = this.group(member.groupId);
    if (!group.members.delete(member.memberId)) return;
    this.broker.record({ type: 'member.left', groupId: group.groupId, memberId: member.memberId, reason });
    member.assignment = [];
    this.rebalance(group, `${member.memberId} left (${reason})`);
  }

  /**
   * Eager rebalance: every live member commits (if auto-commit) and gives up all its partitions,
   * the assignor computes a new assignment, the generation goes up. Positions start again from the
   * committed offsets, so anything processed but not committed is delivered again.
   */
  private rebalance(group: GroupState, reason: string): void {
    const members = [...group.members.values()];
    this.rebalancing = true;
    try {
      for (const m of members) {
        if (m.status !== 'active' || m.assignment.length === 0) continue;
        if (m.autoCommit && m.generation === group.generation) this.commitPositions(m, true);
        m.listener?.onPartitionsRevoked?.(m.assignment.map((a) => ({ ...a.tp })));
      }
    } finally {
      this.rebalancing = false;
    }
    if (group.members.size === 0) group.assignor = null;
    const assignorName = group.assignor ?? 'range';
    const partitionsPerTopic = new Map<string, number>();
    for (const m of members) for (const t of m.subscription) partitionsPerTopic.set(t, this.broker.topic(t).logs.length);
    const result = assignors[assignorName](
      members.map((m) => ({ memberId: m.memberId, topics: m.subscription, owned: m.assignment.map((a) => a.tp) })),
      partitionsPerTopic,
    );
    group.generation++;
    const rebalanceMembers: RebalanceMember[] = [];
    const owned = new Set<string>();
    for (const m of members) {
      const before = new Set(m.assignment.map((a) => a.key));
      const next = (result.get(m.memberId) ?? []).map(
        (tp): AssignedPartition => ({ tp: { ...tp }, key: partitionKey(tp.topic, tp.partition), log: this.broker.topic(tp.topic).logs[tp.partition], position: null }),
      );
      const after = new Set(next.map((a) => a.key));
      rebalanceMembers.push({
        memberId: m.memberId,
        assignment: next.map((a) => ({ ...a.tp })),
        added: next.filter((a) => !before.has(a.key)).map((a) => ({ ...a.tp })),
        removed: m.assignment.filter((a) => !after.has(a.key)).map((a) => ({ ...a.tp })),
      });
      for (const k of after) owned.add(k);
      m.assignment = next;
      m.fetchCursor = 0;
    }
    const unassigned: TopicPartition[] = [];
    for (const [topic, n] of partitionsPerTopic) {
      for (let p = 0; p < n; p++) if (!owned.has(partitionKey(topic, p))) unassigned.push({ topic, partition: p });
    }
    this.broker.record({ type: 'rebalance', groupId: group.groupId, generation: group.generation, assignor: assignorName, reason, members: rebalanceMembers, unassigned });
  }

  crash(member: MemberState): void {
    this.assertNotRebalancing('crash a member');
    const uncommitted: TopicPartitionOffset[] = [];
    const group = this.group(member.groupId);
    for (const a of member.assignment) {
      if (a.position !== null && a.position !== (group.committed.get(a.key) ?? null)) uncommitted.push({ ...a.tp, offset: a.position });
    }
    member.status = 'crashed';
    member.crashedAt = this.broker.clock.now();
    this.broker.record({ type: 'member.crashed', groupId: member.groupId, memberId: member.memberId, uncommitted });
    if (member.sessionTimeoutMs === 0) this.leave(member, 'crash');
  }

  /**
   * Time-driven group housekeeping: crashed members past their session timeout and members that
   * stopped polling past max.poll.interval leave the group. Runs at most once per clock value.
   */
  maintain(force = false): void {
    if (this.rebalancing) return; // e.g. a commit from a revocation listener
    const now = this.broker.clock.now();
    if (!force && now === this.lastMaintenance) return;
    this.lastMaintenance = now;
    for (const group of this.groups.values()) {
      for (const m of [...group.members.values()]) {
        if (m.status === 'crashed' && m.crashedAt !== null && now - m.crashedAt >= m.sessionTimeoutMs) {
          this.leave(m, 'session-timeout');
        } else if (m.status === 'active' && m.lastPollAt !== null && now - m.lastPollAt > m.maxPollIntervalMs) {
          m.status = 'removed';
          this.leave(m, 'poll-timeout');
        }
      }
    }
  }

  commitOffsets(member: MemberState, offsets: readonly TopicPartitionOffset[], auto: boolean): void {
    const group = this.syncedGroup(member);
    if (offsets.length === 0) return;
    const fields = this.offsetFields;
    let n = 0;
    for (const o of offsets) {
      group.committed.set(partitionKey(o.topic, o.partition), o.offset);
      fields[n++] = o.topic;
      fields[n++] = o.partition;
      fields[n++] = o.offset;
    }
    this.broker.recordCommit(group.groupId, member.memberId, group.generation, auto, fields, offsets.length);
  }

  /**
   * Commits the member's positions that moved since the group's last commit. Most consumers call it
   * after every poll, so it makes nothing: the moved offsets go to the journal as packed fields
   * through a reused array, and the partition keys are the assignment's own.
   */
  commitPositions(member: MemberState, auto: boolean): void {
    const group = this.syncedGroup(member);
    const fields = this.offsetFields;
    let n = 0;
    for (const a of member.assignment) {
      const position = a.position;
      if (position === null || group.committed.get(a.key) === position) continue;
      group.committed.set(a.key, position);
      fields[n++] = a.tp.topic;
      fields[n++] = a.tp.partition;
      fields[n++] = position;
    }
    if (n > 0) this.broker.recordCommit(group.groupId, member.memberId, group.generation, auto, fields, n / 3);
  }

  /** The member's group when the member is at its generation; else COMMIT_FAILED (journaled). */
  private syncedGroup(member: MemberState): GroupState {
    const group = this.group(member.groupId);
    if (member.generation !== group.generation) {
      this.broker.record({ type: 'commit.failed', groupId: group.groupId, memberId: member.memberId, memberGeneration: member.generation, groupGeneration: group.generation });
      throw new BrokerError(
        'COMMIT_FAILED',
        `commit failed: group ${group.groupId} has rebalanced (generation ${group.generation}, this member is at ${member.generation}); poll again and reprocess`,
      );
    }
    return group;
  }
}
