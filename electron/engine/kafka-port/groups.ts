// The group coordinator's side of the Kafka port. Real clients join the broker's own consumer
// groups as members of origin 'kafka', so they share groups, assignments, commits and rebalances
// with the in-app consumers. The broker assigns partitions itself with the group's assignor (the
// leader's SyncGroup plan is not used); a client learns of a rebalance from its next Heartbeat.
import type { AssignorName, Broker, Clock, TopicPartitionOffset } from '../broker';
import { BrokerError } from '../broker';
import type { GroupState, MemberState } from '../broker/state';
import { partitionKey } from '../broker/state';
import { Reader, Writer } from './codec';
import { ErrorCode, type ErrorCodeValue } from './errorCodes';

export interface Protocol {
  name: string;
  metadata: Buffer;
}

interface RemoteMember {
  state: MemberState;
  protocols: Protocol[];
  protocolName: string;
  sessionTimeoutMs: number;
  /** Wall-clock ms of the last request from this member. */
  lastSeen: number;
  clientHost: string;
}

/** Kafka client protocol names → the broker's assignors. */
const ASSIGNOR_NAMES: Record<string, AssignorName> = {
  range: 'range',
  roundrobin: 'roundrobin',
  RoundRobinAssigner: 'roundrobin',
  sticky: 'sticky',
};

export function parseSubscription(metadata: Buffer): string[] | null {
  try {
    const r = new Reader(metadata);
    r.int16();
    return r.array((x) => x.string());
  } catch {
    return null;
  }
}

export function encodeSubscription(topics: readonly string[]): Buffer {
  return new Writer(64).int16(0).array(topics, (w, t) => w.string(t)).nullableBytes(null).result();
}

export function encodeAssignment(assignment: readonly { topic: string; partition: number }[]): Buffer {
  const byTopic = new Map<string, number[]>();
  for (const tp of assignment) {
    let list = byTopic.get(tp.topic);
    if (!list) byTopic.set(tp.topic, (list = []));
    list.push(tp.partition);
  }
  const w = new Writer(64).int16(0);
  w.array([...byTopic], (ww, [topic, parts]) => ww.string(topic).int32Array(parts));
  return w.int32(0).result(); // empty user data
}

export interface JoinResult {
  errorCode: ErrorCodeValue;
  generationId: number;
  protocolName: string;
  leader: string;
  memberId: string;
  members: { memberId: string; metadata: Buffer }[];
}

export class GroupCoordinator {
  private readonly members = new Map<string, RemoteMember>();

  constructor(
    private readonly broker: Broker<Clock>,
    private readonly now: () => number = Date.now,
  ) {}

  private groupOf(groupId: string): GroupState | undefined {
    return this.broker.coordinator.groups.get(groupId);
  }

  /** The remote member, if it is still in its group. */
  private live(groupId: string, memberId: string): RemoteMember | undefined {
    const m = this.members.get(memberId);
    if (!m || m.state.groupId !== groupId || this.groupOf(groupId)?.members.get(memberId) !== m.state) return undefined;
    return m;
  }

