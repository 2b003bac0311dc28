// JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups and
// ListGroups: decoding and encoding around the GroupCoordinator (groups.ts), version by version.
import type { Handler } from './context';
import { ErrorCode } from './errorCodes';
import type { Protocol } from './groups';

export const joinGroup: Handler = (ctx, version, r, w) => {
  const groupId = r.string();
  const sessionTimeoutMs = r.int32();
  if (version >= 1) r.int32(); // rebalance timeout: rebalances here finish at once
  const memberId = r.string();
  if (version >= 5) r.nullableString(); // group instance id (static membership is not kept)
  const protocolType = r.string();
  const protocols = r.array((x): Protocol => ({ name: x.string(), metadata: x.bytes() }));
  const res = ctx.coordinator.join({ groupId, memberId, sessionTimeoutMs, protocolType, protocols, clientId: ctx.clientId, clientHost: ctx.clientHost });
  if (version >= 2) w.int32(0);
  w.int16(res.errorCode).int32(res.generationId).string(res.protocolName).string(res.leader).string(res.memberId);
  w.array(res.members, (ww, m) => {
    ww.string(m.memberId);
    if (version >= 5) ww.nullableString(null);
    ww.nullableBytes(m.metadata);
  });
};

export const syncGroup: Handler = (ctx, version, r, w) => {
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (version >= 3) r.nullableString();
  r.array((x) => (x.string(), x.bytes())); // the leader's plan: the broker's own assignment is used instead
  const res = ctx.coordinator.sync(groupId, generationId, memberId);
  if (version >= 1) w.int32(0);
  w.int16(res.errorCode).nullableBytes(res.assignment);
};

export const heartbeat: Handler = (ctx, version, r, w) => {
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (version >= 3) r.nullableString();
  const code = ctx.coordinator.heartbeat(groupId, generationId, memberId);
  if (version >= 1) w.int32(0);
  w.int16(code);
};

export const leaveGroup: Handler = (ctx, version, r, w) => {
  const groupId = r.string();
  if (version <= 2) {
    const code = ctx.coordinator.leave(groupId, r.string());
    if (version >= 1) w.int32(0);
    w.int16(code);
    return;
  }
  const members = r.array((x) => ({ memberId: x.string(), instanceId: x.nullableString() }));
  const codes = members.map((m) => ctx.coordinator.leave(groupId, m.memberId));
  w.int32(0).int16(ErrorCode.NONE);
  w.array(members, (ww, m) => {
    ww.string(m.memberId).nullableString(m.instanceId).int16(codes[members.indexOf(m)]);
  });
};

export const offsetCommit: Handler = (ctx, version, r, w) => {
  const groupId = r.string();
  const generationId = version >= 1 ? r.int32() : -1;
  const memberId = version >= 1 ? r.string() : '';
  if (version >= 2 && version <= 4) r.int64(); // retention time
  if (version >= 7) r.nullableString();
  const topics = r.array((x) => ({
    name: x.string(),
    partitions: x.array((y) => {
      const partition = y.int32();
      const offset = y.int64();
      if (version >= 6) y.int32();
      if (version === 1) y.int64();
      y.nullableString(); // metadata is not kept
      return { partition, offset };
    }),
  }));
  const flat = topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition, offset: p.offset })));
  const codes = ctx.coordinator.commit(groupId, generationId, memberId, flat);
  let i = 0;
  if (version >= 3) w.int32(0);
  w.array(topics, (ww, t) => {
    ww.string(t.name);
    ww.array(t.partitions, (www, p) => {
      www.int32(p.partition).int16(codes[i++]);
    });
  });
};

export const offsetFetch: Handler = (ctx, version, r, w) => {
  const groupId = r.string();
  const requested = version >= 2 ? r.nullableArray((x) => ({ name: x.string(), partitions: x.array((y) => y.int32()) })) : r.array((x) => ({ name: x.string(), partitions: x.array((y) => y.int32()) }));
  let topics: { name: string; partitions: { partition: number; offset: number; code: number }[] }[];
  if (requested === null) {
    const byTopic = new Map<string, { partition: number; offset: number; code: number }[]>();
    for (const c of ctx.coordinator.committedAll(groupId)) {
      let list = byTopic.get(c.topic);
      if (!list) byTopic.set(c.topic, (list = []));
      list.push({ partition: c.partition, offset: c.offset, code: ErrorCode.NONE });
    }
    topics = [...byTopic].map(([name, partitions]) => ({ name, partitions }));
  } else {
    topics = requested.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        const exists = (ctx.broker.topics.get(t.name)?.logs.length ?? 0) > p && p >= 0;
        return { partition: p, offset: exists ? ctx.coordinator.committed(groupId, t.name, p) : -1, code: exists ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
      }),
    }));
  }
  if (version >= 3) w.int32(0);
  w.array(topics, (ww, t) => {
    ww.string(t.name);
    ww.array(t.partitions, (www, p) => {
      www.int32(p.partition).int64(p.offset);
      if (version >= 5) www.int32(-1);
      www.nullableString('').int16(p.code);
    });
  });
  if (version >= 2) w.int16(ErrorCode.NONE);
};

export const describeGroups: Handler = (ctx, version, r, w) => {
  const groups = r.array((x) => x.string());
  if (version >= 3) r.bool();
  if (version >= 1) w.int32(0);
  w.array(groups, (ww, id) => {
    const g = ctx.coordinator.describe(id);
    ww.int16(g.errorCode).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocol);
    ww.array(g.members, (www, m) => {
      www.string(m.memberId);
      if (version >= 4) www.nullableString(null);
      www.string(m.clientId).string(m.clientHost).nullableBytes(m.metadata).nullableBytes(m.assignment);
    });
    if (version >= 3) ww.int32(-2147483648);
  });
};

export const listGroups: Handler = (ctx, version, _r, w) => {
  if (version >= 1) w.int32(0);
  w.int16(ErrorCode.NONE);
  w.array(ctx.coordinator.list(), (ww, g) => ww.string(g.groupId).string(g.protocolType));
};
