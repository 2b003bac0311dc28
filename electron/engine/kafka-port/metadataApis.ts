// ApiVersions, Metadata, CreateTopics, FindCoordinator, InitProducerId and ListOffsets: the requests
// a client makes to find its way around the single broker node.
import { BrokerError, type Broker, type CleanupPolicy, type Clock } from '../broker';
import { SUPPORTED } from './apiKeys';
import { offsetForTimestamp } from './bridge';
import type { Reader, Writer } from './codec';
import type { Handler, RequestContext } from './context';
import { ErrorCode } from './errorCodes';

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
export const CLUSTER_ID = 'replayground-local';

export function writeApiVersions(w: Writer, version: number, errorCode: number): void {
  w.int16(errorCode);
  w.array(SUPPORTED, (ww, [key, min, max]) => ww.int16(key).int16(min).int16(max));
  if (version >= 1) w.int32(0);
}

export const apiVersions: Handler = (_ctx, version, _r, w) => {
  writeApiVersions(w, version, ErrorCode.NONE);
};

/** Creates `name` on first use when auto-creation is on; returns whether the topic exists now. */
export function ensureTopic(ctx: RequestContext, name: string): boolean {
  if (ctx.broker.topics.has(name)) return true;
  if (ctx.autoCreatePartitions <= 0 || !TOPIC_NAME.test(name) || name === '.' || name === '..') return false;
  ctx.broker.createTopic(name, { partitions: ctx.autoCreatePartitions });
  return true;
}

export const metadata: Handler = (ctx, version, r, w) => {
  const requested = version === 0 ? r.array((x) => x.string()) : r.nullableArray((x) => x.string());
  const allowAuto = version >= 4 ? r.bool() : true;
  if (version >= 8) {
    r.bool();
    r.bool();
  }
  const all = requested === null || (version === 0 && requested.length === 0);
  const names = all ? [...ctx.broker.topics.keys()] : [...new Set(requested)];
  if (version >= 3) w.int32(0);
  w.array([ctx.nodeId], (ww, id) => {
    ww.int32(id).string(ctx.host).int32(ctx.port);
    if (version >= 1) ww.nullableString(null);
  });
  if (version >= 2) w.nullableString(CLUSTER_ID);
  if (version >= 1) w.int32(ctx.nodeId);
  w.array(names, (ww, name) => {
    let error: number = ErrorCode.NONE;
    if (!TOPIC_NAME.test(name)) error = ErrorCode.INVALID_TOPIC_EXCEPTION;
    else if (!ctx.broker.topics.has(name) && !(allowAuto && ensureTopic(ctx, name))) error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    const t = error === ErrorCode.NONE ? ctx.broker.topics.get(name) : undefined;
    ww.int16(error).string(name);
    if (version >= 1) ww.bool(false);
    ww.array(t ? t.logs.map((_, p) => p) : [], (www, p) => {
      www.int16(ErrorCode.NONE).int32(p).int32(ctx.nodeId);
      if (version >= 7) www.int32(0);
      www.int32Array([ctx.nodeId]).int32Array([ctx.nodeId]);
      if (version >= 5) www.int32Array([]);
    });
    if (version >= 8) ww.int32(-2147483648);
  });
  if (version >= 8) w.int32(-2147483648);
};

const CONFIGS: Record<string, (cfg: { retentionMs?: number; cleanupPolicy?: CleanupPolicy }, v: string) => boolean> = {
  'cleanup.policy': (cfg, v) => {
    const norm = v.split(',').map((s) => s.trim()).sort().join(',');
    if (norm !== 'delete' && norm !== 'compact' && norm !== 'compact,delete') return false;
    cfg.cleanupPolicy = norm;
    return true;
  },
  'retention.ms': (cfg, v) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < -1) return false;
    if (n >= 0) cfg.retentionMs = n;
    return true;
  },
};

