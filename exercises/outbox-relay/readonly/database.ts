// The shop's database: an orders table and an outbox table, changed only inside transactions that
// are all or nothing. A test can make the process "die" at one write (crashOn) to see what a crash
// at that moment leaves behind.

export interface OrderRow {
  orderId: string;
  customerId: string;
  totalAmount: number;
  placedAt: string;
}

/** What a writer puts in the outbox: one event, its payload as JSON text. */
export interface OutboxEntry {
  /** The order the event is about (the message key later). */
  aggregateId: string;
  type: string;
  /** The event as JSON. */
  payload: string;
}

/** A stored outbox row. `id` grows with every row; `sentAt` stays null until the relay marks it. */
export interface OutboxRow extends OutboxEntry {
  id: number;
  createdAt: string;
  sentAt: string | null;
}

/** The writes a transaction can make. */
export interface Transaction {
  insertOrder(row: OrderRow): void;
  /** Adds a row to the outbox and returns its id. */
  insertOutbox(entry: OutboxEntry, createdAt: string): number;
}

/** The process died at this point (a simulated crash): the running transaction is lost. */
export class DatabaseCrash extends Error {
  constructor(readonly at: string) {
    super(`the process crashed during ${at}`);
    this.name = 'DatabaseCrash';
  }
}

type CrashPoint = 'insertOrder' | 'insertOutbox' | 'markSent';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class ShopDatabase {
  private orderRows: OrderRow[] = [];
  private outboxRows: OutboxRow[] = [];
  private crashPoint: CrashPoint | null = null;
  /** How many transactions were committed. */
  commits = 0;

  /**
   * Runs `work` in a transaction: if it returns, every write is kept; if it throws, none is, and the
   * error is thrown on.
   */
  transaction<T>(work: (tx: Transaction) => T): T {
    const orders = [...this.orderRows];
    const outbox = [...this.outboxRows];
    const tx: Transaction = {
      insertOrder: (row) => {
        this.crashIfAt('insertOrder');
        if (orders.some((order) => order.orderId === row.orderId)) throw new Error(`order ${row.orderId} already exists`);
        orders.push(copy(row));
      },
      insertOutbox: (entry, createdAt) => {
        this.crashIfAt('insertOutbox');
        const id = (outbox.at(-1)?.id ?? 0) + 1;
        outbox.push({ ...copy(entry), id, createdAt, sentAt: null });
        return id;
      },
    };
    const result = work(tx);
    this.orderRows = orders;
    this.outboxRows = outbox;
    this.commits++;
    return result;
  }

  /** Every order, oldest first (copies). */
  orders(): OrderRow[] {
    return copy(this.orderRows);
  }

  /** Every outbox row, sent or not, by id (copies). */
  outbox(): OutboxRow[] {
    return copy(this.outboxRows);
  }

  /** Up to `limit` rows not sent yet, oldest (lowest id) first (copies). */
  unsent(limit = 100): OutboxRow[] {
    return copy(this.outboxRows.filter((row) => row.sentAt === null).slice(0, limit));
  }

  /** Marks one outbox row as sent (a write of its own, committed at once). */
  markSent(id: number, sentAt: string): void {
    this.crashIfAt('markSent');
    const row = this.outboxRows.find((candidate) => candidate.id === id);
    if (!row) throw new Error(`no outbox row ${id}`);
    this.outboxRows = this.outboxRows.map((candidate) => (candidate.id === id ? { ...candidate, sentAt } : candidate));
  }

  /** Test hook: the next write of this kind crashes the process (throws DatabaseCrash and keeps nothing of it). */
  crashOn(point: CrashPoint): void {
    this.crashPoint = point;
  }

  private crashIfAt(point: CrashPoint): void {
    if (this.crashPoint !== point) return;
    this.crashPoint = null;
    throw new DatabaseCrash(point);
  }
}