  join(req: { groupId: string; memberId: string; sessionTimeoutMs: number; protocolType: string; protocols: Protocol[]; clientId: string; clientHost: string }): JoinResult {
    const fail = (errorCode: ErrorCodeValue): JoinResult => ({ errorCode, generationId: -1, protocolName: '', leader: '', memberId: req.memberId, members: [] });
    if (req.groupId === '') return fail(ErrorCode.INVALID_GROUP_ID);
    if (req.sessionTimeoutMs < 1000 || req.sessionTimeoutMs > 1_800_000) return fail(ErrorCode.INVALID_SESSION_TIMEOUT);
    if (req.protocolType !== 'consumer' || req.protocols.length === 0) return fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const subscription = parseSubscription(req.protocols[0].metadata);
    if (subscription === null) return fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const topics = [...new Set(subscription.filter((t) => this.broker.topics.has(t)))].sort();

    const group = this.groupOf(req.groupId);
    const groupAssignor = group && group.members.size > 0 ? group.assignor : null;
    // The client's protocol that names the group's assignor, else its first one we know, else its first.
    const known = req.protocols.filter((p) => ASSIGNOR_NAMES[p.name] !== undefined);
    const chosen = known.find((p) => ASSIGNOR_NAMES[p.name] === groupAssignor) ?? known[0] ?? req.protocols[0];
    const assignor: AssignorName = ASSIGNOR_NAMES[chosen.name] ?? 'range';

    let member: RemoteMember | undefined;
    if (req.memberId !== '') {
      member = this.live(req.groupId, req.memberId);
      if (!member) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
      member.protocols = req.protocols;
      member.protocolName = chosen.name;
      member.sessionTimeoutMs = req.sessionTimeoutMs;
      member.lastSeen = this.now();
      if (topics.join('\u0000') !== member.state.subscription.join('\u0000')) this.broker.coordinator.changeSubscription(member.state, topics);
    } else {
      const state = this.broker.joinRemoteMember({ groupId: req.groupId, clientId: req.clientId || 'kafka-client', topics, assignor });
      member = { state, protocols: req.protocols, protocolName: chosen.name, sessionTimeoutMs: req.sessionTimeoutMs, lastSeen: this.now(), clientHost: req.clientHost };
      this.members.set(state.memberId, member);
    }
    const g = this.broker.coordinator.group(req.groupId);
    const leader = [...g.members.values()].find((m) => m.origin === 'kafka')?.memberId ?? member.state.memberId;
    const members =
      leader === member.state.memberId
        ? [...g.members.values()].map((m) => ({ memberId: m.memberId, metadata: this.metadataOf(m, chosen.name) }))
        : [];
    return { errorCode: ErrorCode.NONE, generationId: g.generation, protocolName: chosen.name, leader, memberId: member.state.memberId, members };
  }

  private metadataOf(m: MemberState, protocolName: string): Buffer {
    const remote = this.members.get(m.memberId);
    const own = remote?.protocols.find((p) => p.name === protocolName) ?? remote?.protocols[0];
    return own?.metadata ?? encodeSubscription(m.subscription);
  }