export const createTopics: Handler = (ctx, version, r, w) => {
  const topics = r.array((x) => ({
    name: x.string(),
    partitions: x.int32(),
    replicationFactor: x.int16(),
    assignments: x.array((y) => ({ partition: y.int32(), brokers: y.array((z) => z.int32()) })),
    configs: x.array((y) => ({ name: y.string(), value: y.nullableString() })),
  }));
  r.int32(); // timeout
  const validateOnly = version >= 1 ? r.bool() : false;
  if (version >= 2) w.int32(0);
  w.array(topics, (ww, t) => {
    let code: number = ErrorCode.NONE;
    let message: string | null = null;
    const cfg: { retentionMs?: number; cleanupPolicy?: CleanupPolicy } = {};
    const partitions = t.partitions === -1 ? Math.max(1, ctx.autoCreatePartitions) : t.partitions;
    if (!TOPIC_NAME.test(t.name) || t.name === '.' || t.name === '..') [code, message] = [ErrorCode.INVALID_TOPIC_EXCEPTION, `invalid topic name ${JSON.stringify(t.name)}`];
    else if (ctx.broker.topics.has(t.name)) [code, message] = [ErrorCode.TOPIC_ALREADY_EXISTS, `topic ${t.name} already exists`];
    else if (t.assignments.length > 0) [code, message] = [ErrorCode.INVALID_REQUEST, 'manual replica assignments are not supported (one broker)'];
    else if (partitions < 1 || partitions > 10_000) [code, message] = [ErrorCode.INVALID_PARTITIONS, `partitions must be 1..10000, got ${t.partitions}`];
    else if (t.replicationFactor !== -1 && t.replicationFactor !== 1) [code, message] = [ErrorCode.INVALID_REPLICATION_FACTOR, `replication factor ${t.replicationFactor} is larger than the 1 available broker`];
    else {
      for (const c of t.configs) {
        const apply = CONFIGS[c.name];
        if (!apply || c.value === null || !apply(cfg, c.value)) {
          [code, message] = [ErrorCode.INVALID_CONFIG, `config ${c.name}=${String(c.value)} is not supported (supported: ${Object.keys(CONFIGS).join(', ')})`];
          break;
        }
      }
    }
    if (code === ErrorCode.NONE && !validateOnly) {
      try {
        ctx.broker.createTopic(t.name, { partitions, ...cfg });
      } catch (e) {
        if (!(e instanceof BrokerError)) throw e;
        [code, message] = [ErrorCode.INVALID_REQUEST, e.message];
      }
    }
    ww.string(t.name).int16(code);
    if (version >= 1) ww.nullableString(message);
  });
};

export const findCoordinator: Handler = (ctx, version, r, w) => {
  r.string();
  if (version >= 1) r.int8();
  if (version >= 1) w.int32(0);
  w.int16(ErrorCode.NONE);
  if (version >= 1) w.nullableString(null);
  w.int32(ctx.nodeId).string(ctx.host).int32(ctx.port);
};

export const initProducerId: Handler = (ctx, _version, r, w) => {
  const transactionalId = r.nullableString();
  r.int32();
  w.int32(0);
  if (transactionalId !== null) {
    // transactions are not supported: there is no transaction coordinator
    w.int16(ErrorCode.UNSUPPORTED_VERSION).int64(-1).int16(-1);
    return;
  }
  w.int16(ErrorCode.NONE).int64(ctx.broker.allocateProducerId()).int16(0);
};

function listOffset(broker: Broker<Clock>, topic: string, partition: number, timestamp: number): { code: number; offset: number; timestamp: number } {
  const t = broker.topics.get(topic);
  if (!t || partition < 0 || partition >= t.logs.length) return { code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, offset: -1, timestamp: -1 };
  const log = t.logs[partition];
  if (timestamp === -1) return { code: ErrorCode.NONE, offset: log.logEndOffset, timestamp: -1 };
  if (timestamp === -2) return { code: ErrorCode.NONE, offset: log.logStartOffset, timestamp: -1 };
  const found = offsetForTimestamp(broker, topic, partition, timestamp);
  return found.timestamp === -1 ? { code: ErrorCode.NONE, offset: -1, timestamp: -1 } : { code: ErrorCode.NONE, ...found };
}

export const listOffsets: Handler = (ctx, version, r, w) => {
  r.int32(); // replica id
  if (version >= 2) r.int8(); // isolation level (no transactions: both levels read the same)
  const topics = r.array((x) => ({
    name: x.string(),
    partitions: x.array((y: Reader) => {
      const partition = y.int32();
      if (version >= 4) y.int32();
      const timestamp = y.int64();
      if (version === 0) y.int32();
      return { partition, timestamp };
    }),
  }));
  if (version >= 2) w.int32(0);
  w.array(topics, (ww, t) => {
    ww.string(t.name);
    ww.array(t.partitions, (www, p) => {
      const res = listOffset(ctx.broker, t.name, p.partition, p.timestamp);
      www.int32(p.partition).int16(res.code);
      if (version === 0) www.array(res.offset >= 0 ? [res.offset] : [], (x, o) => x.int64(o));
      else {
        www.int64(res.timestamp).int64(res.offset);
        if (version >= 4) www.int32(0);
      }
    });
  });
};
