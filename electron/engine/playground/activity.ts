// The playground's activity log: what the faults panel and the broker view narrate (crashes,
// redeliveries, rebalances, retries, dead letters, conflicts, and the crash lab's dual writes, service
// crashes and relay restarts). Entries carry a kind and plain
// parameters; the UI turns them into sentences in the student's language.
export type ActivityKind =
  | 'crash'
  | 'lost-after-commit'
  | 'slow-consumer'
  | 'redelivery'
  | 'rebalance'
  | 'replacement'
  | 'poison'
  | 'retry'
  | 'dead-letter'
  | 'concurrency'
  | 'consumer-added'
  | 'consumer-removed'
  | 'rebuild'
  | 'snapshot'
  | 'duplicate-effect'
  | 'resent-skipped'
  | 'dual-write'
  | 'died-before-send'
  | 'died-before-commit'
  | 'died-after-commit'
  | 'restart-no-outbox'
  | 'restart-with-outbox'
  | 'relay-resumed'
  | 'relay-died-before-checkpoint';

export interface ActivityEntry {
  seq: number;
  /** Wall-clock ms. */
  at: number;
  kind: ActivityKind;
  params: Record<string, string | number | boolean | null>;
}

export class ActivityLog {
  private entries: ActivityEntry[] = [];
  private seq = 0;
  constructor(private readonly limit = 300) {}

  add(kind: ActivityKind, params: ActivityEntry['params'] = {}): ActivityEntry {
    const entry = { seq: ++this.seq, at: Date.now(), kind, params };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return entry;
  }

  /** The seq of the newest entry (0 when empty): entries added later have larger ones. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Newest first. */
  list(max = 100): ActivityEntry[] {
    return this.entries.slice(-max).reverse();
  }

  clear(): void {
    this.entries = [];
  }
}
