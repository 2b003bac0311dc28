// Pure views of the playground's pipeline: the read model's page of rows, the broker (topics,
// partitions, groups, lag, journal) and the key → partition walk. They read the pipeline and
// change nothing.
import { murmur2, partitionForKey, toPositive } from '../broker';
import type { OrderState } from '../domain/orders';
import { matchesOrderQuery } from './orderList';
import { NOTIFIER_GROUP, READ_MODEL_GROUP, TOPIC, type Pipeline } from './pipeline';

export function readModelPage(pipeline: Pipeline, options: { page: number; pageSize: number; query?: string }, delayMs: number) {
  const query = options.query ?? '';
  const rows = [...pipeline.model.rows.values()].filter((r) => matchesOrderQuery(query, { orderId: r.state.id, customerId: r.state.customerId })).sort(
    (a, b) => (b.state.createdAt ?? '').localeCompare(a.state.createdAt ?? '') || a.state.id.localeCompare(b.state.id),
  );
  const start = (options.page - 1) * options.pageSize;
  return {
    total: rows.length,
    orders: rows.slice(start, start + options.pageSize).map((r) => ({
      orderId: r.state.id,
      customerId: r.state.customerId,
      status: r.state.status,
      totalAmount: r.state.totalAmount,
      version: r.state.version,
      applied: r.applied,
      itemCount: r.state.items.length, // lines (distinct products), as the lesson and orders-read-model count
    })),
    stats: pipeline.model.summary(),
    delayMs,
    inbox: pipeline.model.inboxEnabled,
  };
}

export function readModelDetails(pipeline: Pipeline, orderId: string): { state: OrderState; applied: number } | undefined {
  const row = pipeline.model.rows.get(orderId);
  return row ? { state: structuredClone(row.state), applied: row.applied } : undefined;
}

export function brokerView(pipeline: Pipeline, options: { cellsPerPartition: number }) {
  const d = pipeline.broker.describe();
  const topics = d.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => {
      const from = Math.max(p.logStartOffset, p.logEndOffset - options.cellsPerPartition);
      const records = pipeline.broker.read(t.name, p.partition, { fromOffset: from, maxRecords: options.cellsPerPartition });
      return {
        partition: p.partition,
        logStartOffset: p.logStartOffset,
        logEndOffset: p.logEndOffset,
        records: records.map((r) => {
          const v = r.value as { type?: unknown; streamVersion?: unknown } | null;
          return {
            offset: r.offset,
            key: r.key,
            type: typeof v?.type === 'string' ? v.type : null,
            streamVersion: typeof v?.streamVersion === 'number' ? v.streamVersion : null,
            headers: { ...r.headers },
          };
        }),
      };
    }),
  }));
  return {
    time: d.time,
    topics,
    groups: d.groups.map((g) => ({
      groupId: g.groupId,
      generation: g.generation,
      state: g.state,
      assignor: g.assignor,
      totalLag: g.totalLag,
      members: g.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, origin: m.origin, status: m.status, generation: m.generation, assignment: m.assignment })),
      partitions: g.partitions.map((p) => ({ topic: p.topic, partition: p.partition, owner: p.owner, position: p.position, committed: p.committed, lag: p.lag })),
    })),
    lagHistory: pipeline.lag(),
    journal: journalTail(pipeline, 30),
    readers: pipeline.memberIds(),
    crashArmed: pipeline.crashIsArmed,
    notificationsSent: pipeline.notificationsSent,
    topic: TOPIC,
    readModelGroup: READ_MODEL_GROUP,
    notifierGroup: NOTIFIER_GROUP,
  };
}

/** The newest broker journal entries, newest first, each as a type, its fields as short text and as params. */
export function journalTail(pipeline: Pipeline, count: number) {
  const seq = pipeline.broker.describe().journalSeq;
  return pipeline.broker
    .journal({ after: Math.max(0, seq - count) })
    .reverse()
    .map(({ seq: s, time, type, ...fields }) => ({
      seq: s,
      time,
      type,
      fields: Object.entries(fields)
        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' ')
        .slice(0, 300),
      // The same fields as short values, so the page can word each entry as a sentence.
      params: journalParams(fields),
    }));
}

/** key → murmur2 → partition, step by step, for the explanation panel. */
export function explainKey(pipeline: Pipeline, key: string) {
  const bytes = new TextEncoder().encode(key);
  const hash = murmur2(key);
  const positive = toPositive(hash);
  const partitions = pipeline.partitions;
  return {
    key,
    utf8: Array.from(bytes.slice(0, 64), (b) => b.toString(16).padStart(2, '0')).join(' '),
    murmur2: hash,
    positive,
    partitions,
    partition: partitionForKey(key, partitions),
  };
}

/** Journal fields as primitives: partition lists read "P0@12, P1@7", other lists are joined, objects are JSON. */
export function journalParams(fields: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(partitionText).join(', ').slice(0, 300);
    else out[k] = JSON.stringify(v).slice(0, 300);
  }
  return out;
}

function partitionText(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  const o = v as { partition?: unknown; offset?: unknown; fromOffset?: unknown; toOffset?: unknown; memberId?: unknown; assignment?: unknown };
  if (typeof o.memberId === 'string') return `${o.memberId}: [${Array.isArray(o.assignment) ? o.assignment.map(partitionText).join(' ') : ''}]`;
  if (typeof o.partition === 'number' && typeof o.offset === 'number') return `P${o.partition}@${o.offset}`;
  if (typeof o.partition === 'number' && typeof o.fromOffset === 'number') return `P${o.partition}@${o.fromOffset}–${String(o.toOffset)}`;
  if (typeof o.partition === 'number') return `P${o.partition}`;
  return JSON.stringify(v);
}