  sync(groupId: string, generationId: number, memberId: string): { errorCode: ErrorCodeValue; assignment: Buffer } {
    const m = this.live(groupId, memberId);
    if (!m) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: Buffer.alloc(0) };
    m.lastSeen = this.now();
    const g = this.broker.coordinator.group(groupId);
    if (generationId !== g.generation) return { errorCode: ErrorCode.ILLEGAL_GENERATION, assignment: Buffer.alloc(0) };
    m.state.generation = g.generation;
    return { errorCode: ErrorCode.NONE, assignment: encodeAssignment(m.state.assignment.map((a) => a.tp)) };
  }

  heartbeat(groupId: string, generationId: number, memberId: string): ErrorCodeValue {
    const m = this.live(groupId, memberId);
    if (!m) return ErrorCode.UNKNOWN_MEMBER_ID;
    m.lastSeen = this.now();
    const g = this.broker.coordinator.group(groupId);
    if (m.state.generation !== g.generation) return ErrorCode.REBALANCE_IN_PROGRESS;
    if (generationId !== g.generation) return ErrorCode.ILLEGAL_GENERATION;
    return ErrorCode.NONE;
  }

  leave(groupId: string, memberId: string): ErrorCodeValue {
    const m = this.live(groupId, memberId);
    if (!m) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.members.delete(memberId);
    m.state.status = 'closed';
    this.broker.coordinator.leave(m.state, 'close');
    return ErrorCode.NONE;
  }

  /** Members silent past their session timeout leave the group (the rebalance a killed client causes). */
  expire(): number {
    const now = this.now();
    let n = 0;
    for (const [id, m] of [...this.members]) {
      if (!this.live(m.state.groupId, id)) {
        this.members.delete(id);
        continue;
      }
      if (now - m.lastSeen > m.sessionTimeoutMs) {
        this.members.delete(id);
        m.state.status = 'removed';
        this.broker.coordinator.leave(m.state, 'session-timeout');
        n++;
      }
    }
    return n;
  }

  /** Per-partition error codes for an OffsetCommit; commits land in the group's committed offsets. */
  commit(groupId: string, generationId: number, memberId: string, offsets: TopicPartitionOffset[]): ErrorCodeValue[] {
    const all = (code: ErrorCodeValue): ErrorCodeValue[] => offsets.map(() => code);
    if (groupId === '') return all(ErrorCode.INVALID_GROUP_ID);
    const codes = offsets.map((o) => {
      const t = this.broker.topics.get(o.topic);
      return t && o.partition >= 0 && o.partition < t.logs.length && Number.isSafeInteger(o.offset) && o.offset >= 0 ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    });
    const valid = offsets.filter((_, i) => codes[i] === ErrorCode.NONE);
    const group = this.groupOf(groupId);
    if (memberId === '' && generationId < 0) {
      // a commit from outside any generation (admin tools, assign()-mode clients): only for an empty group
      if (group && group.members.size > 0) return all(ErrorCode.UNKNOWN_MEMBER_ID);
      const g = this.broker.coordinator.group(groupId);
      for (const o of valid) g.committed.set(partitionKey(o.topic, o.partition), o.offset);
      if (valid.length > 0) this.broker.record({ type: 'commit', groupId, memberId: '', generation: g.generation, auto: false, offsets: valid.map((o) => ({ ...o })) });
      return codes;
    }
    const m = this.live(groupId, memberId);
    if (!m) return all(ErrorCode.UNKNOWN_MEMBER_ID);
    m.lastSeen = this.now();
    const g = this.broker.coordinator.group(groupId);
    if (m.state.generation !== g.generation) return all(ErrorCode.REBALANCE_IN_PROGRESS);
    if (generationId !== g.generation) return all(ErrorCode.ILLEGAL_GENERATION);
    try {
      this.broker.coordinator.commitOffsets(m.state, valid, false);
    } catch (e) {
      if (e instanceof BrokerError && e.code === 'COMMIT_FAILED') return all(ErrorCode.ILLEGAL_GENERATION);
      throw e;
    }
    return codes;
  }

  /** Committed offset or −1, without creating the group. */
  committed(groupId: string, topic: string, partition: number): number {
    return this.groupOf(groupId)?.committed.get(partitionKey(topic, partition)) ?? -1;
  }

  committedAll(groupId: string): { topic: string; partition: number; offset: number }[] {
    const g = this.groupOf(groupId);
    if (!g) return [];
    return [...g.committed].map(([k, offset]) => {
      const i = k.indexOf('\u0000');
      return { topic: k.slice(0, i), partition: Number(k.slice(i + 1)), offset };
    });
  }

  /** A fetch by a client id moves the group view's position marker of that client's members. */
  noteFetch(clientId: string, topic: string, partition: number, fromOffset: number, nextOffset: number, count: number): void {
    if (this.members.size === 0) return;
    for (const m of this.members.values()) {
      if (m.state.clientId !== clientId) continue;
      const a = m.state.assignment.find((x) => x.tp.topic === topic && x.tp.partition === partition);
      if (!a) continue;
      a.position = nextOffset;
      m.state.lastPollAt = this.broker.clock.now();
      if (count > 0) {
        this.broker.record({
          type: 'poll',
          groupId: m.state.groupId,
          memberId: m.state.memberId,
          generation: m.state.generation,
          ranges: [{ topic, partition, fromOffset, toOffset: nextOffset - 1, count }],
          count,
          heldBack: 0,
        });
      }
    }
  }

  describe(groupId: string) {
    const g = this.groupOf(groupId);
    if (!g) return { errorCode: ErrorCode.NONE, groupId, state: 'Dead', protocolType: '', protocol: '', members: [] };
    const members = [...g.members.values()];
    const unsynced = members.some((m) => m.generation !== g.generation);
    const state = members.length === 0 ? 'Empty' : unsynced ? 'CompletingRebalance' : 'Stable';
    const firstRemote = members.map((m) => this.members.get(m.memberId)).find((x) => x !== undefined);
    const protocol = firstRemote?.protocolName ?? g.assignor ?? '';
    return {
      errorCode: ErrorCode.NONE,
      groupId,
      state,
      protocolType: 'consumer',
      protocol: members.length === 0 ? '' : protocol,
      members: members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        clientHost: this.members.get(m.memberId)?.clientHost ?? 'in-app',
        metadata: this.metadataOf(m, this.members.get(m.memberId)?.protocolName ?? ''),
        assignment: encodeAssignment(m.assignment.map((a) => a.tp)),
      })),
    };
  }

  list(): { groupId: string; protocolType: string }[] {
    return [...this.broker.coordinator.groups.keys()].map((groupId) => ({ groupId, protocolType: 'consumer' }));
  }

  get remoteMemberCount(): number {
    return this.members.size;
  }
}
