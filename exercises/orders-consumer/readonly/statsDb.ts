// The consumer's own database: statistics per customer, which order belongs to whom, and the
// inbox (ids of events already handled). It outlives any consumer process: a consumer that
// crashes is replaced by another one working on the same database.
// Each put/remember/mark is one write. `transaction` makes a group of writes all-or-nothing.

export interface CustomerStats {
  customerId: string;
  ordersPlaced: number;
  ordersPaid: number;
  /** Cents paid over all orders. */
  amountPaid: number;
  ordersCancelled: number;
}

/** Thrown by a write when the simulated process dies (see `crashOnWrite`). */
export class SimulatedCrash extends Error {
  readonly code = 'SIMULATED_CRASH';

  constructor(message = 'the consumer process died here') {
    super(message);
    this.name = 'SimulatedCrash';
  }
}

interface Tables {
  stats: Map<string, CustomerStats>;
  orders: Map<string, string>;
  inbox: Set<string>;
}

export class StatsDatabase {
  private tables: Tables = { stats: new Map(), orders: new Map(), inbox: new Set() };
  private depth = 0;
  private writesUntilCrash: number | null = null;
  /** Every write so far, committed or not (handy for counting crash points). */
  writes = 0;

  /**
   * Runs `fn`; if it throws, every write it made is undone and the error goes on. Nested calls
   * join the outer transaction.
   */
  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    const saved = this.copyTables();
    this.depth++;
    try {
      return fn();
    } catch (error) {
      this.tables = saved;
      throw error;
    } finally {
      this.depth--;
    }
  }

  // ---- the inbox

  hasProcessed(eventId: string): boolean {
    return this.tables.inbox.has(eventId);
  }

  markProcessed(eventId: string): void {
    this.write();
    this.tables.inbox.add(eventId);
  }

  processedCount(): number {
    return this.tables.inbox.size;
  }

  // ---- statistics

  getStats(customerId: string): CustomerStats {
    const row = this.tables.stats.get(customerId);
    return row ? { ...row } : { customerId, ordersPlaced: 0, ordersPaid: 0, amountPaid: 0, ordersCancelled: 0 };
  }

  putStats(row: CustomerStats): void {
    this.write();
    this.tables.stats.set(row.customerId, { ...row });
  }

  /** Every customer's row, by customer id. */
  allStats(): CustomerStats[] {
    return [...this.tables.stats.values()].map((row) => ({ ...row })).sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
  }

  // ---- which customer placed which order (OrderPaid and OrderCancelled do not say)

  rememberOrder(orderId: string, customerId: string): void {
    this.write();
    this.tables.orders.set(orderId, customerId);
  }

  customerOf(orderId: string): string | undefined {
    return this.tables.orders.get(orderId);
  }

  // ---- the fault for tests

  /** The write after `n` more successful writes throws SimulatedCrash (0: the very next one). Once. */
  crashOnWrite(n: number): void {
    this.writesUntilCrash = n;
  }

  private write(): void {
    this.writes++;
    if (this.writesUntilCrash === null) return;
    if (this.writesUntilCrash === 0) {
      this.writesUntilCrash = null;
      throw new SimulatedCrash();
    }
    this.writesUntilCrash--;
  }

  private copyTables(): Tables {
    return { stats: new Map(this.tables.stats), orders: new Map(this.tables.orders), inbox: new Set(this.tables.inbox) };
  }
}
