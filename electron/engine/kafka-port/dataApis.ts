// Produce and Fetch: record batches in and out of the broker's partition logs. A Fetch that finds
// fewer than min_bytes waits (up to max_wait_ms) for the next append, as a real broker's purgatory.
import { appendBatches, readForFetch } from './bridge';
import type { Handler } from './context';
import { ErrorCode } from './errorCodes';
import { decodeBatches, encodeBatch, type OutRecord } from './records';

export const produce: Handler = (ctx, version, r, w) => {
  r.nullableString(); // transactional id (transactional batches are refused per batch)
  const acks = r.int16();
  r.int32(); // timeout
  const topics = r.array((x) => ({
    name: x.string(),
    partitions: x.array((y) => ({ index: y.int32(), records: y.nullableBytes() })),
  }));
  const results = topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => {
      if (acks !== -1 && acks !== 0 && acks !== 1) return { index: p.index, code: ErrorCode.INVALID_REQUIRED_ACKS as number, baseOffset: -1, logStartOffset: -1, message: `acks must be -1, 0 or 1, got ${acks}` };
      if (!ctx.broker.topics.has(t.name)) return { index: p.index, code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION as number, baseOffset: -1, logStartOffset: -1, message: `unknown topic ${t.name}` };
      const decoded = decodeBatches(p.records ?? Buffer.alloc(0));
      if (!decoded.ok) return { index: p.index, code: decoded.code as number, baseOffset: -1, logStartOffset: -1, message: decoded.message };
      const out = appendBatches(ctx.broker, t.name, p.index, decoded.batches);
      return { index: p.index, code: out.code as number, baseOffset: out.baseOffset, logStartOffset: out.logStartOffset, message: out.message };
    }),
  }));
  if (acks === 0) return null;
  w.array(results, (ww, t) => {
    ww.string(t.name);
    ww.array(t.partitions, (www, p) => {
      www.int32(p.index).int16(p.code).int64(p.baseOffset).int64(-1);
      if (version >= 5) www.int64(p.logStartOffset);
      if (version >= 8) www.int32(0).nullableString(p.code === ErrorCode.NONE ? null : p.message);
    });
  });
  w.int32(0);
};

interface FetchPartitionReq {
  partition: number;
  fetchOffset: number;
  maxBytes: number;
}

interface FetchPartitionRes {
  partition: number;
  fetchOffset: number;
  code: number;
  highWatermark: number;
  logStartOffset: number;
  records: OutRecord[];
}

export const fetch: Handler = async (ctx, version, r, w) => {
  r.int32(); // replica id
  const maxWaitMs = Math.max(0, Math.min(r.int32(), 60_000));
  const minBytes = r.int32();
  const maxBytes = version >= 3 ? r.int32() : 0x7fffffff;
  if (version >= 4) r.int8(); // isolation level
  if (version >= 7) {
    r.int32(); // session id: sessions are not kept; every fetch is a full fetch (answered with session 0)
    r.int32();
  }
  const topics = r.array((x) => ({
    name: x.string(),
    partitions: x.array((y): FetchPartitionReq => {
      const partition = y.int32();
      if (version >= 9) y.int32();
      const fetchOffset = y.int64();
      if (version >= 5) y.int64();
      return { partition, fetchOffset, maxBytes: y.int32() };
    }),
  }));
  if (version >= 7) r.array((x) => (x.string(), x.array((y) => y.int32())));
  if (version >= 11) r.nullableString();

  const deadline = Date.now() + maxWaitMs;
  let results: { name: string; partitions: FetchPartitionRes[] }[];
  for (;;) {
    let total = 0;
    let errors = false;
    results = topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p): FetchPartitionRes => {
        const topic = ctx.broker.topics.get(t.name);
        if (!topic || p.partition < 0 || p.partition >= topic.logs.length) {
          errors = true;
          return { partition: p.partition, fetchOffset: p.fetchOffset, code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1, logStartOffset: -1, records: [] };
        }
        const log = topic.logs[p.partition];
        const base = { partition: p.partition, fetchOffset: p.fetchOffset, highWatermark: log.logEndOffset, logStartOffset: log.logStartOffset };
        if (p.fetchOffset < log.logStartOffset || p.fetchOffset > log.logEndOffset) {
          errors = true;
          return { ...base, code: ErrorCode.OFFSET_OUT_OF_RANGE, records: [] };
        }
        if (total >= maxBytes) return { ...base, code: ErrorCode.NONE, records: [] };
        const got = readForFetch(ctx.broker, t.name, p.partition, p.fetchOffset, Math.min(p.maxBytes, maxBytes - total));
        total += got.bytes;
        return { ...base, code: ErrorCode.NONE, records: got.records };
      }),
    }));
    const left = deadline - Date.now();
    if (errors || total >= Math.max(1, minBytes) || left <= 0) break;
    if (!(await ctx.waitForAppend(left))) return null; // connection gone
  }

  let recordBytes = 0;
  for (const t of results) for (const p of t.partitions) recordBytes += 80 + p.records.length * 24 + sizeOf(p.records);
  w.ensure(recordBytes);
  if (version >= 1) w.int32(0);
  if (version >= 7) w.int16(ErrorCode.NONE).int32(0);
  w.array(results, (ww, t) => {
    ww.string(t.name);
    ww.array(t.partitions, (www, p) => {
      www.int32(p.partition).int16(p.code).int64(p.highWatermark).int64(p.highWatermark);
      if (version >= 5) www.int64(p.logStartOffset);
      www.int32(0); // aborted transactions: none
      if (version >= 11) www.int32(-1);
      if (p.records.length === 0) {
        www.int32(0);
        if (p.code === ErrorCode.NONE) ctx.coordinator.noteFetch(ctx.clientId, t.name, p.partition, p.fetchOffset, p.fetchOffset, 0);
        return;
      }
      const lengthAt = www.reserveInt32();
      encodeBatch(www, p.records);
      www.patchInt32(lengthAt, www.offset - lengthAt - 4);
      const first = p.records[0].offset;
      const next = p.records[p.records.length - 1].offset + 1;
      ctx.coordinator.noteFetch(ctx.clientId, t.name, p.partition, first, next, p.records.length);
    });
  });
};

/** About how many bytes the records' keys and values take (a size hint for the response buffer). */
function sizeOf(records: OutRecord[]): number {
  let n = 0;
  for (const r of records) n += (r.key === null ? 0 : r.key.length) + (r.value === null ? 0 : r.value.length);
  return n;
}
